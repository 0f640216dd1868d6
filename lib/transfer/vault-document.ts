/**
 * One clip as a vault note: Markdown with YAML front matter that carries every field of the JSON clip except
 * the derived text and HTML, so a vault reads back into the same library. The body is the clip's Markdown,
 * written verbatim.
 */
import { yamlString, type JsonClip } from '../clip/interchange';
import { parseMarkdownDocument, type FrontMatterValue } from './front-matter';

const list = (items: string[]) => `[${items.map(yamlString).join(', ')}]`;

/** The vault note for a clip (properties Obsidian shows: title, url, tags, category, created, …). */
export function toVaultDocument(clip: JsonClip): string {
  const lines = [
    '---',
    `title: ${yamlString(clip.title)}`,
    `url: ${yamlString(clip.url)}`,
    `canonical_url: ${yamlString(clip.canonicalUrl)}`,
    `category: ${yamlString(clip.category)}`,
    `tags: ${list(clip.tags)}`,
    `note: ${yamlString(clip.note)}`,
    `created: ${yamlString(clip.createdAt)}`,
    `updated: ${yamlString(clip.updatedAt ?? clip.createdAt)}`,
    `id: ${yamlString(clip.id)}`,
    `mode: ${yamlString(clip.mode)}`,
    `visibility: ${yamlString(clip.visibility)}`,
    `byline: ${yamlString(clip.byline)}`,
    `site: ${yamlString(clip.siteName)}`,
    `lang: ${yamlString(clip.lang)}`,
    `dir: ${yamlString(clip.dir)}`,
    `published: ${yamlString(clip.publishedTime)}`,
    `excerpt: ${yamlString(clip.excerpt)}`,
    `word_count: ${clip.wordCount}`,
    `reading_minutes: ${clip.readingMinutes}`,
    'summary:',
    `  abstract: ${yamlString(clip.summary.abstract)}`,
    `  key_points: ${list(clip.summary.keyPoints)}`,
    ...(clip.fallback ? [`fallback: ${yamlString(clip.fallback)}`] : []),
    '---',
    '',
  ];
  return `${lines.join('\n')}\n${clip.markdown}`;
}

const str = (v: FrontMatterValue | undefined): string | null => (typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : null);
const strList = (v: FrontMatterValue | undefined): string[] =>
  Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : typeof v === 'string' && v.trim() ? v.split(/\s*,\s*/) : [];
const num = (v: FrontMatterValue | undefined): number => {
  const n = Number(str(v));
  return Number.isFinite(n) && n >= 0 ? n : 0;
};
const isoOrNull = (v: FrontMatterValue | undefined): string | null => {
  const s = str(v);
  return s && !Number.isNaN(Date.parse(s)) ? s : null;
};

/**
 * Read a vault note back into a JSON clip (its body as the Markdown and plain text), or explain why it cannot
 * be one. Notes written by hand need only a `url`; a missing id or date is filled in with `makeId` / `now`.
 */
export function fromVaultDocument(text: string, makeId: (createdMs: number) => string, now: number): { clip: JsonClip } | { problem: string } {
  const { data, body } = parseMarkdownDocument(text);
  const url = str(data.url)?.trim();
  if (!url) return { problem: 'no url in the front matter' };
  const created = isoOrNull(data.created) ?? new Date(now).toISOString();
  const summary = data.summary && typeof data.summary === 'object' && !Array.isArray(data.summary) ? data.summary : {};
  const mode = str(data.mode);
  const dir = str(data.dir);
  const clip: JsonClip = {
    id: str(data.id) || makeId(Date.parse(created)),
    url,
    canonicalUrl: str(data.canonical_url) || url,
    title: str(data.title) ?? url,
    byline: str(data.byline),
    siteName: str(data.site),
    lang: str(data.lang) || 'und',
    dir: dir === 'ltr' || dir === 'rtl' ? dir : null,
    publishedTime: str(data.published),
    excerpt: str(data.excerpt) ?? '',
    summary: { abstract: str(summary.abstract) ?? '', keyPoints: strList(summary.key_points) },
    text: body,
    markdown: body,
    html: '',
    category: str(data.category),
    tags: strList(data.tags),
    wordCount: Math.floor(num(data.word_count)),
    readingMinutes: num(data.reading_minutes),
    mode: mode === 'article' || mode === 'selection' || mode === 'page' || mode === 'link' ? mode : body.trim() ? 'article' : 'link',
    note: str(data.note) ?? '',
    visibility: str(data.visibility) === 'team' ? 'team' : 'private',
    createdAt: created,
    updatedAt: isoOrNull(data.updated) ?? created,
  };
  const fallback = str(data.fallback);
  if (fallback) clip.fallback = fallback;
  return { clip };
}
