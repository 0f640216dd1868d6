/** Shingles of a text for near-duplicate detection: word 3-grams for spaced scripts, character 4-grams for CJK. */
import { foldText } from '../text/normalize';

/** Words of spaced scripts, or single CJK characters (Han, kana, Hangul syllables are dense enough alone). */
const UNIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
/** A shingle starting at a word spans 3 units; one starting at a CJK character spans 4 (about two Chinese words). */
const WORD_SPAN = 3;
const CJK_SPAN = 4;
/** Only this much text is read: a page longer than this is already distinguished by its head. */
export const MAX_SHINGLE_CHARS = 200_000;

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The distinct shingle hashes of a text. Markup, punctuation, whitespace and case do not matter: the text is
 * folded (NFKC, lower case) and cut into units first, so the same article re-wrapped or re-spaced gives the
 * same set. The span depends on the unit a shingle starts at, so mixed Chinese/English text works without
 * deciding a language first, and a copy of a page always shingles the same way.
 */
export function shingleHashes(text: string): Uint32Array {
  const units = foldText(text.slice(0, MAX_SHINGLE_CHARS)).match(UNIT) || [];
  const out = new Set<number>();
  if (units.length === 0) return new Uint32Array(0);
  for (let i = 0; i < units.length; i++) {
    const span = CJK.test(units[i]!) ? CJK_SPAN : WORD_SPAN;
    if (i + span > units.length && i > 0) break;
    out.add(hashString(units.slice(i, i + span).join(' ')));
  }
  return Uint32Array.from(out);
}
