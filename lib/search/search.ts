/** Instant search: every query part must match (prefix for the last word), ranked by IDF × field weight. */
import { SLOT_BITS, SLOT_MASK, SLOTS, TF_LEVELS, type IndexStore } from './store';
import { parseQuery, type QueryPart } from './query';
import { makeFilter } from './filters';
import { kthLargest, ScoreBoard, topK } from './scores';
import { highlightText, makeSnippet } from './highlight';
import type { SearchHit, SearchOptions, StoredDoc } from './types';

/** Weight of a match by field slot: title, tags/site/category, summary, full text. */
const FIELD_WEIGHT = [3, 2, 1.2, 0.6];
const MAX_PREFIX_TERMS = 40;
const MAX_CHAR_TERMS = 150;

interface WeightedTerm {
  id: number;
  weight: number;
}

/**
 * The `max` most frequent of some term ids (frequent completions are what people usually mean), ties
 * in the order given. Selected by a threshold (a k-slot heap), not a sort of the ~2,000 ids a common
 * Chinese character expands to.
 */
function mostFrequent(store: IndexStore, ids: number[], max: number): number[] {
  if (ids.length <= max) return ids;
  const cut = kthLargest(ids, (id) => store.docFreqOf(id), max);
  const above = ids.filter((id) => store.docFreqOf(id) > cut);
  for (const id of ids) {
    if (above.length >= max) break;
    if (store.docFreqOf(id) === cut) above.push(id);
  }
  return above;
}

/** The index terms (by id) a query part stands for, with how much each counts. */
function expandPart(store: IndexStore, part: QueryPart): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  const own = part.term ? store.termId(part.term) : -1;
  if (own >= 0) out.push({ id: own, weight: 1 });
  if (part.kind === 'prefix') {
    const more = store.wordIdsWithPrefix(part.raw).filter((id) => id !== own);
    for (const id of mostFrequent(store, more, MAX_PREFIX_TERMS)) out.push({ id, weight: 0.8 });
  } else if (part.kind === 'char') {
    const more = store.cjkIdsWithChar(part.raw).filter((id) => id !== own);
    for (const id of mostFrequent(store, more, MAX_CHAR_TERMS)) out.push({ id, weight: 0.9 });
  }
  return out;
}

/** A term of a query part with its IDF × expansion weight (its lists score that × field × tf level). */
interface PartTerm {
  id: number;
  base: number;
  df: number;
  /** Bitmask of the slots its postings use (known before reading them). */
  slots: number;
}

/** Score factor of a slot: field weight × a little for repeats. */
const SLOT_FACTOR = Array.from({ length: SLOTS }, (_, slot) => FIELD_WEIGHT[(slot / TF_LEVELS) | 0]! * (1 + 0.1 * (slot % TF_LEVELS)));

/** Scratch: one term's score per slot (queries run one at a time). */
const SLOT_SCORE = new Float64Array(SLOTS);

/** A part's terms with their base scores (no postings read yet). */
function partTerms(store: IndexStore, part: QueryPart): PartTerm[] {
  const out: PartTerm[] = [];
  for (const { id, weight } of expandPart(store, part)) {
    const df = store.docFreqOf(id);
    if (!df) continue;
    out.push({ id, base: store.idf(df) * weight, df, slots: store.slotsOfId(id) });
  }
  return out;
}

/** One slot of one term: its docs all score the same, known before reading them. */
interface SlotList {
  term: PartTerm;
  slot: number;
  score: number;
}

/**
 * One-part queries (a word, a prefix, one Chinese character): a doc's score is its best list's score,
 * so walking the (term, slot) lists best first and stopping once `limit` live (filtered) docs are in
 * gives the exact top `limit` without touching the long tails of common terms and their expansions.
 * Every list's score is known from the slot masks, so postings are read only for the lists walked, and
 * a list is read by scanning its term's entries for its slot (no per-term sort or copy).
 */
function scoreSinglePart(
  store: IndexStore,
  board: ScoreBoard,
  terms: PartTerm[],
  limit: number,
  filter: ((d: StoredDoc) => boolean) | null,
): void {
  board.beginPart();
  const lists: SlotList[] = [];
  for (const term of terms) {
    for (let slot = 0; slot < SLOTS; slot++) if (term.slots & (1 << slot)) lists.push({ term, slot, score: term.base * SLOT_FACTOR[slot]! });
  }
  lists.sort((a, b) => b.score - a.score);
  let found = 0;
  const live = store.live;
  for (const { term, slot, score } of lists) {
    const entries = store.postingsOf(term.id);
    for (let i = 0; i < entries.length && found < limit; i++) {
      const e = entries[i]!;
      if ((e & SLOT_MASK) !== slot) continue;
      const d = e >>> SLOT_BITS;
      if (!board.offer(d, score) || live[d] !== 1) continue;
      if (!filter || filter(store.docs.get(d)!)) found++;
    }
    if (found >= limit) break;
  }
  board.endPart();
}

/**
 * A part of a longer query: every doc of its terms gets its best term's score. `open` parts bring in
 * new docs; the others only score docs an earlier part brought in.
 */
function scorePart(store: IndexStore, board: ScoreBoard, terms: PartTerm[], open: boolean): void {
  board.beginPart();
  const score = SLOT_SCORE;
  for (const t of terms) {
    for (let s = 0; s < SLOTS; s++) score[s] = t.base * SLOT_FACTOR[s]!;
    const entries = store.postingsOf(t.id);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (open) board.offer(e >>> SLOT_BITS, score[e & SLOT_MASK]!);
      else board.offerKnown(e >>> SLOT_BITS, score[e & SLOT_MASK]!);
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
    order.forEach(({ ts }, k) => scorePart(store, board, ts, k < parts.length - need + 1));
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
