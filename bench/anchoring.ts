/**
 * Highlight anchoring: re-attach and orphan rates on altered fixture pages (per alteration kind), then
 * timings: describe and anchor per highlight, anchorAll for 50 highlights on the largest fixture page
 * (unchanged, altered, and all orphans — the worst case, every quote searched approximately).
 * Run: npm run bench:anchoring [-- --pages N]  (first N fixture pages for the quality part; 0 = timings only)
 */
import { performance } from 'node:perf_hooks';
import { parseHtml } from '../test/helpers/dom';
import { listFixturePages, loadFixturePage } from '../test/helpers/fixtures';
import { evaluate, generateCases, INSIDE_KIND, KEEP_KINDS, ORPHAN_KINDS, summarize } from '../test/unit/highlight/anchoring-harness';
import { seededRandom } from '../test/helpers/seeded-random';
import { buildTextIndex, rangeFromOffsets } from '../lib/highlight/text-index';
import { describeRange, describeOffsets } from '../lib/highlight/describe';
import { anchor, anchorAll, findBest } from '../lib/highlight/anchor';
import type { HighlightAnchor } from '../lib/highlight/types';

const pagesArg = process.argv.indexOf('--pages');
const MAX_PAGES = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : Infinity;
const pct = (x: number) => (100 * x).toFixed(1) + '%';
const ms = (x: number) => x.toFixed(2) + ' ms';

// ——— quality ———
const t0 = performance.now();
const cases = MAX_PAGES === 0 ? [] : generateCases(20240601, 5, listFixturePages().slice(0, MAX_PAGES));
const outcomes = evaluate(cases);
const byKind = summarize(outcomes);
const highlights = cases.reduce((n, c) => n + c.highlights.length, 0);
if (!cases.length) console.log('quality: skipped (--pages 0)');
console.log(`quality: ${cases.length} pages, ${highlights} highlights, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log('alteration          cases  correct  attached  rate');
for (const f of Object.values(byKind))
  console.log(`${f.kind.padEnd(18)} ${String(f.total).padStart(6)} ${String(f.correct).padStart(8)} ${String(f.attached).padStart(9)}  ${pct(f.rate).padStart(6)}`);
const keep = outcomes.filter((o) => (KEEP_KINDS as readonly string[]).includes(o.kind));
const orphan = outcomes.filter((o) => (ORPHAN_KINDS as readonly string[]).includes(o.kind));
const reattach = keep.filter((o) => o.correct).length / keep.length;
const wrongPlace = keep.filter((o) => o.attached && !o.correct).length / keep.length;
const orphanRate = orphan.filter((o) => o.correct).length / orphan.length;
const falseAttach = orphan.filter((o) => o.attached);
console.log(`re-attach (kinds a–d): ${pct(reattach)}; attached at a wrong place: ${pct(wrongPlace)}`);
console.log(`orphaning (text deleted/rewritten): ${pct(orphanRate)} correct; false attaches ${falseAttach.length}/${orphan.length} (${falseAttach.filter((o) => o.quoteStillOnPage).length} where the exact quote still occurs elsewhere on the page)`);
const inside = byKind[INSIDE_KIND];
if (inside) console.log(`small edit inside the quote (approximate match): ${pct(inside.rate)} re-attached correctly`);

// ——— timings on the largest fixture page ———
let largest = { name: '', source: '', chars: 0 };
for (const name of listFixturePages()) {
  const source = loadFixturePage(name).source;
  if (source.length < largest.source.length / 3) continue;
  const doc = parseHtml(source).document;
  const chars = buildTextIndex(doc.body).text.length;
  (doc.defaultView as unknown as { close(): void }).close();
  if (chars > largest.chars) largest = { name, source, chars };
}
const doc = parseHtml(largest.source).document;
const root = doc.body;
const index = buildTextIndex(root);
const rand = seededRandom(99);
const anchors: HighlightAnchor[] = [];
for (let i = 0; i < 50; i++) {
  const len = 20 + Math.floor(rand() * 200);
  const at = Math.floor(rand() * (index.text.length - len));
  anchors.push(describeOffsets(index, at, at + len)!);
}
const time = (fn: () => void, reps: number) => {
  fn();
  const t = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t) / reps;
};
let k = 0;
const tIndex = time(() => buildTextIndex(root), 5);
const tDescribe = time(() => describeRange(root, rangeFromOffsets(index, anchors[k % 50].position.start, anchors[k++ % 50].position.end)), 20);
const tAnchor = time(() => anchor(root, anchors[k++ % 50]), 20);
const tAll = time(() => anchorAll(root, anchors), 5);
// The matching alone (string search and scoring on the index), without jsdom's Range bookkeeping.
const tMatch = time(() => anchors.forEach((a) => findBest(index.text, a)), 5);
// Worst case: every quote gone, so each one runs the full approximate search before giving up.
const orphans = anchors.map((a) => ({ ...a, quote: { ...a.quote, exact: [...a.quote.exact].reverse().join('') } }));
let orphaned = 0;
const tAllOrphans = time(() => (orphaned = anchorAll(root, orphans).filter((m) => !m).length), 3);
// Altered page: a paragraph inserted at the top and every <p> turned into a <div>.
const intro = doc.createElement('p');
intro.textContent = 'A new introduction paragraph inserted at the top of the page. '.repeat(5);
root.insertBefore(intro, root.firstChild);
for (const p of Array.from(root.querySelectorAll('p'))) {
  const d = doc.createElement('div');
  while (p.firstChild) d.appendChild(p.firstChild);
  p.replaceWith(d);
}
let reattached = 0;
const tAllAltered = time(() => (reattached = anchorAll(root, anchors).filter((m) => m?.exact).length), 5);

console.log(`\ntimings on ${largest.name} (${largest.chars} characters of text):`);
console.log(`  text index build         ${ms(tIndex)}`);
console.log(`  describeRange (1)        ${ms(tDescribe)}  (includes the index build)`);
console.log(`  anchor (1)               ${ms(tAnchor)}  (includes the index build)`);
console.log(`  anchorAll (50)           ${ms(tAll)}  = ${ms(tAll / 50)} per highlight`);
console.log(`  matching only (50)       ${ms(tMatch)}  (findBest on the index: search + scoring, no DOM)`);
console.log(`  anchorAll (50, altered)  ${ms(tAllAltered)}  (${reattached}/50 re-attached exactly)`);
console.log(`  anchorAll (50, orphans)  ${ms(tAllOrphans)}  (${orphaned}/50 orphaned; every quote searched approximately)`);

console.log(
  JSON.stringify({
    bench: 'anchoring',
    pages: cases.length,
    highlights,
    reattachRate: +reattach.toFixed(4),
    wrongPlaceRate: +wrongPlace.toFixed(4),
    orphanCorrectRate: +orphanRate.toFixed(4),
    falseAttachRate: +(falseAttach.length / orphan.length).toFixed(4),
    byKind: Object.fromEntries(Object.values(byKind).map((f) => [f.kind, { total: f.total, rate: +f.rate.toFixed(4) }])),
    largestPage: { name: largest.name, chars: largest.chars },
    ms: {
      indexBuild: +tIndex.toFixed(2),
      describe: +tDescribe.toFixed(2),
      anchor: +tAnchor.toFixed(2),
      anchorAll50: +tAll.toFixed(2),
      match50: +tMatch.toFixed(2),
      anchorAll50Altered: +tAllAltered.toFixed(2),
      anchorAll50Orphans: +tAllOrphans.toFixed(2),
    },
  }),
);
