/** Marking query matches in titles and snippets as offset ranges (no HTML), and cutting snippets. */
import type { Highlighted } from './types';

const NON_ASCII = /[^\x00-\x7f]/;
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Characters that fold to themselves (ASCII after lower-casing, common Han): no normalize() needed. */
function foldsToItself(code: number): boolean {
  return code < 128 || (code >= 0x4e00 && code <= 0x9fff);
}

/**
 * Fold text code point by code point, remembering where each folded unit came from (`origin` is null
 * when every character folds to one unit in place). Runs of characters that fold to themselves are
 * copied as slices: normalize() per character dominated search time on 20 hits' titles and blurbs,
 * and building the string and map a character at a time allocated hundreds of KB per search.
 */
function foldWithMap(text: string): { folded: string; origin: number[] | null } {
  let folded = '';
  let origin: number[] | null = null;
  let run = 0;
  let i = 0;
  while (i < text.length) {
    if (foldsToItself(text.charCodeAt(i))) {
      origin?.push(i);
      i++;
      continue;
    }
    if (run < i) folded += text.slice(run, i).toLowerCase();
    origin ??= Array.from({ length: i }, (_, k) => k);
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    let f = ch.normalize('NFKC').toLowerCase();
    if (NON_ASCII.test(f) && LATIN.test(f)) f = f.normalize('NFD').replace(MARKS, '');
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
    run = i;
  }
  if (run < i) folded += text.slice(run, i).toLowerCase();
  origin?.push(i);
  return { folded, origin };
}

/**
 * Ranges of `text` matching any needle (folded query pieces). Latin needles match at a word start
 * (prefix search), CJK needles anywhere. Overlapping ranges are merged.
 */
export function findMatches(text: string, needles: string[]): Array<[number, number]> {
  if (!text || needles.length === 0) return [];
  const { folded, origin } = foldWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const n of needles) {
    if (!n) continue;
    const anywhere = CJK.test(n);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(n, from);
      if (at < 0) break;
      from = at + 1;
      if (!anywhere && at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue;
      let end = at + n.length;
      // Extend a Latin prefix match to the end of its word, so "knowl" marks "Knowledge".
      if (!anywhere) while (end < folded.length && WORD_CHAR.test(folded[end]!) && !CJK.test(folded[end]!)) end++;
      ranges.push(origin ? [origin[at]!, origin[end]!] : [at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Text with its matches marked. */
export function highlightText(text: string, needles: string[]): Highlighted {
  return { text, highlights: findMatches(text, needles) };
}

/** A passage of about `width` characters around the first match (or the start), with matches marked. */
export function makeSnippet(text: string, needles: string[], width = 160): Highlighted {
  const clean = (text || '').replace(/\s+/g, ' ').trim();
  if (clean.length <= width) return highlightText(clean, needles);
  const all = findMatches(clean, needles);
  let start = 0;
  if (all.length) {
    // The window holding the most matches, starting a little before its first one.
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < all.length; i++) {
      let c = 0;
      for (let j = i; j < all.length && all[j]![1] <= all[i]![0] + width; j++) c++;
      if (c > bestCount) [best, bestCount] = [i, c];
    }
    start = Math.max(0, all[best]![0] - Math.floor(width / 5));
  }
  let end = Math.min(clean.length, start + width);
  if (end === clean.length) start = Math.max(0, end - width);
  // Do not cut a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(clean[start]!)) start++;
  if (end < clean.length && /[\udc00-\udfff]/.test(clean[end]!)) end++;
  const pre = start > 0 ? '…' : '';
  const post = end < clean.length ? '…' : '';
  const body = clean.slice(start, end);
  const highlights: Array<[number, number]> = [];
  for (const [a, b] of all) {
    if (b <= start || a >= end) continue;
    highlights.push([Math.max(a, start) - start + pre.length, Math.min(b, end) - start + pre.length]);
  }
  return { text: pre + body + post, highlights };
}
