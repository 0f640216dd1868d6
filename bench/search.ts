/**
 * Search benchmark: builds Cairn's search index over synthetic clips (30% Chinese; English word runs from
 * the fixture pages, Chinese sentences of Zipf-drawn words from all Han text available; seeded RNG) at 10k and 100k, and prints add rate,
 * index heap per clip, search and related latency percentiles, beside a plain FlexSearch Document
 * with default options over the same clips. Also the cost of full-text indexing at 10k.
 * Run: `npm run bench:search` (re-spawns itself with --expose-gc). Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Document } from 'flexsearch';
import { createSearchIndex, type SearchableClip, type SearchIndex } from '../lib/search/index';
import { fixtureArticles, htmlToText } from '../test/unit/search/corpus';
import { loadSeedPage } from '../test/helpers/fixtures';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=3072', '--import', 'tsx', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Material: English words in order (phrases keep realistic co-occurrence), sampled from every English fixture.
const articles = fixtureArticles();
const enWords = articles.filter((a) => a.lang === 'en').flatMap((a) => a.text.match(/[A-Za-z][A-Za-z'-]*/g) || []);
const TAGS = Array.from({ length: 200 }, (_, i) => `${enWords[(i * 7919) % enWords.length]!.toLowerCase()}${i % 3 ? '' : '-' + i}`);
const SITES = Array.from({ length: 500 }, (_, i) => `site${i}.example.com`);

/**
 * Chinese: a vocabulary of the Han words (Intl.Segmenter) in ALL Han text available — every fixture
 * article with Han characters (qq, gmw, pixnet, the Japanese pages' kanji words…) plus the seed
 * article — ranked by frequency, and sentences composed by drawing words with a Zipf law (s = 1).
 * Sampling contiguous runs of four articles (the first version) made every Chinese clip reuse the same
 * few thousand characters, so bigram postings were far longer than a real library's.
 */
