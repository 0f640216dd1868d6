/**
 * MinHash signatures over shingle sets, and the Jaccard and containment they estimate.
 *
 * A signature position keeps the shingle that won it (the argmin), not just the minimum: two texts agree
 * at a position exactly when they share the winning shingle, so Jaccard is estimated as usual, and
 * checking the stored text's winners against the query's full shingle set estimates how much of the
 * stored text the query contains, without bias and without keeping the stored shingles.
 *
 * Why MinHash rather than SimHash: the duplicates that matter here are often one text inside a larger one —
 * the article on its own vs the whole page with navigation and comments, or a copy trimmed to 80%. MinHash
 * estimates Jaccard without bias, and with the two set sizes kept beside the signature it also estimates
 * containment (|A∩B| / |smaller|), which stays near 1 in those cases while Jaccard drops. SimHash gives an
 * angle between weighted feature vectors, which drifts as chrome is added and cannot be turned into
 * containment. Banded LSH over the signature finds candidates in time independent of library size.
 */

/** Signature length: 256 positions estimate Jaccard or containment within about ±0.06 (2σ) near 0.8. */
export const SIGNATURE_SIZE = 256;

const MULT = new Uint32Array(SIGNATURE_SIZE);
const ADD = new Uint32Array(SIGNATURE_SIZE);
{
  // A fixed xorshift stream, so signatures are stable across runs and machines.
  let s = 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    MULT[i] = next() | 1;
    ADD[i] = next();
  }
}

/** Final avalanche of a 32-bit value (murmur3 fmix), so the affine permutations behave like independent hashes. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a non-empty set of shingle hashes: at each position, the shingle with the least permuted hash. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const best = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let j = 0; j < shingles.length; j++) {
    const x = shingles[j]!;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix((Math.imul(MULT[i]!, x) + ADD[i]!) >>> 0);
      if (h < best[i]!) {
        best[i] = h;
        sig[i] = x;
      }
    }
  }
  return sig;
}

/** Estimated share of a stored text's shingles that occur in `query` (the full shingle set of the other text). */
export function estimateContainedShare(stored: Uint32Array, query: ReadonlySet<number>): number {
  let inside = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (query.has(stored[i]!)) inside++;
  return inside / SIGNATURE_SIZE;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Estimated share of the smaller set found in the larger, from the share of the stored set found in the
 * query: |A∩B| ≈ share × |stored|, divided by the smaller size.
 */
export function estimateContainment(storedShareInQuery: number, storedSize: number, querySize: number): number {
  const smaller = Math.min(storedSize, querySize);
  if (smaller === 0) return 0;
  return Math.min(1, (storedShareInQuery * storedSize) / smaller);
}
