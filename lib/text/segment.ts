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

/** Word-like tokens of a text, folded (NFKC, lower-case), in order. */
export function segmentWords(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const s of wordSegmenter(lang).segment(foldText(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Word-like tokens grouped into runs: a run breaks at punctuation (anything but plain spaces), so
 * adjacent tokens in one run can form phrases such as "知识|管理" or "knowledge management".
 */
export function segmentRuns(text: string, lang?: string | null): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  if (!text) return runs;
  for (const s of wordSegmenter(lang).segment(foldText(text))) {
    if (s.isWordLike) run.push(s.segment);
    else if (!/^[ \t\u00a0\u3000]+$/.test(s.segment)) {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}
