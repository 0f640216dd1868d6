/** Sentence scoring and redundancy-aware selection for the extractive summarizer. */

export type TermVector = Map<string, number>;

/** Cosine similarity of two sparse vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v) dot += w * v;
  }
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

const norms = new WeakMap<TermVector, number>();
function norm(v: TermVector): number {
  let n = norms.get(v);
  if (n === undefined) {
    n = 0;
    for (const w of v.values()) n += w * w;
    n = Math.sqrt(n) || 1;
    norms.set(v, n);
  }
  return n;
}

/**
 * Maximal marginal relevance: repeatedly take the candidate with the best score minus its similarity
 * to what is already taken, so the picks cover different points. `accept` may refuse a pick (budget).
 */
export function pickDiverse(
  candidates: number[],
  score: (i: number) => number,
  vector: (i: number) => TermVector,
  count: number,
  taken: number[] = [],
  accept: (i: number) => boolean = () => true,
  redundancy = 0.6,
): number[] {
  const picked: number[] = [];
  const pool = new Set(candidates);
  const maxScore = Math.max(1e-9, ...candidates.map(score));
  // Highest similarity of each candidate to anything taken so far, updated one pick at a time.
  const simToTaken = new Map<number, number>();
  const absorb = (j: number) => {
    for (const i of pool) simToTaken.set(i, Math.max(simToTaken.get(i) || 0, cosine(vector(i), vector(j))));
  };
  for (const j of taken) absorb(j);
  while (picked.length < count && pool.size) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of pool) {
      const sim = simToTaken.get(i) || 0;
      if (sim > 0.75) continue; // near-duplicate of something already said
      const value = score(i) / maxScore - redundancy * sim;
      if (value > bestValue) [best, bestValue] = [i, value];
    }
    if (best < 0) break;
    pool.delete(best);
    if (!accept(best)) continue;
    picked.push(best);
    absorb(best);
  }
  return picked;
}
