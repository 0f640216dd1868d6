/**
 * "Related to this page": a weighted query from the page's most telling terms (page frequency,
 * saturated, × the library's IDF; title and caller-given key terms boosted), scored against clips
 * with field weights and BM25-style length normalisation, then nudged by same site / same category.
 */
import { SLOTS, TF_LEVELS, TF_OF_LEVEL, type IndexStore } from './store';
import { ScoreBoard, topK } from './scores';
import { cjkBigrams, foldForSearch, rawTokens, wordTerm } from './tokenize';
import type { RelatedHit, RelatedOptions, RelatedPage, StoredDoc } from './types';

/** Field weights for related: a shared term in a clip's title or tags says more than one in its text. */
const FIELD_WEIGHT = [1.6, 1.4, 1.0, 0.8];
const QUERY_TERMS = 64;
/** In a library this large, terms in more than COMMON_SHARE of clips are left out of the query: their
 * postings are most of the work and their low IDF rarely changes the top results. */
const COMMON_MIN_LIBRARY = 2000;
const COMMON_SHARE = 0.1;
const MAX_PAGE_CHARS = 40_000;
const TITLE_BOOST = 2.5;
const KEY_TERM_BOOST = 2;
const K1 = 1.2;
const B = 0.5;
const SAME_SITE = 0.15;
const SAME_CATEGORY = 0.2;
/** While new docs are still admitted, the top-k bound is checked each time the bounds left shrink by this factor. */
const CHECK_RATIO = 0.8;

/** The most one posting of a term can add per unit of query weight, given the slots the term uses. */
function bestImpact(slotMask: number): number {
  let best = 0;
  for (let s = 0; s < SLOTS; s++) {
    if (!(slotMask & (1 << s))) continue;
    const tf = TF_OF_LEVEL[s % TF_LEVELS]!;
    best = Math.max(best, (FIELD_WEIGHT[(s / TF_LEVELS) | 0]! * tf * (K1 + 1)) / (tf + K1 * (1 - B)));
  }
  return best;
}

interface PageTerm {
  term: string;
  tf: number;
  boost: number;
  surface: string;
  /** Index term id and query weight, set once the library's frequencies are looked up. */
  id: number;
  weight: number;
}

function hostOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/** Count the page's terms, remembering the first surface form of each. */
function pageTerms(page: RelatedPage): Map<string, PageTerm> {
  const terms = new Map<string, PageTerm>();
  const feed = (text: string | null | undefined, boost: number) => {
    if (!text) return;
    for (const tok of rawTokens(foldForSearch(text.slice(0, MAX_PAGE_CHARS)))) {
      const list = tok.cjk ? cjkBigrams(tok.text) : [wordTerm(tok.text)];
      for (const t of list) {
        if (!t) continue;
        const e = terms.get(t);
        if (e) {
          e.tf++;
          e.boost = Math.max(e.boost, boost);
        } else terms.set(t, { term: t, tf: 1, boost, surface: tok.cjk ? t : tok.text, id: -1, weight: 0 });
      }
    }
  };
  feed(page.title, TITLE_BOOST);
  for (const k of page.keyTerms || []) feed(k, KEY_TERM_BOOST);
  feed(page.text, 1);
  return terms;
}

/** Merge consecutive shared CJK bigrams back into the words the page wrote ("组织"+"织学"+"学习" → "组织学习"). */
function mergeCjk(page: RelatedPage, shared: Set<string>): Map<string, string> {
  const surfaces = new Map<string, string>();
  const text = `${page.title || ''}\n${(page.text || '').slice(0, 8000)}`;
  for (const tok of rawTokens(foldForSearch(text))) {
    if (!tok.cjk) continue;
    const chars = Array.from(tok.text);
    let i = 0;
    while (i + 1 < chars.length) {
      if (!shared.has(chars[i]! + chars[i + 1]!)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j + 1 < chars.length && shared.has(chars[j]! + chars[j + 1]!)) j++;
      const word = chars.slice(i, j + 1).join('');
      for (let k = i; k < j; k++) {
        const g = chars[k]! + chars[k + 1]!;
        const prev = surfaces.get(g);
        if (!prev || prev.length < word.length) surfaces.set(g, word);
      }
      i = j;
    }
  }
  return surfaces;
}

