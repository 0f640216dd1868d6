/**
 * The synthetic library the search and recall benchmarks share: clip i is always the same clip.
 * 30% Chinese. English text is runs of words in order from the English fixture pages (phrases keep
 * realistic co-occurrence); Chinese text is sentences of words drawn with a Zipf law (s = 1) from the
 * Han words (Intl.Segmenter) of ALL Han text available — every fixture article with Han characters
 * plus the seed article. (Sampling contiguous runs of a few articles made every Chinese clip reuse the
 * same few thousand characters, so bigram postings were far longer than a real library's.)
 */
import { fixtureArticles, htmlToText } from '../test/unit/search/corpus';
import { loadSeedPage } from '../test/helpers/fixtures';
import { STARTER_TAXONOMY } from '../lib/categorize/taxonomy';
import type { Clip } from '../lib/clip/types';
import { seededRandom as rng } from '../test/helpers/seeded-random';

export const articles = fixtureArticles();
export const enWords = articles.filter((a) => a.lang === 'en').flatMap((a) => a.text.match(/[A-Za-z][A-Za-z'-]*/g) || []);
const TAGS = Array.from({ length: 200 }, (_, i) => `${enWords[(i * 7919) % enWords.length]!.toLowerCase()}${i % 3 ? '' : '-' + i}`);
const SITES = Array.from({ length: 500 }, (_, i) => `site${i}.example.com`);
const CATEGORIES = STARTER_TAXONOMY.map((c) => c.id);

/** Han words of all Han text available, most frequent first. */
export const zhVocab = (() => {
  const texts = [...articles.map((a) => a.text), htmlToText(loadSeedPage())].filter((t) => (t.match(/\p{Script=Han}/gu) || []).length >= 50);
  const counts = new Map<string, number>();
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const t of texts) for (const s of seg.segment(t)) if (s.isWordLike && /^\p{Script=Han}+$/u.test(s.segment)) counts.set(s.segment, (counts.get(s.segment) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
})();

/** Cumulative Zipf weights over zhVocab ranks. */
const zhCumulative = (() => {
  const out = new Float64Array(zhVocab.length);
  let acc = 0;
  for (let i = 0; i < zhVocab.length; i++) out[i] = acc += 1 / (i + 1);
  return out.map((x) => x / acc);
})();

function zipfWord(r: () => number): string {
  const x = r();
  let lo = 0;
  let hi = zhCumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zhCumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return zhVocab[lo]!;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function enRun(r: () => number, n: number): string {
  const at = Math.floor(r() * (enWords.length - n));
  return enWords.slice(at, at + n).join(' ');
}

/** About n Chinese characters of Zipf-drawn words, with a comma or full stop every 4–12 words. */
function zhRun(r: () => number, n: number): string {
  let out = '';
  let words = 0;
  let next = 4 + Math.floor(r() * 9);
  while (out.length < n) {
    out += zipfWord(r);
    if (++words === next) {
      out += r() < 0.6 ? '，' : '。';
      words = 0;
      next = 4 + Math.floor(r() * 9);
    }
  }
  return out;
}

/** Clip i of the synthetic library, always the same for the same i. */
export function syntheticClip(i: number): Clip {
  const r = rng(i * 2654435761);
  const zh = r() < 0.3;
  const run = (n: number) => (zh ? zhRun(r, n * 2) : enRun(r, n));
  const url = `https://${pick(r, SITES)}/p/${i}`;
  const at = new Date(1.7e12 + i * 60_000).toISOString();
  const abstract = run(40);
  const text = `${abstract} ${run(200)}`;
  return {
    id: `bench-${String(i).padStart(6, '0')}`,
    mode: 'article', url, canonicalUrl: url, title: run(8), byline: null, siteName: null, lang: zh ? 'zh' : 'en', dir: 'ltr',
    publishedTime: null, excerpt: abstract.slice(0, 200), summary: { abstract, keyPoints: [run(14), run(14), run(14)] }, text,
    markdown: text, html: `<p>${text}</p>`, wordCount: 240, readingMinutes: 1, fallback: null,
    categoryId: r() < 0.8 ? pick(r, CATEGORIES) : null, tags: [pick(r, TAGS), pick(r, TAGS)], note: '', visibility: 'private',
    createdAt: at, updatedAt: at, deletedAt: null,
  };
}

/** Queries sampled from clip terms: 1–3 English words (last one sometimes half-typed), 2–4 Chinese characters, single characters. */
export function syntheticQueries(n: number, size: number): string[] {
  const r = rng(42);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const c = syntheticClip(Math.floor(r() * size));
    const kind = k % 4;
    const src = `${c.title} ${c.summary!.abstract}`;
    if (c.lang === 'zh') {
      const han = src.replace(/[^\p{Script=Han}]/gu, '');
      const len = kind === 3 ? 1 : 2 + Math.floor(r() * 3);
      const at = Math.floor(r() * Math.max(1, han.length - len));
      out.push(han.slice(at, at + len));
    } else {
      const words = src.split(/\s+/).filter((w) => w.length > 3);
      const m = 1 + Math.floor(r() * 3);
      const at = Math.floor(r() * Math.max(1, words.length - m));
      let q = words.slice(at, at + m).join(' ');
      if (kind === 1) q = q.slice(0, Math.max(3, q.length - 3)); // as you type
      out.push(q);
    }
  }
  return out;
}
