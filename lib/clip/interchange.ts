/**
 * The JSON clip: Cairn's interchange format, printed by `cairn clip` and read back by import, export,
 * search and sync. It is the Clip with the category written as a readable path of English names
 * ("Technology/AI & Data") instead of a taxonomy id, so it survives moving between libraries.
 * Also: the same clip as Markdown with YAML front matter.
 */
import { z } from 'zod';
import type { Category } from '../categorize/types';
import { categoryPath, findCategoryByPath } from '../categorize/taxonomy';
import type { Clip } from './types';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time');

/** Schema of one JSON clip. Unknown fields are dropped; fields added after version 1 have defaults. */
export const JsonClipSchema = z.object({
  /** Time-ordered id (ULID) made where the clip was taken. */
  id: z.string().min(1),
  url: z.string(),
  canonicalUrl: z.string(),
  title: z.string(),
  byline: z.string().nullable().default(null),
  siteName: z.string().nullable().default(null),
  lang: z.string().default('und'),
  dir: z.enum(['ltr', 'rtl']).nullable().default(null),
  publishedTime: z.string().nullable().default(null),
  excerpt: z.string().default(''),
  summary: z.object({ abstract: z.string(), keyPoints: z.array(z.string()) }).default({ abstract: '', keyPoints: [] }),
  text: z.string().default(''),
  markdown: z.string().default(''),
  html: z.string().default(''),
  /** Path of English category names from the root, "/"-separated; null when unfiled. */
  category: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  wordCount: z.number().int().nonnegative().default(0),
  readingMinutes: z.number().nonnegative().default(0),
  mode: z.enum(['article', 'selection', 'page', 'link']).default('article'),
  note: z.string().default(''),
  visibility: z.enum(['private', 'team']).default('private'),
  createdAt: isoTime,
  updatedAt: isoTime.optional(),
  /** Present only when the pipeline fell back to plain page text, saying why. */
  fallback: z.string().nullable().optional(),
  /** Present only on a deleted clip (a tombstone). */
  deletedAt: isoTime.nullable().optional(),
});

/** One JSON clip as parsed (defaults filled in). */
export type JsonClip = z.output<typeof JsonClipSchema>;

/** Write a stored clip as a JSON clip, its category id turned into a path of English names. */
export function toJsonClip(clip: Clip, taxonomy: Category[]): JsonClip {
  const path = clip.categoryId ? categoryPath(taxonomy, clip.categoryId, 'en') : '';
  const json: JsonClip = {
    id: clip.id,
    url: clip.url,
    canonicalUrl: clip.canonicalUrl,
    title: clip.title,
    byline: clip.byline,
    siteName: clip.siteName,
    lang: clip.lang,
    dir: clip.dir,
    publishedTime: clip.publishedTime,
    excerpt: clip.excerpt,
    summary: { abstract: clip.summary.abstract, keyPoints: [...clip.summary.keyPoints] },
    text: clip.text,
    markdown: clip.markdown,
    html: clip.html,
    category: path || null,
    tags: [...clip.tags],
    wordCount: clip.wordCount,
    readingMinutes: clip.readingMinutes,
    mode: clip.mode,
    note: clip.note,
    visibility: clip.visibility,
    createdAt: clip.createdAt,
    updatedAt: clip.updatedAt,
  };
  if (clip.fallback) json.fallback = clip.fallback;
  if (clip.deletedAt) json.deletedAt = clip.deletedAt;
  return json;
}

/**
 * Read a JSON clip (validated with JsonClipSchema) back into a Clip, resolving its category path against
 * `taxonomy` by English or Chinese names (or aliases) at each level. A path the taxonomy lacks gives a null categoryId;
 * use `resolveCategoryPath` first to detect that (an importer may want to create the category).
 */
export function fromJsonClip(input: unknown, taxonomy: Category[]): Clip {
  const json = JsonClipSchema.parse(input);
  return {
    id: json.id,
    mode: json.mode,
    url: json.url,
    canonicalUrl: json.canonicalUrl,
    title: json.title,
    byline: json.byline,
    siteName: json.siteName,
    lang: json.lang,
    dir: json.dir,
    publishedTime: json.publishedTime,
    excerpt: json.excerpt,
    summary: json.summary,
    text: json.text,
    markdown: json.markdown,
    html: json.html,
    wordCount: json.wordCount,
    readingMinutes: json.readingMinutes,
    fallback: json.fallback ?? null,
    categoryId: json.category ? resolveCategoryPath(taxonomy, json.category) : null,
    tags: json.tags,
    note: json.note,
    visibility: json.visibility,
    createdAt: json.createdAt,
    updatedAt: json.updatedAt ?? json.createdAt,
    deletedAt: json.deletedAt ?? null,
  };
}

/** The id of the category at a "/"-separated path of names (English, Chinese or alias, any case), or null. */
export function resolveCategoryPath(taxonomy: Category[], path: string): string | null {
  return findCategoryByPath(taxonomy, path)?.id ?? null;
}

/**
 * One JSON clip as a Markdown document: a YAML front matter block (title, url, canonical_url, byline, site,
 * lang, published, category, tags, created, summary) and then the Markdown body. Every string is
 * double-quoted and escaped, so titles with colons, quotes, "#" or Chinese text read back exactly.
 */
export function toMarkdownDocument(json: JsonClip): string {
  const lines = [
    '---',
    `title: ${yamlString(json.title)}`,
    `url: ${yamlString(json.url)}`,
    `canonical_url: ${yamlString(json.canonicalUrl)}`,
    `byline: ${yamlString(json.byline)}`,
    `site: ${yamlString(json.siteName)}`,
    `lang: ${yamlString(json.lang)}`,
    `published: ${yamlString(json.publishedTime)}`,
    `category: ${yamlString(json.category)}`,
    `tags: [${json.tags.map(yamlString).join(', ')}]`,
    `created: ${yamlString(json.createdAt)}`,
    `id: ${yamlString(json.id)}`,
    'summary:',
    `  abstract: ${yamlString(json.summary.abstract)}`,
    json.summary.keyPoints.length ? '  key_points:' : '  key_points: []',
    ...json.summary.keyPoints.map((point) => `    - ${yamlString(point)}`),
    '---',
    '',
  ];
  return `${lines.join('\n')}\n${json.markdown.trim()}\n`;
}

/**
 * A YAML double-quoted scalar (or `null`). JSON string syntax is valid YAML, except that YAML also needs
 * DEL, C1 controls, U+2028/2029 and the BOM escaped; JSON.stringify already escapes C0 controls.
 */
export function yamlString(value: string | null): string {
  if (value === null) return 'null';
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
