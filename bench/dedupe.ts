/**
 * Near-duplicate detection: precision and recall on copies of the fixture pages (article vs whole page,
 * trimmed, tracked URL, edited, re-marked-up; distinct articles and same-site whole pages as negatives),
 * then add/query speed and candidate counts at library scale on synthetic clips.
 * Run: npm run bench:dedupe [-- --sizes 1000,10000]
 */
import { performance } from 'node:perf_hooks';
import { createDuplicateIndex } from '../lib/dedupe/index';
import { loadFixturePages } from '../test/data/fixture-corpus';
import { evaluateDedupe, VARIANTS, variantOf } from '../test/data/dedupe-pairs';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1000, 10000];
const pct = (x: number) => (100 * x).toFixed(1) + '%';

const pages = loadFixturePages();
const t0 = performance.now();
const ev = evaluateDedupe(pages);
console.log(`fixtures: ${pages.length} pages, evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log('variant        pairs TP   FP   FN   precision  recall');
for (const [v, s] of Object.entries(ev.byVariant))
  console.log(`${v.padEnd(14)} ${String(s.tp).padStart(8)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${pct(s.precision).padStart(7)}  ${pct(s.recall).padStart(7)}`);
const o = ev.overall;
console.log(`${'all copies'.padEnd(14)} ${String(o.tp).padStart(8)} ${String(o.fp).padStart(4)} ${String(o.fn).padStart(4)}   ${pct(o.precision).padStart(7)}  ${pct(o.recall).padStart(7)}`);
const pp = ev.pagePairs;
console.log(`${'whole pages'.padEnd(14)} ${String(pp.tp).padStart(8)} ${String(pp.fp).padStart(4)} ${String(pp.fn).padStart(4)}   ${pct(pp.precision).padStart(7)}  ${pct(pp.recall).padStart(7)}   (all page pairs, same-site chrome shared)`);
console.log(`per query: ${ev.queries.foundOwn}/${ev.queries.total} copies found their own article (${pct(ev.queries.foundOwn / ev.queries.total)}), ${ev.queries.clean}/${ev.queries.total} returned nothing outside their article's group`);
const notLorem = ev.mistakes.filter((m) => !/lorem|rtl-|remove-|replace-|title-|base-url|metadata|svg|style|social|embedded|normalize|visibility|comment-inside|basic-tags|parsely|hidden-nodes|missing-para/.test(m));
console.log(`mistakes: ${ev.mistakes.length} (${notLorem.length} outside the short lorem-ipsum pages)${notLorem.length ? '\n  ' + notLorem.slice(0, 20).join('\n  ') : ''}`);

// Scale: synthetic distinct clips of 30–80 sentences drawn from all fixture sentences, plus real copies.
const sentences = pages.flatMap((p) => p.text.split(/(?<=[.!?。！？])\s+/u)).filter((s) => s.length > 30);
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const synthetic = (n: number) => Array.from({ length: 30 + Math.floor(rand() * 50) }, () => sentences[Math.floor(rand() * sentences.length)]!).join(' ') + ` ${n}`;
const scale: Record<string, unknown>[] = [];
for (const size of SIZES) {
  const index = createDuplicateIndex();
  const docs = Array.from({ length: size }, (_, i) => ({ id: `s${i}`, url: `https://synthetic.example/${i}`, text: synthetic(i) }));
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  for (const d of docs) index.add(d);
  const addMs = (performance.now() - t) / size;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  for (const p of pages) index.add({ id: p.id, url: p.url, text: p.text });
  const queries = pages.filter((p) => p.text.length > 500).flatMap((p) => VARIANTS.map((v) => ({ page: p, q: variantOf(p, v) })));
  let found = 0;
  let falseHits = 0;
  const times: number[] = [];
  for (const { page, q } of queries) {
    t = performance.now();
    const hits = index.findDuplicates(q);
    times.push(performance.now() - t);
    if (hits.some((h) => h.id === page.id)) found++;
    falseHits += hits.filter((h) => h.id.startsWith('s')).length;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`scale ${size} synthetic clips: add ${addMs.toFixed(2)} ms/clip, heap +${heapMb.toFixed(0)} MB; ${queries.length} copy queries p50 ${p50.toFixed(2)} ms p95 ${p95.toFixed(2)} ms (incl. shingling), found own ${found}/${queries.length}, synthetic false hits ${falseHits}`);
  scale.push({ size, addMsPerClip: +addMs.toFixed(3), heapMb: +heapMb.toFixed(1), queryP50Ms: +p50.toFixed(3), queryP95Ms: +p95.toFixed(3), foundOwn: found, queries: queries.length, falseHits });
}
console.log(JSON.stringify({ bench: 'dedupe', precision: o.precision, recall: o.recall, pagePairsPrecision: pp.precision, perQueryRecall: ev.queries.foundOwn / ev.queries.total, byVariant: ev.byVariant, scale }));
