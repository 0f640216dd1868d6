/**
 * A plain Okapi BM25 ranker (k1 = 1.2, b = 0.75, whole query as a bag of terms) over title + text.
 * Used only by tests and benchmarks as the baseline that related() must beat.
 */
import { indexTerms } from './tokenize';

export interface Bm25Doc {
  id: string;
  text: string;
}

/** An in-memory BM25 index; `tokenize` defaults to the search tokenizer (same terms, plain ranking). */
export function createBm25(docs: Bm25Doc[], tokenize: (s: string) => string[] = indexTerms) {
  const k1 = 1.2;
  const b = 0.75;
  const postings = new Map<string, Array<[number, number]>>();
  const lengths: number[] = [];
  docs.forEach((doc, i) => {
    const terms = tokenize(doc.text);
    lengths.push(terms.length);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) || 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t);
      if (list) list.push([i, n]);
      else postings.set(t, [[i, n]]);
    }
  });
  const avg = lengths.reduce((a, n) => a + n, 0) / Math.max(lengths.length, 1);
  const N = docs.length;
  return {
    /** Top documents for a query text, best first. */
    search(query: string, limit = 10): Array<{ id: string; score: number }> {
      const scores = new Map<number, number>();
      const qtf = new Map<string, number>();
      for (const t of tokenize(query)) qtf.set(t, (qtf.get(t) || 0) + 1);
      for (const [t, q] of qtf) {
        const list = postings.get(t);
        if (!list) continue;
        const idf = Math.log(1 + (N - list.length + 0.5) / (list.length + 0.5));
        for (const [i, tf] of list) {
          const s = (idf * q * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[i]!) / avg));
          scores.set(i, (scores.get(i) || 0) + s);
        }
      }
      return [...scores]
        .sort((a, b2) => b2[1] - a[1])
        .slice(0, limit)
        .map(([i, score]) => ({ id: docs[i]!.id, score }));
    },
  };
}
