/** Instant search: every query part must match (prefix for the last word), ranked by IDF × field weight. */
import { TF_LEVELS, type IndexStore } from './store';
import { parseQuery, type QueryPart } from './query';
import { makeFilter } from './filters';
import { ScoreBoard, topK } from './scores';
import { highlightText, makeSnippet } from './highlight';
import type { SearchHit, SearchOptions, StoredDoc } from './types';

/** Weight of a match by field slot: title, tags/site/category, summary, full text. */
const FIELD_WEIGHT = [3, 2, 1.2, 0.6];
const MAX_PREFIX_TERMS = 40;
const MAX_CHAR_TERMS = 150;

interface WeightedTerm {
  term: string;
  weight: number;
}

/** The most frequent `max` of `terms` (frequent completions are what people usually mean). */
function mostFrequent(store: IndexStore, terms: string[], max: number): string[] {
  if (terms.length <= max) return terms;
  return terms
    .map((t) => ({ t, df: store.docFreq(t) }))
    .sort((a, b) => b.df - a.df)
    .slice(0, max)
    .map((x) => x.t);
}

/** The index terms a query part stands for, with how much each counts. */
function expandPart(store: IndexStore, part: QueryPart): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  if (part.term) out.push({ term: part.term, weight: 1 });
  if (part.kind === 'prefix') {
    const more = store.wordsWithPrefix(part.raw).filter((t) => t !== part.term);
    for (const t of mostFrequent(store, more, MAX_PREFIX_TERMS)) out.push({ term: t, weight: 0.8 });
  } else if (part.kind === 'char') {
    const more = store.cjkTermsWithChar(part.raw).filter((t) => t !== part.term);
    for (const t of mostFrequent(store, more, MAX_CHAR_TERMS)) out.push({ term: t, weight: 0.9 });
  }
  return out;
}

/** One posting list (a term's field slot) and the score each of its docs gets from it. */
interface ScoredList {
  docs: ReadonlyArray<number>;
  score: number;
}

/** A part's posting lists, each with its score (IDF × expansion weight × field × tf level), best first. */
function scoredLists(store: IndexStore, part: QueryPart): ScoredList[] {
  const out: ScoredList[] = [];
  for (const { term, weight } of expandPart(store, part)) {
    const postings = store.postings(term);
    let df = 0;
    for (const a of postings) if (a) df += a.length;
    if (!df) continue;
    const idf = store.idf(df);
    for (let slot = 0; slot < postings.length; slot++) {
      const docs = postings[slot];
      if (!docs || !docs.length) continue;
      out.push({ docs, score: idf * weight * FIELD_WEIGHT[(slot / TF_LEVELS) | 0]! * (1 + 0.1 * (slot % TF_LEVELS)) });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * One-part queries (a word, a prefix, one Chinese character): a doc's score is its best list's score,
 * so walking lists best first and stopping once `limit` live (filtered) docs are in gives the exact
 * top `limit` without touching the long tails of common terms and their expansions.
 */
function scoreSinglePart(
  store: IndexStore,
  board: ScoreBoard,
  lists: ScoredList[],
  limit: number,
  filter: ((d: StoredDoc) => boolean) | null,
): void {
  board.beginPart();
  let found = 0;
  for (const { docs, score } of lists) {
    if (found >= limit) break;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (!board.offer(d, score)) continue;
      const doc = store.docs.get(d);
      if (doc && (!filter || filter(doc))) found++;
    }
  }
  board.endPart();
}

/** Parts needed for a result: all of a short query, most of a long CJK one (bigram noise). */
function requiredParts(n: number): number {
  return n <= 3 ? n : Math.ceil(n * 0.75);
}

/** Run a search against the store. */
export function runSearch(store: IndexStore, board: ScoreBoard, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(1, opts.limit ?? 20);
  const filter = makeFilter(opts.filters);
  const { parts, needles } = parseQuery(query, opts.prefix ?? true);
  if (parts.length === 0) {
    if (!filter) return [];
    // No words, only filters: browse the matching clips, newest first.
    const docs = topK(
      [...store.docs.values()].filter(filter),
      limit,
      (d) => d.time,
    );
    return docs.map((d) => ({
      id: d.id,
      score: 0,
      matched: 0,
      parts: 0,
      title: { text: d.title, highlights: [] },
      snippet: makeSnippet(d.blurb, []),
    }));
  }
  board.reset(store.capacity);
  const expanded = parts.map((part) => scoredLists(store, part));
  const need = requiredParts(parts.length);
  if (parts.length === 1) {
    scoreSinglePart(store, board, expanded[0]!, limit, filter);
  } else {
    // Rarest parts first. A result must match `need` parts, so it matches at least one of the first
    // (n − need + 1): only those can bring in new docs; later parts only score docs already in play.
    const order = expanded.map((lists, i) => ({ lists, i, df: lists.reduce((n, l) => n + l.docs.length, 0) }));
    order.sort((a, b) => a.df - b.df);
    order.forEach(({ lists }, k) => {
      const open = k < parts.length - need + 1;
      board.beginPart();
      for (const { docs, score } of lists) {
        if (open) for (let i = 0; i < docs.length; i++) board.offer(docs[i]!, score);
        else for (let i = 0; i < docs.length; i++) board.offerKnown(docs[i]!, score);
      }
      board.endPart();
    });
  }
  const candidates = board.touched.filter((d) => {
    if (board.matched(d) < need) return false;
    const doc = store.docs.get(d);
    return !!doc && (!filter || filter(doc));
  });
  const best = topK(candidates, limit, (d) => board.matched(d) * 1e6 + board.score(d));
  const hits: SearchHit[] = [];
  for (const d of best) {
    const doc = store.docs.get(d);
    if (!doc) continue;
    hits.push({
      id: doc.id,
      score: Math.round(board.score(d) * 1000) / 1000,
      matched: board.matched(d),
      parts: parts.length,
      title: highlightText(doc.title, needles),
      snippet: makeSnippet(doc.blurb, needles),
    });
  }
  return hits;
}
