/** Key terms of a text (words and short phrases), for summaries, category and tag suggestion, and matching. */
import { segmentRuns } from './segment';
import { isStopword } from './stopwords';

/** A term with its weight and how often it occurs. */
export interface ScoredTerm {
  term: string;
  score: number;
  count: number;
}

/** Intl.Segmenter costs ~2–3 µs per CJK character in V8, so only the head of a long text is read. */
const MAX_CHARS = 12_000;
const HAN = /^\p{Script=Han}+$/u;
const HAS_LETTER = /\p{L}/u;
const ONLY_NUMBERISH = /^[\p{N}.,:\-]+$/u;

/** True for a token that can carry topic on its own: not a stopword, a number or a single Han character. */
export function isContentToken(t: string): boolean {
  if (isStopword(t) || !HAS_LETTER.test(t) || ONLY_NUMBERISH.test(t)) return false;
  if (HAN.test(t)) return t.length >= 2;
  if (/^[\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(t)) return false;
  return t.length >= 2;
}

/** Content tokens of a text (folded, stopwords dropped), in order. */
export function contentTokens(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  for (const run of segmentRuns(text.slice(0, MAX_CHARS), lang)) for (const t of run) if (isContentToken(t)) out.push(t);
  return out;
}

/** How a token sequence reads as one phrase: Han/kana joined directly, others with spaces. */
function joinPhrase(tokens: string[]): string {
  let s = tokens[0]!;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const cur = tokens[i]!;
    const glue = /[\p{L}\p{N}]$/u.test(prev) && /^[\p{Script=Latin}\p{N}]/u.test(cur) && /[\p{Script=Latin}\p{N}]$/u.test(prev) ? ' ' : '';
    s += glue + cur;
  }
  return s;
}

/** Can this n-gram be a phrase? Its ends must be content words; Han phrases may hold one-char parts (学习|型|组织). */
function phraseOk(tokens: string[]): boolean {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (!isContentToken(first)) return false;
  const allHan = tokens.every((t) => HAN.test(t));
  if (allHan) {
    const len = tokens.reduce((n, t) => n + t.length, 0);
    if (len < 3 || len > 8) return false;
    if (isStopword(last) || tokens.some((t) => t.length === 1 && isStopword(t))) return false;
    return last.length >= 2 || tokens.length >= 2;
  }
  if (tokens.some((t) => HAN.test(t))) return false;
  return tokens.every(isContentToken) && isContentToken(last);
}

function lengthWeight(term: string): number {
  if (/\p{Script=Han}/u.test(term)) return Math.min(term.replace(/\s/g, '').length, 6) / 2;
  return Math.sqrt(Math.min(term.length, 12) / 4);
}

/**
 * Weighted terms of a text: single content words plus 2–3 word phrases seen at least twice; a phrase's
 * occurrences are taken away from the words inside it, so "知识管理" does not also count as "知识" and "管理".
 */
export function keyTermScores(text: string, lang: string | null | undefined, n = 10): ScoredTerm[] {
  if (!text) return [];
  const counts = new Map<string, number>();
  const phrases = new Map<string, { count: number; parts: string[] }>();
  let total = 0;
  for (const run of segmentRuns(text.slice(0, MAX_CHARS), lang)) {
    for (let i = 0; i < run.length; i++) {
      const t = run[i]!;
      if (isContentToken(t)) {
        counts.set(t, (counts.get(t) || 0) + 1);
        total++;
      }
      for (let len = 2; len <= 3 && i + len <= run.length; len++) {
        const parts = run.slice(i, i + len);
        if (!phraseOk(parts)) continue;
        const key = joinPhrase(parts);
        const p = phrases.get(key);
        if (p) p.count++;
        else phrases.set(key, { count: 1, parts });
      }
    }
  }
  // Longest phrases first; each accepted phrase claims its occurrences from shorter pieces.
  const accepted = [...phrases.entries()].filter(([, p]) => p.count >= 2).sort((a, b) => b[1].parts.length - a[1].parts.length || b[1].count - a[1].count);
  const residual = new Map<string, number>();
  for (const [k, p] of accepted) residual.set(k, p.count);
  for (const [k, p] of accepted) {
    const c = residual.get(k)!;
    if (c <= 0) continue;
    for (const part of p.parts) if (counts.has(part)) counts.set(part, counts.get(part)! - c);
    if (p.parts.length === 3) {
      for (const sub of [p.parts.slice(0, 2), p.parts.slice(1)]) {
        const sk = joinPhrase(sub);
        if (residual.has(sk)) residual.set(sk, residual.get(sk)! - c);
      }
    }
  }
  const scored: ScoredTerm[] = [];
  const damp = total > 0 ? Math.log(1 + total) : 1;
  for (const [term, count] of counts) if (count > 0) scored.push({ term, count, score: (count * lengthWeight(term)) / damp });
  for (const [term, count] of residual) if (count >= 2) scored.push({ term, count, score: (count * lengthWeight(term) * 1.5) / damp });
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  return scored.slice(0, n);
}

/** The top n key terms of a text (folded), most telling first. */
export function keyTerms(text: string, lang: string | null | undefined, n = 10): string[] {
  return keyTermScores(text, lang, n).map((t) => t.term);
}
