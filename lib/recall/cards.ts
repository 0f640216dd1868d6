/**
 * What a search or related result shows besides its highlighted text: title, site, category, date
 * and URLs. Built from what the index keeps of the clip (lib/search storedDoc) plus its createdAt and
 * URL keys, so the snapshot stores only those two and cards rebuilt from it equal cards built live.
 */
import type { Clip } from '../clip/types';
import type { Category } from '../categorize/types';
import { storedDoc, type SearchableClip, type StoredDoc } from '../search';
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

/** A card from what the index keeps of its clip (a snapshot holds the rest: createdAt and URL keys). */
export function cardFromDoc(doc: StoredDoc, createdAt: string, keys: string[]): ClipCard {
  return { id: doc.id, title: doc.title || doc.url, url: doc.url, keys, site: doc.site || doc.host, categoryId: doc.categoryId, tags: doc.tags, createdAt, blurb: doc.blurb };
}

/** The card of a clip: the same as one rebuilt from a snapshot, by construction. */
export function cardOf(clip: Clip): ClipCard {
  const keys = [...new Set([clip.canonicalUrl, normalizeUrl(clip.url)].filter(Boolean))];
  return cardFromDoc(storedDoc(clip), clip.createdAt, keys);
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
