/**
 * Re-find described highlights on a page that may have changed: the exact quote first (preferring the one
 * whose context and position fit), then a bounded approximate search, every candidate scored by how well
 * its quote, prefix and suffix agree. Candidates below the bar are rejected, so a highlight whose text is
 * gone becomes an orphan instead of landing on the wrong words.
 */
import type { AnchorMatch, HighlightAnchor } from './types';
import { buildTextIndex, rangeFromOffsets, type TextIndex } from './text-index';
import { editDistance, searchApprox } from './approx-search';

/** Fraction of the quote's length allowed as edits in the approximate search. */
export const MAX_ERROR_RATE = 0.2;
/** Quotes longer than this are found by searching pieces of them first. */
const DIRECT_SEARCH_MAX = 256;
const CHUNK = 64;
const MAX_EXACT_CANDIDATES = 1000;
const MAX_WINDOWS = 24;
/** Minimum combined score for an approximate (edited) quote. */
const FUZZY_THRESHOLD = 0.8;
/** An exact quote this distinctive is accepted even when its surroundings were rewritten. */
const DISTINCTIVE_WEIGHT = 16;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  quoteSim: number;
  context: number;
  score: number;
}

/** Find one highlight on the page; null means it is an orphan (its text is no longer there). */
export function anchor(root: Element, target: HighlightAnchor): AnchorMatch | null {
  return anchorInIndex(buildTextIndex(root), target);
}

/** Find many highlights on one page, walking the page's text once; nulls are orphans, in input order. */
export function anchorAll(root: Element, targets: readonly HighlightAnchor[]): Array<AnchorMatch | null> {
  const index = buildTextIndex(root);
  return targets.map((t) => anchorInIndex(index, t));
}

/** Anchor against an index already built for the page. */
export function anchorInIndex(index: TextIndex, target: HighlightAnchor): AnchorMatch | null {
  const best = findBest(index.text, target);
  if (!best) return null;
  return {
    range: rangeFromOffsets(index, best.start, best.end),
    confidence: Math.round(best.score * 1000) / 1000,
    start: best.start,
    end: best.end,
    exact: best.errors === 0,
  };
}

/** The best-scoring acceptable place for the quote in `text`, or null. Exposed for tests and benches. */
export function findBest(text: string, target: HighlightAnchor): Scored | null {
  const { exact } = target.quote;
  const m = exact.length;
  if (!m || !text.length) return null;

  const exactHits: Candidate[] = [];
  for (let at = text.indexOf(exact); at >= 0 && exactHits.length < MAX_EXACT_CANDIDATES; at = text.indexOf(exact, at + 1)) {
    exactHits.push({ start: at, end: at + m, errors: 0 });
  }
  const bestExact = pickBest(text, target, exactHits);
  if (bestExact && acceptable(bestExact, exact)) return bestExact;

  const k = Math.max(1, Math.floor(m * MAX_ERROR_RATE));
  const fuzzy = m <= DIRECT_SEARCH_MAX ? searchApprox(text, exact, k) : searchLong(text, exact, k, target.position?.start ?? 0);
  const bestFuzzy = pickBest(text, target, fuzzy.filter((c) => c.errors > 0));
  if (bestFuzzy && acceptable(bestFuzzy, exact)) return bestFuzzy;
  return null;
}

/** Long quotes: find pieces (head, middle, tail) first, then search the whole quote only near where they point. */
function searchLong(text: string, exact: string, k: number, oldStart: number): Candidate[] {
  const m = exact.length;
  const offsets = [0, Math.floor((m - CHUNK) / 2), m - CHUNK];
  const starts: number[] = [];
  for (const off of offsets) {
    const piece = exact.slice(off, off + CHUNK);
    for (const hit of searchApprox(text, piece, Math.floor(CHUNK * MAX_ERROR_RATE))) starts.push(hit.start - off);
  }
  // Merge estimates that point at the same place; look first near the old position.
  starts.sort((a, b) => a - b);
  const merged: number[] = [];
  for (const s of starts) if (!merged.length || s - merged[merged.length - 1] > k) merged.push(s);
  merged.sort((a, b) => Math.abs(a - oldStart) - Math.abs(b - oldStart));
  const out: Candidate[] = [];
  for (const est of merged.slice(0, MAX_WINDOWS)) {
    const from = Math.max(0, est - 2 * k);
    const to = Math.min(text.length, est + m + 2 * k);
    out.push(...searchApprox(text, exact, k, from, to));
  }
  return out;
}

function pickBest(text: string, target: HighlightAnchor, cands: Candidate[]): Scored | null {
  let best: Scored | null = null;
  let bestRank = -Infinity;
  const oldStart = target.position?.start;
  for (const c of cands) {
    const s = scoreCandidate(text, target, c);
    // Nearness to the old position decides between repeated text whose context fits about as well
    // (1 at the old place, 0.5 at 500 characters away, fading after); it never makes a candidate acceptable.
    const posSim = oldStart === undefined ? 0 : 1 / (1 + Math.abs(c.start - oldStart) / 500);
    const rank = s.score + 0.1 * posSim;
    if (rank > bestRank) {
      bestRank = rank;
      best = s;
    }
  }
  return best;
}

function scoreCandidate(text: string, target: HighlightAnchor, c: Candidate): Scored {
  const { exact, prefix, suffix } = target.quote;
  const quoteSim = 1 - c.errors / exact.length;
  const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
  const after = text.slice(c.end, c.end + suffix.length);
  const context = (contextSimilarity(prefix, before) + contextSimilarity(suffix, after)) / 2;
  return { ...c, quoteSim, context, score: 0.6 * quoteSim + 0.4 * context };
}

function contextSimilarity(stored: string, actual: string): number {
  const len = Math.max(stored.length, actual.length);
  if (len === 0) return 1;
  return 1 - editDistance(stored, actual) / len;
}

/** How distinctive a quote is on its own: characters, with CJK characters counting triple. */
function quoteWeight(exact: string): number {
  const cjk = exact.match(CJK)?.length ?? 0;
  return exact.length + 2 * cjk;
}

function acceptable(s: Scored, exact: string): boolean {
  if (s.errors === 0) return quoteWeight(exact) >= DISTINCTIVE_WEIGHT || s.context >= 0.4;
  return s.score >= FUZZY_THRESHOLD && s.context >= 0.5;
}
