/** Types of the local search index: what it takes in, what search and related give back. */
import type { PackedStrings } from './pack';

/** What the index needs from a clip (a Clip fits; JSON clips with a `category` name fit too). */
export interface SearchableClip {
  id: string;
  url?: string | null;
  canonicalUrl?: string | null;
  title?: string | null;
  siteName?: string | null;
  lang?: string | null;
  categoryId?: string | null;
  /** Category display name(s), indexed as words so "design" finds clips filed under Design. */
  category?: string | null;
  tags?: string[] | null;
  excerpt?: string | null;
  summary?: { abstract?: string | null; keyPoints?: string[] | null } | null;
  text?: string | null;
  note?: string | null;
  createdAt?: string | null;
  publishedTime?: string | null;
  deletedAt?: string | null;
}

/** Text plus the ranges to mark: the UI renders segments, never injected HTML. */
export interface Highlighted {
  text: string;
  /** Sorted, non-overlapping [start, end) UTF-16 offsets into `text`. */
  highlights: Array<[number, number]>;
}

/** Narrow a search to part of the library. Each given filter must hold. */
export interface SearchFilters {
  /** One category id, or several (any of them). */
  categoryId?: string | string[];
  /** Clips carrying every listed tag (case-insensitive). */
  tags?: string[];
  /** Site name or host ("github.com" also matches "docs.github.com"), case-insensitive. */
  site?: string;
  /** Clipped at or after this instant (ISO string, Date or epoch ms). */
  from?: string | number | Date;
  /** Clipped at or before this instant. */
  to?: string | number | Date;
  /** Primary language tag, e.g. "zh". */
  lang?: string;
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
  /** Treat the last word as a prefix (search as you type). Default true. */
  prefix?: boolean;
}

/** One search result. */
export interface SearchHit {
  id: string;
  score: number;
  /** How many of the query's parts matched (results with more come first). */
  matched: number;
  /** Of how many query parts. */
  parts: number;
  title: Highlighted;
  /** A short passage from the clip's summary (or its text when full text is indexed). */
  snippet: Highlighted;
}

/** The page being read, as related() needs it. Everything is optional but some text helps. */
export interface RelatedPage {
  title?: string | null;
  url?: string | null;
  siteName?: string | null;
  text?: string | null;
  /** Key terms a caller already extracted (e.g. by lib/text), weighted above plain text terms. */
  keyTerms?: string[] | null;
  /** The category the page would be filed under, if known: same-category clips get a boost. */
  categoryId?: string | null;
}

export interface RelatedOptions {
  limit?: number;
  /** Leave out clips of this URL (the page itself when it was clipped). */
  excludeUrl?: string | null;
  /** Drop results scoring under this fraction of the best one (default 0.2). */
  minRelativeScore?: number;
}

/** Why a clip is related, in parts the UI can show. */
export interface RelatedWhy {
  /** Shared key terms, most telling first (surface forms from the page). */
  terms: string[];
  sameSite: boolean;
  sameCategory: boolean;
  /** A short human line: "shared: knowledge, 组织学习 · same site". */
  text: string;
}

export interface RelatedHit {
  id: string;
  score: number;
  why: RelatedWhy;
}

export interface SearchIndexOptions {
  /** Index the full text too (bigger and slower to build; summary-level fields are always indexed). */
  fullText?: boolean;
}

/**
 * A copy of an index, restored by `importSnapshot` (which also reads `cairn-search/2` and `/1`). Its big
 * parts are typed arrays and packed strings, so IndexedDB stores and loads it with near-memcpy cost;
 * it also survives JSON (typed arrays come back as objects, which importSnapshot accepts).
 */
export interface SearchSnapshot {
  format: 'cairn-search/3';
  fullText: boolean;
  nextNum: number;
  docs: PackedDocs;
  /** Terms that hold postings, in the order of `postings`. */
  terms: PackedStrings;
  /** Per term: 0, its entry count n, then n entries `doc << 4 | slot` (doc numbers ascending); word 0 is 0. */
  postings: Uint32Array;
}

/** StoredDocs as columns (one entry per doc, in doc-number order). */
export interface PackedDocs {
  nums: Uint32Array;
  id: PackedStrings;
  url: PackedStrings;
  host: PackedStrings;
  title: PackedStrings;
  blurb: PackedStrings;
  site: PackedStrings;
  /** '\u0000' for null. */
  categoryId: PackedStrings;
  lang: PackedStrings;
  /** Tags of every doc, flat; `tagCounts` says how many each doc has. */
  tags: PackedStrings;
  tagCounts: Uint32Array;
  time: Float64Array;
  terms: Uint32Array;
}

/** The second snapshot format (number arrays), still accepted by `importSnapshot`. */
export interface SearchSnapshotV2 {
  format: 'cairn-search/2';
  fullText: boolean;
  nextNum: number;
  docs: Array<[number, StoredDoc]>;
  /** Terms that hold postings, in the order of `postings`. */
  terms: string[];
  /** Per term: its entry count n, then n entries `docDelta << 4 | slot` (doc numbers ascending). */
  postings: number[];
}

/** The first snapshot format (FlexSearch's own export), still accepted by `importSnapshot`. */
export interface SearchSnapshotV1 {
  format: 'cairn-search/1';
  fullText: boolean;
  nextNum: number;
  docs: Array<[number, StoredDoc]>;
  vocab: string[];
  flex: Array<[string, string]>;
}

/** What the index keeps per clip for filters, titles and snippets. */
export interface StoredDoc {
  id: string;
  url: string;
  host: string;
  title: string;
  /** Snippet source: the abstract (or excerpt), cut to a few hundred characters. */
  blurb: string;
  site: string;
  categoryId: string | null;
  tags: string[];
  /** createdAt (or publishedTime) in epoch ms, 0 when unknown. */
  time: number;
  lang: string;
  /** Distinct index terms (length normalisation). */
  terms: number;
}
