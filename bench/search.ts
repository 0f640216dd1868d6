/**
 * Search benchmark: builds Cairn's search index over the synthetic library (bench/synthetic-library.ts:
 * 30% Chinese, seeded) at 10k and 100k, and prints add rate,
 * index heap per clip, search and related latency percentiles, beside a plain FlexSearch Document
 * with default options over the same clips. Also the cost of full-text indexing at 10k.
 * Run: `npm run bench:search` (re-spawns itself with --expose-gc). Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Document } from 'flexsearch';
import { createSearchIndex, type SearchableClip, type SearchIndex } from '../lib/search/index';
import { enWords, syntheticClip as makeClip, syntheticQueries as makeQueries, zhVocab } from './synthetic-library';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=3072', '--import', 'tsx', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
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
  for (let k = 0; k < Math.ceil(size * 0.13); k++) removeMs.push(time(() => b.index.remove(makeClip(size - 1 - k).id)));
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
