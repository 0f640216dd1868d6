/**
 * The local search index behind "Search" and "Related to this page": instant search with highlighted
 * snippets and filters over English, Chinese and mixed clips, and related-clip matching for a page.
 * Build it from the library (IndexedDB, a JSON export…), keep it current with add/update/remove, and
 * persist it with exportSnapshot/importSnapshot.
 */
import { IndexStore } from './store';
export { storedDoc } from './store';
import { ScoreBoard } from './scores';
import { runSearch } from './search';
import { runRelated } from './related';
import type {
  RelatedHit,
  RelatedOptions,
  RelatedPage,
  SearchableClip,
  SearchHit,
  SearchIndexOptions,
  SearchOptions,
  SearchSnapshot,
  StoredDoc,
} from './types';

export type * from './types';
export type { PackedStrings } from './pack';
export { makeSnippet, highlightText, findMatches } from './highlight';
export { indexTerms } from './tokenize';

/** A search index over clips. All calls are synchronous and local. */
export interface SearchIndex {
  /** Index a clip (replaces an earlier version with the same id; a tombstone removes it). */
  add(clip: SearchableClip): void;
  /** Re-index a changed clip: its old terms stop matching. */
  update(clip: SearchableClip): void;
  /** Drop a clip; false when it was not indexed. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /** What the index keeps of a clip for results (title, URL, site, blurb, tags…), or undefined. */
  storedDoc(id: string): StoredDoc | undefined;
  /** Search as you type: every query part must match, the last word also as a prefix. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Clips related to a page, with a score and why. */
  related(page: RelatedPage, options?: RelatedOptions): RelatedHit[];
  /**
   * Do part of the one-time work search-as-you-type needs (its prefix/character table is built on
   * first use, not on import: related results never need it) until `timeUp()`; true when done.
   * Call it in idle slices after loading so the first keystroke does not pay for it.
   */
  prepareSearch(timeUp?: () => boolean): boolean;
  /** Number of indexed clips. */
  readonly size: number;
  /** A snapshot of typed arrays and packed strings (store it, then importSnapshot instead of re-indexing). */
  exportSnapshot(): SearchSnapshot;
  /** Replace the contents with a snapshot. */
  importSnapshot(snapshot: SearchSnapshot): void;
}

/** Make an empty index. Summary-level fields are always indexed; `fullText` adds the clip text. */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const store = new IndexStore(!!options.fullText);
  const board = new ScoreBoard();
  return {
    add: (clip) => store.put(clip),
    update: (clip) => store.put(clip),
    remove: (id) => store.remove(id),
    has: (id) => store.numById.has(id),
    storedDoc: (id) => {
      const num = store.numById.get(id);
      return num === undefined ? undefined : store.docs.get(num);
    },
    search: (query, opts) => runSearch(store, board, query, opts),
    related: (page, opts) => runRelated(store, board, page, opts),
    prepareSearch: (timeUp) => store.prepareSearch(timeUp),
    get size() {
      return store.size;
    },
    exportSnapshot: () => store.exportSnapshot(),
    importSnapshot: (snap) => store.importSnapshot(snap),
  };
}

/** Build an index from a list of clips (deleted ones are skipped). */
export function buildSearchIndex(clips: Iterable<SearchableClip>, options: SearchIndexOptions = {}): SearchIndex {
  const index = createSearchIndex(options);
  for (const c of clips) index.add(c);
  return index;
}
