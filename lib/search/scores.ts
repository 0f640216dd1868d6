/** Reusable score buffers indexed by doc number, so a query allocates no per-doc maps. */
import { SLOT_BITS, SLOT_MASK } from './store';

export class ScoreBoard {
  private total = new Float64Array(0);
  private parts = new Int32Array(0);
  private seen = new Int32Array(0);
  private partScore = new Float64Array(0);
  private bits = new Uint32Array(0);
  private partSeen = new Int32Array(0);
  private stamp = 0;
  private partStamp = 0;
  /** Doc numbers touched by the current query, in the first `touchedCount` places (each doc once). */
  private touchedDocs = new Int32Array(0);
  private touchedCount = 0;
  private partTouched: number[] = [];
  /**
   * The docs kthScore() still has to look at: once it has answered, only docs whose total reaches
   * that answer (`topFloor`) can be among the k best later, since totals only grow. addPostings lists
   * the docs that climb past it, so later checks scan tens of docs instead of every touched one.
   */
  private topDocs = new Int32Array(0);
  private topCount = 0;
  private inTop = new Int32Array(0);
  private topFloor = Infinity;
  private topK = 0;

  /** Start a query over doc numbers below `capacity`. */
  reset(capacity: number): void {
    if (this.total.length < capacity) {
      const size = Math.max(capacity, this.total.length * 2, 1024);
      this.total = new Float64Array(size);
      this.parts = new Int32Array(size);
      this.seen = new Int32Array(size);
      this.partScore = new Float64Array(size);
      this.partSeen = new Int32Array(size);
      this.bits = new Uint32Array(size);
      this.touchedDocs = new Int32Array(size);
      this.topDocs = new Int32Array(size);
      this.inTop = new Int32Array(size);
      this.stamp = 0;
      this.partStamp = 0;
    }
    this.stamp++;
    this.touchedCount = 0;
    this.topCount = 0;
    this.topFloor = Infinity;
    this.topK = 0;
  }

  /** Doc numbers touched by the current query (a view: valid until the next reset or prune). */
  get touched(): Int32Array {
    return this.touchedDocs.subarray(0, this.touchedCount);
  }

  /** Start a doc's total in the current query. */
  private touch(doc: number): void {
    this.seen[doc] = this.stamp;
    this.total[doc] = 0;
    this.parts[doc] = 0;
    this.bits[doc] = 0;
    this.touchedDocs[this.touchedCount++] = doc;
  }

  /** Start one query part: a doc's part score is the best of its terms. */
  beginPart(): void {
    this.partStamp++;
    this.partTouched = [];
  }

  /** Offer a score for a doc within the current part; true when the doc is new to this part. */
  offer(doc: number, score: number): boolean {
    if (this.partSeen[doc] !== this.partStamp) {
      this.partSeen[doc] = this.partStamp;
      this.partScore[doc] = score;
      this.partTouched.push(doc);
      return true;
    }
    if (score > this.partScore[doc]!) this.partScore[doc] = score;
    return false;
  }

  /** Offer a score only to a doc an earlier part of this query already touched. */
  offerKnown(doc: number, score: number): void {
    if (this.seen[doc] === this.stamp) this.offer(doc, score);
  }

  /** Fold the current part into the totals. */
  endPart(): void {
    for (const d of this.partTouched) {
      if (this.seen[d] !== this.stamp) this.touch(d);
      this.total[d]! += this.partScore[d]!;
      this.parts[d]!++;
    }
  }

