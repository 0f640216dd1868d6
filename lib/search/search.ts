/** Instant search: every query part must match (prefix for the last word), ranked by IDF × field weight. */
import { TF_LEVELS, type IndexStore } from './store';
import { parseQuery, type QueryPart } from './query';
import { makeFilter } from './filters';
import { ScoreBoard, topK } from './scores';
import { highlightText, makeSnippet } from './highlight';
import type { SearchHit, SearchOptions } from './types';

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
  for (const part of parts) {
    board.beginPart();
    for (const { term, weight } of expandPart(store, part)) {
      const postings = store.postings(term);
      let df = 0;
      for (const a of postings) if (a) df += a.length;
      if (!df) continue;
      const idf = store.idf(df);
      for (let slot = 0; slot < postings.length; slot++) {
        const docs = postings[slot];
        if (!docs) continue;
        const s = idf * weight * FIELD_WEIGHT[(slot / TF_LEVELS) | 0]! * (1 + 0.1 * (slot % TF_LEVELS));
        for (let i = 0; i < docs.length; i++) board.offer(docs[i]!, s);
      }
    }
    board.endPart();
  }
  const need = requiredParts(parts.length);
  const candidates = board.touched.filter((d) => {
    if (board.matched(d) < need) return false;
    if (!filter) return true;
    const doc = store.docs.get(d);
    return !!doc && filter(doc);
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
