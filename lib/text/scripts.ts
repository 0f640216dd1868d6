/** Unicode script tests used by language detection, counting and CJK-aware text handling. */

/** Han ideographs (Chinese characters, kanji, hanja). */
export const HAN = /\p{Script=Han}/u;
/** Japanese kana (hiragana, katakana, including half-width katakana). */
export const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Characters that are written without spaces and count one word each: Han and kana. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
export const CJK_CHAR_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Scripts written without spaces between words that need a dictionary segmenter. */
export const NO_SPACE_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** True when the language's text is measured in characters rather than words (Chinese, Japanese). */
export function isCharBasedLang(lang: string): boolean {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'ja' || primary === 'yue' || primary === 'wuu';
}
