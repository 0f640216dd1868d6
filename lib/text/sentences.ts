/** Sentence splitting for English, Chinese and mixed text. */

/** Stops that always end a sentence (CJK full stop, full-width ! ? ; and the half-width ｡). */
const CJK_STOP = new Set(['。', '！', '？', '；', '｡', '‼', '⁇', '⁈', '⁉']);
/** Stops that end a sentence when followed by a space, the end, or a CJK character. */
const LATIN_STOP = new Set(['.', '!', '?', '…']);
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = new Set(['"', "'", '”', '’', '」', '』', '）', ')', ']', '】', '》', '〉', '〗', '〕', '»', '›', '］', '｝', '}']);
/** Abbreviations (lower-case, without their final dot) after which a dot does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'capt', 'col', 'lt', 'sgt', 'cpl', 'maj', 'vs', 'v', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'ca', 'no',
  'nos', 'vol', 'fig', 'figs', 'p', 'pp', 'ed', 'eds', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m',
  'ph.d', 'b.a', 'm.a', 'b.sc', 'm.sc', 'est', 'dept', 'univ', 'assn', 'bros', 'ave', 'blvd', 'rd', 'op',
  'ch', 'sec', 'art', 'para', 'ibid', 'viz', 'resp', 'misc',
]);
/** Abbreviations that may also end a sentence: they split when a capitalised word follows. */
const SOFT_ABBREVIATIONS = new Set(['etc', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp', 'al']);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SPACE = /\s/;

/** The word (letters and inner dots) just before position `end`, lower-cased. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, end).toLowerCase().replace(/^\.+/, '');
}

/** True when the dot at `i` should not end a sentence. */
function dotContinues(text: string, i: number, next: string | undefined): boolean {
  const word = wordBefore(text, i);
  if (!word) return false;
  const nextUpper = next !== undefined && /\p{Lu}/u.test(next);
  if (ABBREVIATIONS.has(word)) return !(SOFT_ABBREVIATIONS.has(word) && nextUpper);
  // A single capital initial, as in "J. R. R. Tolkien".
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[i - 1]!)) return true;
  // Dotted acronyms such as "a.k.a." or "N.A.S.A."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return !nextUpper;
  // A lower-case word follows: most likely not a sentence boundary ("vs. them", "approx. ten").
  return next !== undefined && /\p{Ll}/u.test(next);
}

/** Split text into trimmed sentences; newlines end sentences too, so headings and list items stand alone. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
    if (s && /[\p{L}\p{N}]/u.test(s)) out.push(s);
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '\u2029') {
      push(i);
      continue;
    }
    const cjkStop = CJK_STOP.has(c);
    if (!cjkStop && !LATIN_STOP.has(c)) continue;
    // Take runs of stops ("?!", "……", "...") and the closers after them.
    let j = i + 1;
    while (j < n && (CJK_STOP.has(text[j]!) || LATIN_STOP.has(text[j]!))) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    const next = text[j];
    if (cjkStop || (c === '…' && next !== undefined && CJK.test(next))) {
      // Japanese quotative: 「…。」と言った continues the sentence.
      if (j > i + 1 && CLOSERS.has(text[j - 1]!) && (next === 'と' || next === 'っ')) {
        i = j - 1;
        continue;
      }
      push(j);
      i = j - 1;
      continue;
    }
    // Latin stops: need the end, a space or a CJK character after them.
    if (next !== undefined && !SPACE.test(next) && !CJK.test(next)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    const following = text[k];
    if (c === '.' && j === i + 1 && dotContinues(text, i, following)) continue;
    if ((c === '…' || (c === '.' && j > i + 2)) && following !== undefined && /\p{Ll}/u.test(following)) {
      i = j - 1;
      continue; // "wait... what" — an ellipsis inside a sentence
    }
    push(j);
    i = j - 1;
  }
  push(n);
  return out;
}
