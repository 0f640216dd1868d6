/**
 * Bounded approximate string search: where does `pattern` occur in `text` with at most `maxErrors` edits
 * (Levenshtein)? Myers' bit-parallel algorithm in 32-bit blocks (Hyyrö's block formulation), so the cost is
 * about ceil(m/32) word operations per text character, whatever k is. Written for anchoring highlights.
 */

/** One approximate occurrence: text[start, end) is within `errors` edits of the pattern. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/**
 * Ends (exclusive) of approximate occurrences of `pattern` in text[from, to), each a local minimum of the
 * error count and within `maxErrors`; the start of each is then found by a small banded alignment.
 */
export function searchApprox(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const blocks = Math.ceil(m / WORD);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let row = peq.get(c);
    if (!row) peq.set(c, (row = new Int32Array(blocks)));
    row[(i / WORD) | 0] |= 1 << i % WORD;
  }
  const zero = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << (m - 1) % WORD;
  let score = m;

  // One candidate per run of columns within the bound: the column where the run's error count is lowest.
  const ends: Array<{ end: number; errors: number }> = [];
  let runEnd = -1;
  let runErrors = Infinity;
  for (let j = from; j < to; j++) {
    const eqRow = peq.get(text.charCodeAt(j)) ?? zero;
    let hin = 0; // row 0 is free in search mode
    for (let b = 0; b < blocks; b++) {
      let eq = eqRow[b];
      const p = pv[b];
      const mm = mv[b];
      if (hin < 0) eq |= 1;
      const xv = eq | mm;
      const xh = ((((eq & p) + p) | 0) ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const high = b === blocks - 1 ? lastBit : 1 << 31;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score <= maxErrors) {
      if (score < runErrors) {
        runErrors = score;
        runEnd = j + 1;
      }
    } else if (runEnd >= 0) {
      ends.push({ end: runEnd, errors: runErrors });
      runEnd = -1;
      runErrors = Infinity;
    }
  }
  if (runEnd >= 0) ends.push({ end: runEnd, errors: runErrors });
  return ends.map(({ end, errors }) => ({ start: alignStart(text, pattern, end, errors, from), end, errors }));
}

/**
 * Start of the best alignment of `pattern` that ends exactly at `end`: a DP over text[end - m - k, end)
 * reading both strings backwards, so the cost is O(m·(m+k)) per match.
 */
function alignStart(text: string, pattern: string, end: number, k: number, floor: number): number {
  const m = pattern.length;
  const lo = Math.max(floor, end - m - k);
  const n = end - lo;
  // dp over reversed strings: rows = pattern chars from the end, cols = text chars from `end` backwards.
  let prev = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j; // reading text backwards from `end` is anchored: skipping costs
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(m - i);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (text.charCodeAt(end - j) === pc ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  // Best column: fewest errors, then the longest-but-closest to the pattern's length.
  let best = 0;
  for (let j = 1; j <= n; j++) {
    if (prev[j] < prev[best] || (prev[j] === prev[best] && Math.abs(j - m) < Math.abs(best - m))) best = j;
  }
  return end - best;
}

/** Levenshtein distance between two short strings (context comparison), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (ac === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return rowMin;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
