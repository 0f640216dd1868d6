/**
 * Figures for the text helpers: summary, category and tag suggestion, language, word count and URL
 * normalization on the fixture pages. Prints median and p95 CPU milliseconds per call (process CPU
 * time, so a busy shared machine inflates figures less than wall time would).
 * Run: npx tsx bench/text-summary.ts
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { summarize } from '../lib/summarize/index';
import { suggestCategories, suggestTags } from '../lib/categorize/suggest';
import { STARTER_TAXONOMY } from '../lib/categorize/taxonomy';
import { buildFilingHistory } from '../lib/categorize/history';
import { detectLanguage } from '../lib/text/language';
import { countWords } from '../lib/text/count';
import { normalizeUrl } from '../lib/url/canonical';
import type { CategorizeInput } from '../lib/categorize/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.resolve(root, '../shared/fixtures');

const inputs: CategorizeInput[] = [];
const seed = new JSDOM(readFileSync(path.join(fixtures, 'seed/learning-organization-zh.html'), 'utf8')).window.document;
inputs.push({ url: 'https://example.cn/a', title: seed.title, siteName: null, text: seed.querySelector('article')!.textContent!, lang: 'zh' });
for (const name of readdirSync(path.join(fixtures, 'pages'))) {
  const file = path.join(fixtures, 'pages', name, 'expected.html');
  if (!existsSync(file)) continue;
  const doc = new JSDOM(readFileSync(file, 'utf8')).window.document;
  const meta = JSON.parse(readFileSync(path.join(fixtures, 'pages', name, 'expected-metadata.json'), 'utf8'));
  const text = [...doc.querySelectorAll('p, h1, h2, h3, h4, li, pre, blockquote')].map((e) => e.textContent).join('\n');
  inputs.push({ url: `https://${name}.example.com/p?utm_source=x#top`, title: meta.title || '', siteName: meta.siteName ?? null, text, lang: meta.lang || 'und' });
}

const cpuMs = () => process.cpuUsage().user / 1000;
function measure(label: string, run: (i: CategorizeInput) => unknown): void {
  for (const i of inputs) run(i); // warm up
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const i of inputs) {
      const t0 = cpuMs();
      run(i);
      times.push(cpuMs() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(`${label.padEnd(28)} median ${q(0.5)} ms   p95 ${q(0.95)} ms   max ${q(1)} ms`);
}

const history = buildFilingHistory(inputs.slice(0, 60).map((i, n) => ({ ...i, categoryId: STARTER_TAXONOMY[n % STARTER_TAXONOMY.length]!.id })));
const chars = inputs.map((i) => i.text.length).sort((a, b) => a - b);
console.log(`${inputs.length} texts, median ${chars[chars.length >> 1]} chars, max ${chars[chars.length - 1]} chars`);
measure('summarize', (i) => summarize(i.text, i.lang));
measure('suggestCategories', (i) => suggestCategories(i, STARTER_TAXONOMY));
measure('suggestCategories+history', (i) => suggestCategories(i, STARTER_TAXONOMY, history));
measure('suggestTags', (i) => suggestTags(i, ['javascript', '知识管理', 'science']));
measure('detectLanguage', (i) => detectLanguage(i.text, i.lang));
measure('countWords', (i) => countWords(i.text));
measure('normalizeUrl', (i) => normalizeUrl(i.url));
const t0 = cpuMs();
buildFilingHistory(inputs.map((i) => ({ ...i, categoryId: 'tech' })));
console.log(`buildFilingHistory (${inputs.length} clips)    ${(cpuMs() - t0).toFixed(1)} ms`);
