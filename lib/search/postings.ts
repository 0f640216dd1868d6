/**
 * Posting lists for many terms in one shared Uint32Array. An entry is `doc << 4 | slot` (slot = field ×
 * TF_LEVELS + tf level, < 16): 4 bytes a posting and ~16 bytes of bookkeeping a term. FlexSearch's
 * Map of per-slot JS arrays cost ~51 bytes a posting at 30k clips (most terms are rare CJK bigrams and
 * each paid for a 12-slot array plus a 17-element backing store), which is what broke the 2 KB/clip budget.
 *
 * A term's list is a chain of blocks `[next, capacity, ...entries]` whose capacities double (2, 4, … 1024),
 * so appends never copy; `compact()` drops removed docs and rewrites each list as one exact block.
 */

const MIN_BLOCK = 2;
const MAX_BLOCK = 1024;
const HEADER = 2;

function grow32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

/** Growable posting lists addressed by term id (ids are handed out by the caller, densely from 0). */
export class PostingPool {
  private data = new Uint32Array(1 << 16);
  /** Next free word in `data` (0 is the null block). */
  private used = 1;
  private head = new Uint32Array(1024);
  private tail = new Uint32Array(1024);
  /** Entries in each term's last block. */
  private tailFill = new Uint32Array(1024);
  /** Entries per term (removed docs included until compaction). */
  private count = new Uint32Array(1024);
  /** Bitmask of the slots each term's entries use (a bound on its best list before reading it). */
  private slotMask = new Uint16Array(1024);
  /** Scratch for reading multi-block lists. */
  private scratch = new Uint32Array(1024);

  /** Entries of a term (removed docs included until compaction). */
  size(term: number): number {
    return term < this.count.length ? this.count[term]! : 0;
  }

  /** Bytes held (for reports). */
  get bytes(): number {
    return (this.data.length + this.head.length * 4 + this.scratch.length) * 4;
  }

  private ensureTerm(term: number): void {
    if (term < this.head.length) return;
    const n = Math.max(term + 1, this.head.length * 2);
    this.head = grow32(this.head, n);
    this.tail = grow32(this.tail, n);
    this.tailFill = grow32(this.tailFill, n);
    this.count = grow32(this.count, n);
    if (this.slotMask.length < n) {
      const m = new Uint16Array(n);
      m.set(this.slotMask);
      this.slotMask = m;
    }
  }

  /** Bitmask of slots (entry & 15) a term's entries use. */
  slots(term: number): number {
    return term < this.slotMask.length ? this.slotMask[term]! : 0;
  }

  private alloc(capacity: number): number {
    const at = this.used;
    this.used += HEADER + capacity;
    this.data = grow32(this.data, this.used);
    this.data[at] = 0;
    this.data[at + 1] = capacity;
    return at;
  }

  /** Append one entry to a term's list. */
  push(term: number, entry: number): void {
    this.ensureTerm(term);
    let t = this.tail[term]!;
    if (!t) {
      t = this.alloc(MIN_BLOCK);
      this.head[term] = t;
      this.tail[term] = t;
      this.tailFill[term] = 0;
    } else if (this.tailFill[term] === this.data[t + 1]) {
      const next = this.alloc(Math.min(MAX_BLOCK, this.data[t + 1]! * 2));
      this.data[t] = next;
      this.tail[term] = t = next;
      this.tailFill[term] = 0;
    }
    this.data[t + HEADER + this.tailFill[term]!] = entry;
    this.tailFill[term]!++;
    this.count[term]!++;
    this.slotMask[term]! |= 1 << (entry & 15);
  }

  /**
   * A term's entries, in insertion (= doc number) order. A view into the pool or into a scratch buffer
   * that the next call may overwrite: use it before reading another term.
   */
  read(term: number): Uint32Array {
    const n = this.size(term);
    if (!n) return this.scratch.subarray(0, 0);
    const h = this.head[term]!;
    if (h === this.tail[term]) return this.data.subarray(h + HEADER, h + HEADER + n);
    if (this.scratch.length < n) this.scratch = new Uint32Array(Math.max(n, this.scratch.length * 2));
    let w = 0;
    for (let b = h; b; b = this.data[b]!) {
      const fill = b === this.tail[term] ? this.tailFill[term]! : this.data[b + 1]!;
      this.scratch.set(this.data.subarray(b + HEADER, b + HEADER + fill), w);
      w += fill;
    }
    return this.scratch.subarray(0, w);
  }

  /** A term's entries as a fresh array (safe to keep). */
  copy(term: number): Uint32Array {
    return this.read(term).slice();
  }

  /**
   * Take over lists laid out as `compact()` leaves them — word 0 unused, then per term `0, n, entries` —
   * for term ids `firstTerm`, `firstTerm + 1`, … (a snapshot's postings, used in place). Returns how many terms.
   */
  adopt(data: Uint32Array, firstTerm = 0): number {
    if (this.used > 1) throw new Error('adopt() needs an empty pool');
    let at = 1;
    let term = firstTerm;
    const n = data.length;
    // First pass: count terms so the per-term arrays are sized once.
    let terms = 0;
    for (let p = 1; p + 1 < n; p += HEADER + data[p + 1]!) terms++;
    this.ensureTerm(firstTerm + terms);
    while (at + 1 < n) {
      const len = data[at + 1]!;
      if (at + HEADER + len > n) throw new Error('Truncated postings');
      data[at] = 0;
      let mask = 0;
      for (let i = at + HEADER, end = at + HEADER + len; i < end; i++) mask |= 1 << (data[i]! & 15);
      this.head[term] = this.tail[term] = at;
      this.tailFill[term] = this.count[term] = len;
      this.slotMask[term] = mask;
      at += HEADER + len;
      term++;
    }
    this.data = data as Uint32Array<ArrayBuffer>;
    this.used = Math.max(1, at);
    return term - firstTerm;
  }

  /**
   * Rewrite every list without the entries whose doc number (`entry >>> 4`) is flagged in `gone`, one
   * exact block per list, in a fresh pool. Returns how many entries each term has left (by term id).
   */
  compact(terms: number, gone: Uint8Array): Uint32Array {
    const fresh = new PostingPool();
    fresh.ensureTerm(Math.max(terms - 1, 0));
    const out = new Uint32Array(Math.max(1 << 16, this.used));
    let used = 1;
    for (let term = 0; term < terms; term++) {
      const list = this.read(term);
      if (!list.length) continue;
      const at = used;
      let w = at + HEADER;
      let mask = 0;
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (gone[e >>> 4]) continue;
        out[w++] = e;
        mask |= 1 << (e & 15);
      }
      const live = w - at - HEADER;
      if (!live) continue;
      out[at] = 0;
      out[at + 1] = live;
      used = w;
      fresh.head[term] = fresh.tail[term] = at;
      fresh.tailFill[term] = fresh.count[term] = live;
      fresh.slotMask[term] = mask;
    }
    fresh.data = out;
    fresh.used = used;
    this.data = fresh.data;
    this.used = fresh.used;
    this.head = fresh.head;
    this.tail = fresh.tail;
    this.tailFill = fresh.tailFill;
    this.count = fresh.count;
    this.slotMask = fresh.slotMask;
    return this.count;
  }
}
