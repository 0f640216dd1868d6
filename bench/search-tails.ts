/**
 * Where search and related spend their tail at 100k: builds the index once (snapshot cached under
 * /tmp), then prints the slowest queries and pages with what they read. A working tool for tuning
 * lib/search; figures to quote come from bench/search.ts.
 * Run: npx tsx bench/search-tails.ts [--size=100000] [--top=20] [--repeat=3] [--fulltext] [--rebuild | --live]
 *   [--search-only | --related-only]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { IndexStore } from '../lib/search/store';
import { ScoreBoard } from '../lib/search/scores';
import { runSearch } from '../lib/search/search';
import { runRelated } from '../lib/search/related';
import { parseQuery } from '../lib/search/query';
import { syntheticClip as makeClip, syntheticQueries as makeQueries } from './synthetic-library';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const SIZE = arg('size', 100_000);
const TOP = arg('top', 20);
const REPEAT = arg('repeat', 3);
const FULL_TEXT = process.argv.includes('--fulltext');
const file = `/tmp/cairn-search-${SIZE}${FULL_TEXT ? '-full' : ''}.snap`;

const store = new IndexStore(FULL_TEXT);
const LIVE = process.argv.includes('--live'); // measure the index as built by add(), as bench/search.ts does
if (existsSync(file) && !process.argv.includes('--rebuild') && !LIVE) {
  store.importSnapshot(deserialize(readFileSync(file)));
} else {
  const t = performance.now();
  for (let i = 0; i < SIZE; i++) store.put(makeClip(i));
  console.log(`built ${SIZE} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (!LIVE) {
    writeFileSync(file, serialize(store.exportSnapshot()));
    store.importSnapshot(deserialize(readFileSync(file)));
  }
}
const board = new ScoreBoard();

// Count what a call reads: terms looked up and postings read.
let lookups = 0;
let postingsRead = 0;
const postings = store.postings.bind(store);
store.postings = (term: string) => {
  const p = postings(term);
  postingsRead += p.length;
  return p;
};
const postingsOf = store.postingsOf.bind(store);
store.postingsOf = (id: number) => {
  const p = postingsOf(id);
  postingsRead += p.length;
  return p;
};
const docFreq = store.docFreq.bind(store);
store.docFreq = (term: string) => {
  lookups++;
  return docFreq(term);
};
const idf = store.idf.bind(store);
store.idf = (df: number) => {
  lookups++;
  return idf(df);
};

function kindOf(q: string): string {
  const parts = parseQuery(q).parts;
  if (/\p{Script=Han}/u.test(q)) return q.length === 1 ? 'zh-char' : `zh-${q.length}`;
  return `en-${parts.length}${parts.at(-1)?.kind === 'prefix' ? '-prefix' : ''}`;
}

interface Row {
  ms: number;
  label: string;
  kind: string;
  lookups: number;
  postings: number;
  touched: number;
}

function measure(label: string, kind: string, fn: () => void): Row {
  // The least of a few runs: what the code costs, without other processes' noise on a shared machine.
  let ms = Infinity;
  for (let k = 0; k < REPEAT; k++) {
    lookups = 0;
    postingsRead = 0;
    const t = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, label, kind, lookups, postings: postingsRead, touched: board.touched.length };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function report(title: string, rows: Row[]): void {
  const ms = rows.map((r) => r.ms);
  console.log(`\n${title}: p50 ${pct(ms, 50).toFixed(2)}  p95 ${pct(ms, 95).toFixed(2)}  p99 ${pct(ms, 99).toFixed(2)} ms (n=${rows.length})`);
  const byKind = new Map<string, number[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) || []), r.ms]);
  for (const [k, xs] of [...byKind].sort()) console.log(`  ${k.padEnd(12)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 50).toFixed(2)}  p95 ${pct(xs, 95).toFixed(2)}  max ${Math.max(...xs).toFixed(2)}`);
  console.log('  slowest:   ms  kind         lookups  postings  touched  label');
  for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, TOP)) {
    console.log(`  ${r.ms.toFixed(2).padStart(12)}  ${r.kind.padEnd(12)} ${String(r.lookups).padStart(7)} ${String(r.postings).padStart(9)} ${String(r.touched).padStart(8)}  ${r.label.slice(0, 40)}`);
  }
}

const queries = makeQueries(400, SIZE);
store.prepareSearch();
for (const q of queries.slice(0, 50)) runSearch(store, board, q);
const rounds = arg('rounds', 1);
const searchRows: Row[] = [];
for (let k = 0; k < rounds && !process.argv.includes('--related-only'); k++) for (const q of queries) searchRows.push(measure(q, kindOf(q), () => runSearch(store, board, q, { limit: 20 })));
if (searchRows.length) report('search', searchRows);
if (process.argv.includes('--search-only')) process.exit(0);

const pages = Array.from({ length: 120 }, (_, k) => makeClip(SIZE + 1000 + k));
for (const p of pages.slice(0, 10)) runRelated(store, board, p);
const relatedRows: Row[] = [];
for (let k = 0; k < rounds; k++) {
  for (const p of pages) relatedRows.push(measure(p.title || '', p.lang || '', () => runRelated(store, board, { title: p.title, text: p.text }, { limit: 10 })));
}
report('related', relatedRows);
