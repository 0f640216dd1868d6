/**
 * Clip benchmark: the whole capture pipeline (clipDocument + category suggestion) against plain Readability
 * on the 130 fixture pages, interleaved in one run, plus extraction quality (token F1, titles) and the
 * pathological pages. Run: npm run bench:clip  (BENCH_ROUNDS=n for more measured rounds).
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { clipDocument } from '../lib/clip/pipeline';
import type { ClipDraft } from '../lib/clip/types';
import { suggestCategories } from '../lib/categorize/suggest';
import { STARTER_TAXONOMY } from '../lib/categorize/taxonomy';
import { blockText } from '../lib/extract/text';
import { distribution, tokenF1 } from '../lib/extract/quality';
import { buildDeepPage, buildHugeTextPage, parseHtml, type ParsedPage } from '../test/helpers/dom';
import { listFixturePages, loadFixturePage, type FixturePage } from '../test/helpers/fixtures';

const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Loaded {
  fixture: FixturePage;
  page: ParsedPage;
  expectedText: string;
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function runPipeline(l: Loaded): ClipDraft {
  const draft = clipDocument(l.page.document, l.fixture.url, { window: l.page.window });
  suggestCategories({ url: draft.url, title: draft.title, siteName: draft.siteName, text: draft.text, lang: draft.lang }, STARTER_TAXONOMY);
  return draft;
}

function runReadability(l: Loaded): void {
  new Readability(l.page.document.cloneNode(true) as Document).parse();
}

function main(): void {
  let t = performance.now();
  const loaded: Loaded[] = listFixturePages().map((name) => {
    const fixture = loadFixturePage(name);
    return { fixture, page: parseHtml(fixture.source, fixture.url), expectedText: blockText(parseHtml(fixture.expectedHtml, fixture.url).document.body) };
  });
  console.log(`parsed ${loaded.length} fixture pages with jsdom in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

  const pipelineMs: number[] = [];
  const readabilityMs: number[] = [];
  const perPageRatio: number[] = [];
  const drafts = new Map<string, ClipDraft>();
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const measured = round >= WARMUP_ROUNDS;
    loaded.forEach((l, i) => {
      // Alternate which runs first so neither side always gets the warmer cache.
      const order = (i + round) % 2 === 0 ? ['pipeline', 'readability'] : ['readability', 'pipeline'];
      let p = 0;
      let r = 0;
      for (const which of order) {
        const start = performance.now();
        if (which === 'pipeline') drafts.set(l.fixture.name, runPipeline(l));
        else runReadability(l);
        const ms = performance.now() - start;
        if (which === 'pipeline') p = ms;
        else r = ms;
      }
      if (measured) {
        pipelineMs.push(p);
        readabilityMs.push(r);
        perPageRatio.push(p / r);
      }
    });
  }

  const fmt = (v: number) => v.toFixed(2).padStart(8);
  console.log(`\n${ROUNDS} measured rounds × ${loaded.length} pages (after ${WARMUP_ROUNDS} warm-up), ms per page:`);
  console.log(`                      median      p95     mean`);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  console.log(`pipeline + category ${fmt(percentile(pipelineMs, 0.5))} ${fmt(percentile(pipelineMs, 0.95))} ${fmt(mean(pipelineMs))}`);
  console.log(`plain Readability   ${fmt(percentile(readabilityMs, 0.5))} ${fmt(percentile(readabilityMs, 0.95))} ${fmt(mean(readabilityMs))}`);
  console.log(`ratio of medians: ${(percentile(pipelineMs, 0.5) / percentile(readabilityMs, 0.5)).toFixed(2)}× (target ≤ 1.5×); median per-page ratio ${percentile(perPageRatio, 0.5).toFixed(2)}×`);

  const readerable = loaded.filter((l) => l.fixture.expected.readerable);
  const f1 = distribution(readerable.map((l) => tokenF1(drafts.get(l.fixture.name)!.text, l.expectedText)));
  const titles = readerable.filter((l) => drafts.get(l.fixture.name)!.title === l.fixture.expected.title).length;
  console.log(`\nquality over ${f1.count} readerable pages: token F1 min ${f1.min.toFixed(3)} p10 ${f1.p10.toFixed(3)} median ${f1.median.toFixed(3)} mean ${f1.mean.toFixed(4)}, below 0.9: ${f1.below}`);
  console.log(`titles equal to expected: ${titles}/${readerable.length} (${((100 * titles) / readerable.length).toFixed(1)}%)`);
  const htmlLeft = [...drafts.values()].filter((d) => /(?<!\\)<\/?(?:div|span|p|table|tr|td|a|img|br|script|style)\b/i.test(d.markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, ''))).length;
  console.log(`pages whose Markdown (outside code blocks) holds an HTML tag: ${htmlLeft}/${drafts.size}`);
  console.log(`fallbacks on fixture pages: ${[...drafts.entries()].filter(([, d]) => d.fallback).map(([n, d]) => `${n} (${d.fallback})`).join('; ') || 'none'}`);

  for (const [label, build] of [
    ['200,000 elements nested 1,000 deep', () => buildDeepPage(200_000, 1_000)],
    ['20 MB of text', () => buildHugeTextPage(20_000_000)],
  ] as const) {
    const page = build();
    t = performance.now();
    const draft = clipDocument(page.document, page.url, { window: page.window });
    console.log(`pathological page, ${label}: ${(performance.now() - t).toFixed(0)} ms, fallback: ${draft.fallback}`);
  }
}

main();