function chineseVocabulary(): string[] {
  const seed = htmlToText(loadSeedPage());
  const texts = [...articles.map((a) => a.text), seed].filter((t) => (t.match(/\p{Script=Han}/gu) || []).length >= 50);
  const counts = new Map<string, number>();
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const t of texts) {
    for (const s of seg.segment(t)) {
      if (s.isWordLike && /^\p{Script=Han}+$/u.test(s.segment)) counts.set(s.segment, (counts.get(s.segment) || 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}
const zhVocab = chineseVocabulary();
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

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
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

/** Clip i, always the same for the same i. */
function makeClip(i: number): SearchableClip {
  const r = rng(i * 2654435761);
  const zh = r() < 0.3;
  const run = (n: number) => (zh ? zhRun(r, n * 2) : enRun(r, n));
  return {
    id: `c${i}`,
    url: `https://${pick(r, SITES)}/p/${i}`,
    title: run(8),
    siteName: null,
    lang: zh ? 'zh' : 'en',
    categoryId: `cat${Math.floor(r() * 30)}`,
    tags: [pick(r, TAGS), pick(r, TAGS)],
    summary: { abstract: run(40), keyPoints: [run(14), run(14), run(14)] },
    text: run(400),
    createdAt: new Date(1.7e12 + i * 60_000).toISOString(),
  };
}

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
function stats(xs: number[]) {
  return { p50: r3(pct(xs, 50)), p95: r3(pct(xs, 95)), p99: r3(pct(xs, 99)) };
}

/** Queries sampled from clip terms: 1–3 English words (last one sometimes half-typed), 2–4 Chinese characters, single characters. */
function makeQueries(n: number, size: number): string[] {
  const r = rng(42);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const c = makeClip(Math.floor(r() * size));
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

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

interface Built<T> {
  index: T;
  addPerSec: number;
  bytesPerClip: number;
}

function build<T>(size: number, make: () => T, add: (index: T, c: SearchableClip) => void): Built<T> {
  const before = heap();
  const index = make();
  const t = performance.now();
  for (let i = 0; i < size; i++) add(index, makeClip(i));
  const secs = (performance.now() - t) / 1000;
  const bytes = heap() - before;
  return { index, addPerSec: Math.round(size / secs), bytesPerClip: Math.round(bytes / size) };
}

function benchCairn(size: number, fullText: boolean) {
  const b = build<SearchIndex>(size, () => createSearchIndex({ fullText }), (ix, c) => ix.add(c));
  const queries = makeQueries(400, size);
  for (const q of queries.slice(0, 50)) b.index.search(q); // warm up (and build lazy vocab lists)
  const searchMs = queries.map((q) => time(() => b.index.search(q, { limit: 20 })));
  const zh1 = queries.filter((q) => q.length === 1 && /\p{Script=Han}/u.test(q));
  const zh1Ms = zh1.map((q) => time(() => b.index.search(q, { limit: 20 })));
  const found = queries.filter((q) => b.index.search(q, { limit: 20 }).length > 0).length / queries.length;
  const pages = Array.from({ length: 120 }, (_, k) => makeClip(size + 1000 + k));
  for (const p of pages.slice(0, 10)) b.index.related(p);
  const relatedMs = pages.map((p) => time(() => b.index.related({ title: p.title, text: p.text }, { limit: 10 })));
  const updateMs = [0, 1, 2].map((k) => time(() => b.index.update({ ...makeClip(k * 7), title: 'updated title' })));
  // Removes are O(1) plus a bulk compaction once removed clips pass 1/8 of the live ones: remove 13%
  // of the library and report the typical and the worst single remove (the one that compacts).
  const removeMs: number[] = [];
  for (let k = 0; k < Math.ceil(size * 0.13); k++) removeMs.push(time(() => b.index.remove(`c${size - 1 - k}`)));
  const result = {
    size,
    fullText,
    addPerSec: b.addPerSec,
    bytesPerClip: b.bytesPerClip,
    search: stats(searchMs),
    search1CharZh: stats(zh1Ms),
    queriesWithResults: r3(found),
    related: stats(relatedMs),
    updateMs: r3(Math.max(...updateMs)),
    removeMs: { p50: r3(pct(removeMs, 50)), max: r3(Math.max(...removeMs)) },
  };
  return result;
}

function benchPlainFlex(size: number) {
  type D = { id: string; title: string; summary: string; tags: string };
  const b = build<Document<D>>(
    size,
    () => new Document<D>({ document: { id: 'id', index: ['title', 'summary', 'tags'] } }),
    (ix, c) => ix.add({ id: c.id, title: c.title || '', summary: [c.summary!.abstract, ...c.summary!.keyPoints!].join(' '), tags: (c.tags || []).join(' ') }),
  );
  const queries = makeQueries(400, size);
  for (const q of queries.slice(0, 50)) b.index.search(q, { limit: 20 });
  const searchMs = queries.map((q) => time(() => b.index.search(q, { limit: 20 })));
  const found = queries.filter((q) => b.index.search(q, { limit: 20, merge: true } as never).length > 0).length / queries.length;
  return { size, addPerSec: b.addPerSec, bytesPerClip: b.bytesPerClip, search: stats(searchMs), queriesWithResults: r3(found) };
}

// Flags for quicker runs while working: --sizes=100000 (comma list), --no-baseline, --no-fulltext.
const argv = process.argv.slice(2);
const sizesArg = argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : [10_000, 100_000];

const started = performance.now();
const figures: Record<string, unknown> = { zhVocabulary: zhVocab.length };
console.log(`Chinese vocabulary: ${zhVocab.length} words (Zipf-drawn); English: ${enWords.length} running words`);
for (const size of SIZES) {
  const cairn = benchCairn(size, false);
  console.log(`cairn summary-level ${size}:`, JSON.stringify(cairn));
  figures[`cairn_${size}`] = cairn;
  if (argv.includes('--no-baseline')) continue;
  const plain = benchPlainFlex(size);
  console.log(`plain FlexSearch Document (default options) ${size}:`, JSON.stringify(plain));
  figures[`flexsearch_default_${size}`] = plain;
}
if (!argv.includes('--no-fulltext')) {
  const full = benchCairn(10_000, true);
  console.log('cairn full text 10000:', JSON.stringify(full));
  figures.cairn_fulltext_10000 = full;
}
figures.seconds = Math.round((performance.now() - started) / 1000);
console.log(JSON.stringify(figures));
