/**
 * Category suggestion quality: 5-fold cross-validation on the hand-labeled fixture pages
 * (test/data/category-labels.json), top-1 and top-3 accuracy per language for the learned suggester,
 * the naive-Bayes baseline and the lexicon alone, in one run. Run: npm run bench:categorize [-- --folds 5]
 */
import { performance } from 'node:perf_hooks';
import { loadFixturePages } from '../test/data/fixture-corpus';
import { crossValidate, METHODS } from '../test/data/categorize-eval';

const foldsArg = process.argv.indexOf('--folds');
const K = foldsArg > 0 ? Number(process.argv[foldsArg + 1]) : 5;
const pages = loadFixturePages();
const t0 = performance.now();
const { table, perPage } = crossValidate(pages, K);
const seconds = (performance.now() - t0) / 1000;
const pct = (a: number, n: number) => (n ? ((100 * a) / n).toFixed(1) + '%' : '—').padStart(7);
console.log(`${perPage.length} labeled pages, ${K}-fold cross-validation, ${seconds.toFixed(1)} s`);
console.log('method        lang    n   top-1    top-3');
for (const m of METHODS)
  for (const g of ['en', 'zh', 'other', 'all'] as const) {
    const c = table[m][g];
    console.log(`${m.padEnd(13)} ${g.padEnd(5)} ${String(c.n).padStart(3)} ${pct(c.top1, c.n)}  ${pct(c.top3, c.n)}`);
  }
if (process.argv.includes('--pages')) for (const p of perPage) console.log(`${p.id.padEnd(32)} ${p.lang.padEnd(5)} ${p.label.padEnd(20)} learned=${p.top.learned} nb=${p.top['naive-bayes']} lexicon=${p.top.lexicon}`);
const json: Record<string, unknown> = { bench: 'categorize', folds: K, pages: perPage.length };
for (const m of METHODS) json[m] = Object.fromEntries(Object.entries(table[m]).map(([g, c]) => [g, { n: c.n, top1: +(c.top1 / (c.n || 1)).toFixed(3), top3: +(c.top3 / (c.n || 1)).toFixed(3) }]));
console.log(JSON.stringify(json));