/** Related clips for a page. */
export function runRelated(store: IndexStore, board: ScoreBoard, page: RelatedPage, opts: RelatedOptions = {}): RelatedHit[] {
  const limit = Math.max(1, opts.limit ?? 10);
  const minRelative = opts.minRelativeScore ?? 0.2;
  const candidates: PageTerm[] = [];
  const maxDf = store.size >= COMMON_MIN_LIBRARY ? store.size * COMMON_SHARE : Infinity;
  for (const t of pageTerms(page).values()) {
    const id = store.termId(t.term);
    const df = id < 0 ? 0 : store.docFreqOf(id);
    if (!df || df > maxDf) continue;
    const tfPart = (t.tf * (K1 + 1)) / (t.tf + K1);
    t.id = id;
    t.weight = tfPart * t.boost * store.idf(df);
    candidates.push(t);
  }
  const query = topK(candidates, QUERY_TERMS, (c) => c.weight);
  if (query.length === 0) return [];

  board.reset(store.capacity);
  const avg = store.averageTerms || 1;
  const docs = store.docs;
  // BM25 with tf known to its level: a posting in slot s of a doc of n terms adds
  // weight × field × tf × (K1 + 1) / (tf + K1 × (1 − B) + K1 × B × n / avg).
  const numerator = new Float64Array(SLOTS);
  const denominator = new Float64Array(SLOTS);
  for (let s = 0; s < SLOTS; s++) denominator[s] = TF_OF_LEVEL[s % TF_LEVELS]! + K1 * (1 - B);
  const perTerm = (K1 * B) / avg;
  // Clips of the page itself are left out up front, so every bound below counts only docs that can be shown.
  const usable = store.liveExcept(opts.excludeUrl);
  const pageHost = hostOf(page.url);
  const pageSite = (page.siteName || '').toLowerCase();
  const maxBoost = 1 + (pageHost || pageSite ? SAME_SITE : 0) + (page.categoryId ? SAME_CATEGORY : 0);
  // MaxScore-style pruning: a term adds at most its weight × its best slot's impact (at the shortest
  // length). Terms go by that bound, largest first. Once the bounds of the terms left (× the largest
  // boost) fall under the limit-th best score so far, a doc not yet touched cannot reach the top: the
  // remaining (common, long) lists only add to docs in play, and docs whose score plus those bounds
  // cannot reach it either are dropped (checked again as the bounds left shrink).
  const bound = query.map((q) => q.weight * bestImpact(store.slotsOfId(q.id)));
  const order = query.map((_, i) => i).sort((a, b) => bound[b]! - bound[a]!);
  let remaining = bound.reduce((a, b) => a + b, 0);
  let nextCheck = remaining * CHECK_RATIO;
  let admitting = true;
  // The limit-th best score at the last check, and the bounds read since: it can have grown by no more.
  let lastKth = 0;
  let readSince = 0;
  for (const bit of order) {
    const q = query[bit]!;
    // Check when the bounds left have shrunk enough, and (while admitting) only if it could succeed.
    if (remaining <= nextCheck && (!admitting || remaining * maxBoost < lastKth + readSince)) {
      nextCheck = remaining * CHECK_RATIO;
      lastKth = board.kthScore(limit, usable);
      readSince = 0;
      const kth = lastKth / maxBoost;
      if (remaining < kth) {
        admitting = false;
        board.prune(kth - remaining, usable);
      }
    }
    remaining -= bound[bit]!;
    readSince += bound[bit]!;
    for (let s = 0; s < SLOTS; s++) numerator[s] = q.weight * FIELD_WEIGHT[(s / TF_LEVELS) | 0]! * TF_OF_LEVEL[s % TF_LEVELS]! * (K1 + 1);
    board.addPostings(store.postingsOf(q.id), numerator, denominator, store.lengths, perTerm, bit, admitting);
  }

  // Boosts multiply a score by at most maxBoost and `limit` usable docs score at least the limit-th
  // best raw score, so only docs whose raw score × maxBoost reaches it can make the top: look up those.
  const floor = board.kthScore(limit, usable) / maxBoost;
  const scored: Array<{ d: number; doc: StoredDoc; score: number }> = [];
  for (const d of board.touched) {
    if (usable[d] !== 1 || board.score(d) < floor) continue;
    const doc = docs.get(d)!;
    const sameSite = !!((pageHost && doc.host === pageHost) || (pageSite && doc.site.toLowerCase() === pageSite));
    const sameCategory = !!(page.categoryId && doc.categoryId === page.categoryId);
    scored.push({ d, doc, score: board.score(d) * (1 + (sameSite ? SAME_SITE : 0) + (sameCategory ? SAME_CATEGORY : 0)) });
  }
  const best = topK(scored, limit, (s) => s.score);
  if (best.length === 0) return [];
  const relativeFloor = best[0]!.score * minRelative;

  const hits: RelatedHit[] = [];
  const kept = best.filter((b) => b.score >= relativeFloor);
  const sharedCjk = new Set<string>();
  for (const b of kept) {
    const bits = board.termBits(b.d);
    query.forEach((q, i) => {
      if (i < 32 && bits & (1 << i) && /^[^\x00-\x7f]/.test(q.term)) sharedCjk.add(q.term);
    });
  }
  const merged = sharedCjk.size ? mergeCjk(page, sharedCjk) : new Map<string, string>();
  for (const b of kept) {
    const bits = board.termBits(b.d);
    const terms: string[] = [];
    for (let i = 0; i < query.length && i < 32 && terms.length < 5; i++) {
      if (!(bits & (1 << i))) continue;
      const q = query[i]!;
      const surface = merged.get(q.term) || q.surface;
      if (!terms.some((t) => t.includes(surface) || surface.includes(t))) terms.push(surface);
    }
    const sameSite = !!((pageHost && b.doc.host === pageHost) || (pageSite && b.doc.site.toLowerCase() === pageSite));
    const sameCategory = !!(page.categoryId && b.doc.categoryId === page.categoryId);
    const parts = [terms.length ? `shared: ${terms.join(', ')}` : '', sameSite ? 'same site' : '', sameCategory ? 'same category' : ''];
    hits.push({
      id: b.doc.id,
      score: Math.round(b.score * 1000) / 1000,
      why: { terms, sameSite, sameCategory, text: parts.filter(Boolean).join(' · ') },
    });
  }
  return hits;
}
