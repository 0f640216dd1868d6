/** Local extractive summary: an abstract of 1–3 representative sentences and up to 5 key points. */
import type { Summary } from '../clip/types';
import { splitSentences } from '../text/sentences';
import { isCharBasedLang } from '../text/scripts';
import { DEPENDENT_OPENER, isBoilerplate } from './boilerplate';
import { sentenceTerms } from './features';
import { pickDiverse, type TermVector } from './select';

/** Input bound: the summary reads at most this much text and this many sentences. */
const MAX_CHARS = 20_000;
const MAX_SENTENCES = 300;

interface Measure {
  /** Length in the unit of the language: CJK characters or words. */
  size: (s: string) => number;
  minSize: number;
  maxSize: number;
  abstractBudget: number;
  pointBudget: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const charMeasure: Measure = {
  size: (s) => s.replace(/\s+/g, '').length,
  minSize: 12,
  maxSize: 180,
  abstractBudget: 300,
  pointBudget: 120,
};
const wordMeasure: Measure = {
  size: (s) => s.split(/\s+/).filter(Boolean).length,
  minSize: 6,
  maxSize: 60,
  abstractBudget: 60,
  pointBudget: 35,
};

function measureFor(text: string, lang: string): Measure {
  if (isCharBasedLang(lang)) return charMeasure;
  const sample = text.slice(0, 2000);
  const cjk = (sample.match(CJK) || []).length;
  return cjk > sample.replace(/\s+/g, '').length * 0.3 ? charMeasure : wordMeasure;
}

const ENDS_SENTENCE = /[.!?。！？；;…"'”’」』）)]$/u;

/** Shorten a key point at a clause boundary (or a word boundary) to about `budget` units. */
function trimPoint(s: string, m: Measure): string {
  if (m.size(s) <= m.pointBudget) return s;
  if (m === charMeasure) {
    const cut = s.slice(0, m.pointBudget);
    const clause = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'), cut.lastIndexOf(','), cut.lastIndexOf('：'));
    return (clause > m.pointBudget * 0.5 ? cut.slice(0, clause) : cut).replace(/[，、,：:\s]+$/u, '') + '…';
  }
  const words = s.split(/\s+/).slice(0, m.pointBudget);
  let out = words.join(' ');
  const clause = Math.max(out.lastIndexOf(', '), out.lastIndexOf('; '), out.lastIndexOf(': '));
  if (clause > out.length * 0.5) out = out.slice(0, clause);
  return out.replace(/[,;:\s]+$/, '') + '…';
}

/**
 * Summarize text locally: sentences are scored by similarity to the document's TF-IDF centroid with a
 * lead-position prior; boilerplate and very short or long sentences are skipped; picks avoid repeating
 * each other. Abstract sentences stay whole and in original order. Bounded: reads the first 20k chars.
 */
export function summarize(text: string, lang: string): Summary {
  const body = (text || '').slice(0, MAX_CHARS);
  const sentences = splitSentences(body).slice(0, MAX_SENTENCES);
  if (sentences.length === 0) return { abstract: '', keyPoints: [] };
  const m = measureFor(body, lang || 'und');

  // Term frequencies per sentence, and in how many sentences each term appears.
  const tfs: TermVector[] = [];
  const df = new Map<string, number>();
  for (const s of sentences) {
    const tf: TermVector = new Map();
    for (const t of sentenceTerms(s)) tf.set(t, (tf.get(t) || 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) || 0) + 1);
    tfs.push(tf);
  }
  const n = sentences.length;
  const idf = (t: string) => Math.log(1 + n / df.get(t)!);
  const vectors: TermVector[] = tfs.map((tf) => {
    const v: TermVector = new Map();
    for (const [t, c] of tf) v.set(t, (1 + Math.log(c)) * idf(t));
    return v;
  });
  // The centroid: terms that recur across sentences carry the topic.
  const centroid: TermVector = new Map();
  for (const [t, d] of df) if (d >= 2 || n <= 3) centroid.set(t, d * idf(t));

  const candidates: number[] = [];
  const scores = new Array<number>(n).fill(0);
  sentences.forEach((s, i) => {
    const size = m.size(s);
    if (size < m.minSize || size > m.maxSize || isBoilerplate(s) || vectors[i]!.size === 0) return;
    let overlap = 0;
    let length = 0;
    for (const [t, w] of vectors[i]!) {
      length += w * w;
      const c = centroid.get(t);
      if (c) overlap += w * c;
    }
    const similarity = overlap / (Math.sqrt(length) || 1);
    const position = 1 + 0.6 * Math.exp(-i / 4); // the lead usually states the point
    const complete = ENDS_SENTENCE.test(s) ? 1 : 0.3; // headings and fragments read badly
    const standalone = DEPENDENT_OPENER.test(s) ? 0.8 : 1;
    scores[i] = similarity * position * complete * standalone;
    candidates.push(i);
  });
  // Only the strongest candidates compete in the selection (keeps it linear for long texts).
  candidates.sort((a, b) => scores[b]! - scores[a]!);
  candidates.length = Math.min(candidates.length, 40);

  if (candidates.length === 0) {
    // Short or odd text: fall back to the opening sentences that fit.
    const abstract: string[] = [];
    let used = 0;
    for (const s of sentences) {
      if (abstract.length === 3 || (abstract.length > 0 && used + m.size(s) > m.abstractBudget)) break;
      abstract.push(s);
      used += m.size(s);
    }
    return { abstract: join(abstract, m), keyPoints: [] };
  }

  const score = (i: number) => scores[i]!;
  const vector = (i: number) => vectors[i]!;
  let used = 0;
  const abstractIdx = pickDiverse(candidates, score, vector, 3, [], (i) => {
    const size = m.size(sentences[i]!);
    if (used > 0 && used + size > m.abstractBudget) return false;
    used += size;
    return true;
  }).sort((a, b) => a - b);
  const rest = candidates.filter((i) => !abstractIdx.includes(i));
  const pointIdx = pickDiverse(rest, score, vector, 5, abstractIdx).sort((a, b) => a - b);
  return {
    abstract: join(abstractIdx.map((i) => sentences[i]!), m),
    keyPoints: pointIdx.map((i) => trimPoint(sentences[i]!, m)),
  };
}

function join(parts: string[], m: Measure): string {
  return m === charMeasure ? parts.join('') : parts.join(' ');
}