  /**
   * Add a term's postings (entries `doc << 4 | slot`): a doc of n terms gets
   * numerator[slot] / (denominator[slot] + perTerm × n), BM25's saturated, length-normalised tf.
   * With `admit` false only docs already in play are updated. One call per list keeps the loop free
   * of per-posting calls (and of boxing their float arguments).
   */
  addPostings(entries: Uint32Array, numerator: Float64Array, denominator: Float64Array, lengths: Int32Array, perTerm: number, bit: number, admit: boolean): void {
    const seen = this.seen;
    const total = this.total;
    const bits = this.bits;
    const stamp = this.stamp;
    const mark = bit < 32 ? 1 << bit : 0;
    const floor = this.topFloor;
    const inTop = this.inTop;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const d = e >>> SLOT_BITS;
      if (seen[d] !== stamp) {
        if (!admit) continue;
        this.touch(d);
      }
      const s = e & SLOT_MASK;
      const t = (total[d]! += numerator[s]! / (denominator[s]! + perTerm * lengths[d]!));
      bits[d]! |= mark;
      if (t >= floor && inTop[d] !== stamp) {
        inTop[d] = stamp;
        this.topDocs[this.topCount++] = d;
      }
    }
  }

  /** True when the current query touched a doc. */
  has(doc: number): boolean {
    return this.seen[doc] === this.stamp;
  }

  /** Bitmask of query terms matched (set by addPostings). */
  termBits(doc: number): number {
    return this.seen[doc] === this.stamp ? this.bits[doc]! : 0;
  }

  /**
   * The k-th largest total among the touched docs that `usable` marks (−Infinity when fewer than k),
   * without copies, so related() can afford to check its bound often. Within a query, call it with the
   * same k and `usable` each time: after the first answer it looks only at the docs that reach it.
   */
  kthScore(k: number, usable: Uint8Array): number {
    const narrowed = this.topFloor !== Infinity && k === this.topK;
    const docs = narrowed ? this.topDocs : this.touchedDocs;
    const count = narrowed ? this.topCount : this.touchedCount;
    const heap = new Float64Array(k);
    let n = 0;
    const total = this.total;
    for (let i = 0; i < count; i++) {
      const d = docs[i]!;
      if (usable[d] !== 1) continue;
      const v = total[d]!;
      if (n < k || v > heap[0]!) n = heapOffer(heap, n, k, v);
    }
    const kth = n < k ? -Infinity : heap[0]!;
    if (kth > 0) {
      // Keep only the docs at or above the answer (they stay there: totals only grow).
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const d = docs[i]!;
        if (usable[d] !== 1 || total[d]! < kth) {
          this.inTop[d] = 0; // listed again by addPostings if it climbs past the new floor
          continue;
        }
        this.topDocs[kept++] = d;
        this.inTop[d] = this.stamp;
      }
      this.topCount = kept;
      this.topFloor = kth;
      this.topK = k;
    }
    return kth;
  }

  /**
   * Forget the touched docs that are not `usable` or whose total is under `floor`: they can no longer
   * make the top, and later terms add only to docs still in play (see has()).
   */
  prune(floor: number, usable: Uint8Array): void {
    const docs = this.touchedDocs;
    let kept = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const d = docs[i]!;
      if (usable[d] === 1 && this.total[d]! >= floor) docs[kept++] = d;
      else this.seen[d] = 0; // stamps start at 1: 0 is never the current query's
    }
    this.touchedCount = kept;
  }

  score(doc: number): number {
    return this.seen[doc] === this.stamp ? this.total[doc]! : 0;
  }

  matched(doc: number): number {
    return this.seen[doc] === this.stamp ? this.parts[doc]! : 0;
  }
}

/** The k best items by a comparator-free key (higher first), without sorting everything. */
export function topK<T>(items: Iterable<T>, k: number, key: (t: T) => number): T[] {
  const best: Array<{ t: T; v: number }> = [];
  for (const t of items) {
    const v = key(t);
    if (best.length === k && v <= best[k - 1]!.v) continue;
    let i = best.length;
    if (i === k) best.pop();
    i = best.length;
    while (i > 0 && best[i - 1]!.v < v) i--;
    best.splice(i, 0, { t, v });
  }
  return best.map((b) => b.t);
}

/** Offer `v` to a k-slot min-heap holding `n` values (heap[0] the least); returns the new count. */
function heapOffer(heap: Float64Array, n: number, k: number, v: number): number {
  if (n < k) {
    let j = n++;
    while (j > 0 && heap[(j - 1) >> 1]! > v) {
      heap[j] = heap[(j - 1) >> 1]!;
      j = (j - 1) >> 1;
    }
    heap[j] = v;
  } else if (v > heap[0]!) {
    let j = 0;
    for (;;) {
      const l = 2 * j + 1;
      if (l >= k) break;
      const c = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
      if (heap[c]! >= v) break;
      heap[j] = heap[c]!;
      j = c;
    }
    heap[j] = v;
  }
  return n;
}

/**
 * The k-th largest of `values[i]` over the given doc numbers (−Infinity when fewer than k), with a
 * k-slot min-heap: a threshold that lets callers look up only the docs that can still make the top k.
 */
export function kthLargest(docs: ArrayLike<number>, value: (d: number) => number, k: number): number {
  const heap = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < docs.length; i++) n = heapOffer(heap, n, k, value(docs[i]!));
  return n < k ? -Infinity : heap[0]!;
}
