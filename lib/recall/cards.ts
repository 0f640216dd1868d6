/**
 * What a search or related result shows besides its highlighted text: title, site, category, date
 * and URLs, kept per clip next to the index (the index itself keeps only what ranking needs).
 */
import type { Clip } from '../clip/types';
import type { Category } from '../categorize/types';
import type { SearchableClip } from '../search';
import { normalizeUrl } from '../url/canonical';

export interface ClipCard {
  id: string;
  title: string;
  url: string;
  /** Normalized URLs of the clip (canonical and as visited), to spot "this page is clipped". */
  keys: string[];
  site: string;
  categoryId: string | null;
  tags: string[];
  createdAt: string;
  /** Abstract or excerpt: the related snippet's source. */
  blurb: string;
}

/** The host without `www.`, or '' for an unparsable URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The card of a clip. */
export function cardOf(clip: Clip): ClipCard {
  const keys = [...new Set([clip.canonicalUrl, normalizeUrl(clip.url)].filter(Boolean))];
  return {
    id: clip.id,
    title: clip.title || clip.url,
    url: clip.url,
    keys,
    site: clip.siteName || siteOf(clip.url),
    categoryId: clip.categoryId,
    tags: clip.tags ?? [],
    createdAt: clip.createdAt,
    blurb: (clip.summary?.abstract || clip.excerpt || '').slice(0, 400),
  };
}

/** Category names by id (English and Chinese, with aliases), indexed as words of the clip. */
export function categoryNamer(taxonomy: readonly Category[]): (id: string | null | undefined) => string {
  const names = new Map<string, string>();
  for (const c of taxonomy) names.set(c.id, [c.name.en, c.name.zh, ...c.aliases].filter(Boolean).join(' '));
  return (id) => (id ? names.get(id) ?? '' : '');
}

/** The names indexed into clips, by category id (what the index depends on in the taxonomy). */
export type CategoryNames = Record<string, string>;

/** The names each category contributes to its clips' index entries. */
export function categoryNames(taxonomy: readonly Category[]): CategoryNames {
  const namer = categoryNamer(taxonomy);
  return Object.fromEntries(taxonomy.map((c) => [c.id, namer(c.id)]));
}

/** Ids of categories added, removed or renamed between two name maps: only their clips need re-indexing. */
export function changedCategories(before: CategoryNames, after: CategoryNames): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => (before[id] ?? '') !== (after[id] ?? ''));
}

/** The part of a clip the search index takes (no html or markdown; text only with full text). */
export function searchableOf(clip: Clip, categoryName: (id: string | null) => string, fullText = false): SearchableClip {
  return {
    id: clip.id,
    url: clip.url,
    canonicalUrl: clip.canonicalUrl,
    title: clip.title,
    siteName: clip.siteName,
    lang: clip.lang,
    categoryId: clip.categoryId,
    category: categoryName(clip.categoryId) || null,
    tags: clip.tags,
    excerpt: clip.excerpt,
    summary: clip.summary,
    text: fullText ? clip.text : null,
    note: clip.note,
    createdAt: clip.createdAt,
    publishedTime: clip.publishedTime,
    deletedAt: clip.deletedAt ?? null,
  };
}
