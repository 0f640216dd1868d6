/** Word segmentation through Intl.Segmenter (dictionary-based for Chinese, Japanese, Thai). */
import { foldText } from './normalize';

const segmenters = new Map<string, Intl.Segmenter>();

/** A cached word segmenter for a locale (creating one costs far more than using it). */
export function wordSegmenter(lang?: string | null): Intl.Segmenter {
  const key = (lang || 'und').toLowerCase();
  let seg = segmenters.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(key === 'und' ? undefined : key, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

/** Letters/digits joined by apostrophes, dots or underscores: the word-like runs ICU would find in spaced scripts. */
const TOKEN = /[\p{L}\p{N}\p{M}_]+(?:['’.][\p{L}\p{N}\p{M}_]+)*/gu;
/** Scripts written without spaces: these pieces go to the dictionary segmenter. */
const NEEDS_DICTIONARY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SPACES_ONLY = /^[ \t\u00a0\u3000]*$/;

/**
 * Walk the word-like tokens of folded text, calling `onWord` for each and `onBreak` at punctuation.
 * Spaced scripts are tokenised by a regular expression; only runs of Chinese, Japanese, Thai… go to
 * Intl.Segmenter, one short run at a time, because its iteration cost grows with string length in V8.
 */
function walkWords(text: string, lang: string | null | undefined, onWord: (w: string) => void, onBreak: () => void): void {
  const folded = foldText(text);
  let last = 0;
  for (const m of folded.matchAll(TOKEN)) {
    const idx = m.index!;
    if (idx > last && !SPACES_ONLY.test(folded.slice(last, idx))) onBreak();
    last = idx + m[0].length;
    const tok = m[0];
    if (!NEEDS_DICTIONARY.test(tok)) {
      onWord(tok);
      continue;
    }
    for (const s of wordSegmenter(lang).segment(tok)) if (s.isWordLike) onWord(s.segment);
  }
}

/** Word-like tokens of a text, folded (NFKC, lower-case), in order; Chinese through Intl.Segmenter. */
export function segmentWords(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  if (!text) return out;
  walkWords(text, lang, (w) => out.push(w), () => {});
  return out;
}

/**
 * Word-like tokens grouped into runs: a run breaks at punctuation (anything but plain spaces), so
 * adjacent tokens in one run can form phrases such as "知识|管理" or "knowledge management".
 */
export function segmentRuns(text: string, lang?: string | null): string[][] {
  const runs: string[][] = [];
  if (!text) return runs;
  let run: string[] = [];
  walkWords(
    text,
    lang,
    (w) => run.push(w),
    () => {
      if (run.length) runs.push(run);
      run = [];
    },
  );
  if (run.length) runs.push(run);
  return runs;
}
