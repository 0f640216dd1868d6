/** Extraction quality measures shared by the fixture tests and the clip benchmark. */

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** Tokens for comparing texts: lowercase runs of letters/digits, each CJK character its own token. */
export function qualityTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
    if (!CJK_CHAR.test(run)) {
      tokens.push(run);
      continue;
    }
    let word = '';
    for (const ch of run) {
      if (CJK_CHAR.test(ch)) {
        if (word) tokens.push(word);
        word = '';
        tokens.push(ch);
      } else word += ch;
    }
    if (word) tokens.push(word);
  }
  return tokens;
}

/** F1 of token multisets: 1 when both texts have the same words, 0 when they share none. */
export function tokenF1(candidate: string, reference: string): number {
  const a = qualityTokens(candidate);
  const b = qualityTokens(reference);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const n = counts.get(t);
    if (n) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Summary of a list of scores: min, 10th percentile, median, mean and how many fall below `threshold`. */
export function distribution(values: number[], threshold = 0.9): { count: number; min: number; p10: number; median: number; mean: number; below: number } {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    p10: at(0.1),
    median: at(0.5),
    mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1),
    below: sorted.filter((v) => v < threshold).length,
  };
}
