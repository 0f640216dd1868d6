/** Word counting that treats each CJK character as a word, for word counts and reading time. */
import { CJK_CHAR_G, NO_SPACE_SCRIPT } from './scripts';
import { wordSegmenter } from './segment';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;

/** Words in a text: each Han/kana character counts one; other words by spaces (segmenter for Thai etc.). */
export function countWords(text: string): number {
  if (!text) return 0;
  let cjk = 0;
  const rest = text.replace(CJK_CHAR_G, () => {
    cjk++;
    return ' ';
  });
  if (NO_SPACE_SCRIPT.test(rest)) {
    let n = 0;
    for (const s of wordSegmenter().segment(rest)) if (s.isWordLike) n++;
    return cjk + n;
  }
  const m = rest.match(WORD);
  return cjk + (m ? m.length : 0);
}
