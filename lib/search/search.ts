/** Instant search: every query part must match (prefix for the last word), ranked by IDF × field weight. */
import { SLOT_BITS, SLOT_MASK, SLOTS, TF_LEVELS, type IndexStore } from './store';
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
  docs: ArrayLike<number>;
  score: number;
}

/** A term of a query part with its IDF × expansion weight (its lists score that × field × tf level). */
interface PartTerm {
  term: string;
  base: number;
  df: number;
  /** The score of its best list (from the slots it uses), known before reading its postings. */
  bound: number;
}

const slotFactor = (slot: number) => FIELD_WEIGHT[(slot / TF_LEVELS) | 0]! * (1 + 0.1 * (slot % TF_LEVELS));

/** The highest slot factor among the slots in a mask. */
function bestFactor(mask: number): number {
  let best = 0;
  for (let s = 0; s < SLOTS; s++) if (mask & (1 << s)) best = Math.max(best, slotFactor(s));
  return best;
}

/** A part's terms with their base scores, best first (no postings read yet). */
function partTerms(store: IndexStore, part: QueryPart): PartTerm[] {
  const out: PartTerm[] = [];
  for (const { term, weight } of expandPart(store, part)) {
    const df = store.docFreq(term);
    if (!df) continue;
    const base = store.idf(df) * weight;
    out.push({ term, base, df, bound: base * bestFactor(store.slotsOf(term)) });
  }
  return out.sort((a, b) => b.bound - a.bound);
}

/** A term's posting lists, one per slot (a counting sort of its entries into one typed array). */
function termLists(store: IndexStore, t: PartTerm, out: ScoredList[]): void {
  const entries = store.postings(t.term);
  const starts = new Int32Array(SLOTS + 1);
  for (let i = 0; i < entries.length; i++) starts[(entries[i]! & SLOT_MASK) + 1]!++;
  for (let s = 0; s < SLOTS; s++) starts[s + 1]! += starts[s]!;
  const docs = new Uint32Array(entries.length);
  const fill = starts.slice(0, SLOTS);
  for (let i = 0; i < entries.length; i++) docs[fill[entries[i]! & SLOT_MASK]!++] = entries[i]! >>> SLOT_BITS;
  for (let slot = 0; slot < SLOTS; slot++) {
    if (starts[slot + 1] === starts[slot]) continue;
    const score = t.base * slotFactor(slot);
    out.push({ docs: docs.subarray(starts[slot]!, starts[slot + 1]!), score });
  }
}

/** All of a part's posting lists, best first. */
function scoredLists(store: IndexStore, terms: PartTerm[]): ScoredList[] {
  const out: ScoredList[] = [];
  for (const t of terms) termLists(store, t, out);
  return out.sort((a, b) => b.score - a.score);
}

/**
 * One-part queries (a word, a prefix, one Chinese character): a doc's score is its best list's score,
 * so walking lists best first and stopping once `limit` live (filtered) docs are in gives the exact
 * top `limit` without touching the long tails of common terms and their expansions. Terms are taken
 * by their best list's score (IDF × the best slot they use), and a term's postings are read only when
 * that bound reaches the best list in hand.
 */
function scoreSinglePart(
  store: IndexStore,
  board: ScoreBoard,
  terms: PartTerm[],
  limit: number,
  filter: ((d: StoredDoc) => boolean) | null,
): void {
  board.beginPart();
  let found = 0;
  let next = 0;
  const ready: ScoredList[] = [];
  const live = store.live;
  while (found < limit) {
    let added = false;
    while (next < terms.length && (!ready.length || terms[next]!.bound >= ready[0]!.score)) {
      termLists(store, terms[next++]!, ready);
      added = true;
    }
    if (added) ready.sort((a, b) => b.score - a.score);
    const list = ready.shift();
    if (!list) break;
    const { docs, score } = list;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (!board.offer(d, score) || live[d] !== 1) continue;
      if (!filter || filter(store.docs.get(d)!)) found++;
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
  const terms = parts.map((part) => partTerms(store, part));
  const need = requiredParts(parts.length);
  if (parts.length === 1) {
    scoreSinglePart(store, board, terms[0]!, limit, filter);
  } else {
    // Rarest parts first. A result must match `need` parts, so it matches at least one of the first
    // (n − need + 1): only those can bring in new docs; later parts only score docs already in play.
    const order = terms.map((ts, i) => ({ ts, i, df: ts.reduce((n, t) => n + t.df, 0) }));
    order.sort((a, b) => a.df - b.df);
    order.forEach(({ ts }, k) => {
      const open = k < parts.length - need + 1;
      board.beginPart();
      for (const { docs, score } of scoredLists(store, ts)) {
        if (open) for (let i = 0; i < docs.length; i++) board.offer(docs[i]!, score);
        else for (let i = 0; i < docs.length; i++) board.offerKnown(docs[i]!, score);
      }
      board.endPart();
    });
  }
  const live = store.live;
  const candidates = board.touched.filter((d) => board.matched(d) >= need && live[d] === 1 && (!filter || filter(store.docs.get(d)!)));
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
