/** A link-only JSON clip (no body) made from a bookmark or a read-it-later item. */
import type { JsonClip } from '../clip/interchange';
import { createUlidFactory } from '../clip/id';
import { normalizeUrl } from '../url/canonical';

/** What a bookmark or Pocket row tells about a page. */
export interface LinkInput {
  url: string;
  title: string;
  tags: string[];
  /** ms since epoch. */
  createdAt: number;
  /** ms since epoch; defaults to createdAt. */
  updatedAt?: number;
  note?: string;
  /** English category path, or null when unfiled. */
  category: string | null;
}

/** URL schemes a link clip may point at; others (place:, javascript:, data:, about:, chrome:) are skipped. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'file:']);

/** Why a bookmark URL cannot become a clip, or null when it can. */
export function linkUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return 'no URL';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `not a valid URL: ${clipText(trimmed)}`;
  }
  if (LINK_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol === 'place:') return 'Firefox query bookmark (place:), not a page';
  if (parsed.protocol === 'javascript:') return 'bookmarklet (javascript:), not a page';
  return `unsupported URL scheme ${parsed.protocol}`;
}

function clipText(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Title to show when the source has none: the URL without its scheme. */
export function fallbackTitle(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/$/, '') || url;
}

/** Tags trimmed, empty ones dropped, duplicates (ignoring case) removed, first spelling kept. */
export function cleanTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Build the JSON clip of mode `link` for a bookmark: id from its creation time, canonical URL normalized. */
export function makeLinkClip(input: LinkInput): JsonClip {
  const url = input.url.trim();
  const created = new Date(input.createdAt).toISOString();
  return {
    id: createUlidFactory()(Math.max(0, Math.floor(input.createdAt))),
    url,
    canonicalUrl: normalizeUrl(url),
    title: input.title.trim() ? input.title : fallbackTitle(url),
    byline: null,
    siteName: null,
    lang: 'und',
    dir: null,
    publishedTime: null,
    excerpt: '',
    summary: { abstract: '', keyPoints: [] },
    text: '',
    markdown: '',
    html: '',
    category: input.category,
    tags: cleanTags(input.tags),
    wordCount: 0,
    readingMinutes: 0,
    mode: 'link',
    note: input.note ?? '',
    visibility: 'private',
    createdAt: created,
    updatedAt: new Date(input.updatedAt ?? input.createdAt).toISOString(),
  };
}
