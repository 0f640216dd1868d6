/** Cheap sentence features for extractive summaries: content words for spaced scripts, character bigrams for CJK. */
import { foldText } from '../text/normalize';
import { EN_STOPWORDS } from '../text/stopwords';
import { lightStem } from '../text/stem';

const PIECES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{N}\p{M}_]+(?:['’.][\p{L}\p{N}\p{M}_]+)*/gu;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Particles that make any CJK bigram holding them noise ("的知", "识的"). */
const PARTICLES = new Set([...'的了是在和与及或也都就而之其着过把被吗呢吧啊呀么这那个们我你他她它将对从以为于并但等每各让向给且则即所此該该のはがをにでとも']);

/**
 * Terms of one sentence: folded, stemmed words without stopwords; CJK runs as overlapping bigrams
 * (no dictionary needed, robust for Chinese and Japanese, and far cheaper than Intl.Segmenter).
 */
export function sentenceTerms(sentence: string): string[] {
  const out: string[] = [];
  for (const m of foldText(sentence).matchAll(PIECES)) {
    const p = m[0];
    if (CJK_START.test(p)) {
      const chars = [...p];
      for (let i = 0; i + 1 < chars.length; i++) {
        const a = chars[i]!;
        const b = chars[i + 1]!;
        if (!PARTICLES.has(a) && !PARTICLES.has(b)) out.push(a + b);
      }
      continue;
    }
    if (p.length < 2 || EN_STOPWORDS.has(p) || /^[\p{N}.']+$/u.test(p)) continue;
    out.push(lightStem(p));
  }
  return out;
}
