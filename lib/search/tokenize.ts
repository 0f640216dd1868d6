/**
 * The search tokenizer: folds text (NFKC, lower case, Latin accents) and cuts it into index terms —
 * Latin/Cyrillic/… words with light plural stemming, and CJK/Hangul runs as overlapping bigrams
 * (a lone CJK character stays a unigram). Bigrams keep Chinese precise and fast at 100k clips, and
 * match a query inside a longer word ("组织学习" inside "组织学习的深度融合") without a dictionary.
 */
import { foldText } from '../text/normalize';
import { EN_STOPWORDS } from '../text/stopwords';
import { NO_SPACE_SCRIPT } from '../text/scripts';
import { wordSegmenter } from '../text/segment';

/** Characters indexed as bigrams: Han, kana, Hangul (and the prolonged-sound mark). */
const BIGRAM_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u;
/** One token of folded text: a run of bigram characters, or a word of letters/digits. */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆';
// Words exclude CJK letters (class subtraction, `v` flag), so "DeepMind新电脑" is "deepmind" + a CJK run.
const TOKEN = new RegExp(`[${CJK_CLASS}]+|[[\\p{L}\\p{N}\\p{M}]--[${CJK_CLASS}]]+`, 'gv');
const NON_ASCII = /[^\x00-\x7f]/;
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}+/gu;
const MAX_WORD = 40;

/** A raw token of folded text: `cjk` runs are cut into bigrams, words are stemmed. */
export interface RawToken {
  text: string;
  cjk: boolean;
}

/** Fold a whole text the way the index sees it (NFKC, lower case). */
export function foldForSearch(text: string): string {
  return foldText(text);
}

/** Strip accents from a Latin word ("café" → "cafe"); other scripts keep their marks. */
function stripLatinAccents(word: string): string {
  if (!NON_ASCII.test(word) || !LATIN.test(word)) return word;
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/**
 * Light English plural stemming, idempotent so a stemmed term stems to itself:
 * "studies" → "study", "classes" → "class", "boxes" → "box", "clips" → "clip"; "analysis", "status" stay.
 */
export function stemWord(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */ || NON_ASCII.test(w)) return w;
  if (w.endsWith('ies') && n > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/[sui]s$/.test(w)) return w;
  return w.slice(0, -1);
}

/** Raw tokens of already-folded text, in order (no stopword removal, no stemming). */
export function rawTokens(folded: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    const t = m[0];
    if (BIGRAM_CHAR.test(t[0]!)) out.push({ text: t, cjk: true });
    else if (NO_SPACE_SCRIPT.test(t)) {
      for (const s of wordSegmenter().segment(t)) if (s.isWordLike) out.push({ text: s.segment, cjk: false });
    } else out.push({ text: t, cjk: false });
  }
  return out;
}

/** The index term for a word, or null when it carries no topic (stopword, one letter, too long). */
export function wordTerm(word: string): string | null {
  if (word.length > MAX_WORD) return null;
  const w = stripLatinAccents(word);
  if (w.length < 2 && !/\d/.test(w)) return null;
  if (EN_STOPWORDS.has(w)) return null;
  return stemWord(w);
}

/** Overlapping bigrams of a CJK run ("知识管理" → 知识 识管 管理); a one-character run stays itself. */
export function cjkBigrams(run: string, out: string[] = []): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) out.push(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Index terms of a text, in order, duplicates kept (callers count or dedupe them). */
export function indexTerms(text: string | null | undefined): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const tok of rawTokens(foldForSearch(text))) {
    if (tok.cjk) cjkBigrams(tok.text, out);
    else {
      const t = wordTerm(tok.text);
      if (t) out.push(t);
    }
  }
  return out;
}

/** True when a term is a CJK bigram or unigram (as opposed to a word). */
export function isCjkTerm(term: string): boolean {
  return BIGRAM_CHAR.test(term[0]!);
}
