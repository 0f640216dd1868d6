/** Labeled near-duplicate cases made from the fixture pages, and the scoring the dedupe bench and test share. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDuplicateIndex, type DuplicateOptions } from '../../lib/dedupe/index';
import { shingleHashes } from '../../lib/dedupe/shingles';
import { FIXTURES, htmlToTextFast, REPO_ROOT, type FixturePage } from './fixture-corpus';

const groupsFile = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/data/duplicate-groups.json'), 'utf8')) as {
  groups: Record<string, string[]>;
  ambiguous: Record<string, string>;
};

/** How a query copy differs from the stored article. */
export type Variant = 'chrome' | 'head80' | 'tail80' | 'tracking-url' | 'edited' | 'markup';
export const VARIANTS: Variant[] = ['chrome', 'head80', 'tail80', 'tracking-url', 'edited', 'markup'];

/** Group name of every page in a declared near-duplicate group. */
export const GROUP_OF = new Map<string, string>(Object.entries(groupsFile.groups).flatMap(([g, ids]) => ids.map((id) => [id, g] as [string, string])));
/** Pages left out of scoring (they share only part of a group's text). */
export const AMBIGUOUS = new Set(Object.keys(groupsFile.ambiguous));

/** True when two fixture pages are the same article (the same id, or one declared group). */
export function sameArticle(a: string, b: string): boolean {
  return a === b || (GROUP_OF.has(a) && GROUP_OF.get(a) === GROUP_OF.get(b));
}

const SENTENCE = /(?<=[.!?。！？；])\s*/u;

/** The text of `text` from `from` to `to` (fractions), cut at whitespace where there is some. */
function slice(text: string, from: number, to: number): string {
  let a = Math.floor(text.length * from);
  let b = Math.floor(text.length * to);
  if (from > 0) {
    const next = text.indexOf(' ', a);
    if (next >= 0 && next - a < 40) a = next + 1;
  }
  if (to < 1) {
    const prev = text.lastIndexOf(' ', b);
    if (prev >= 0 && b - prev < 40) b = prev;
  }
  return text.slice(a, b);
}

/** The article with one sentence (near the middle) removed and one new sentence added near the end. */
function edit(text: string, lang: string): string {
  const sentences = text.split(SENTENCE).filter(Boolean);
  const added = lang === 'zh' ? '编者注：本文发表后，作者又补充了一些说明。' : 'Editor’s note: this article was updated after publication with a correction.';
  if (sentences.length < 3) return `${text} ${added}`;
  const mid = Math.floor(sentences.length / 2);
  sentences.splice(mid, 1);
  sentences.splice(Math.max(1, sentences.length - 1), 0, added);
  return sentences.join(' ');
}

/** A query copy of a page's article. */
export function variantOf(page: FixturePage, variant: Variant): { url: string; text: string } {
  const mirror = page.url.replace('/article', `/copy-${variant}`).replace('/learning-organization', `/copy-${variant}`);
  switch (variant) {
    case 'chrome':
      return { url: mirror, text: page.pageText };
    case 'head80':
      return { url: mirror, text: slice(page.text, 0, 0.8) };
    case 'tail80':
      return { url: mirror, text: slice(page.text, 0.2, 1) };
    case 'tracking-url':
      // Same page through a tracked link: a different text extraction (whole page) and a noisy URL.
      return { url: `${page.url}?utm_source=newsletter&utm_medium=email&utm_campaign=weekly&fbclid=IwAR0abc#comments`, text: page.pageText };
    case 'edited':
      return { url: mirror, text: edit(page.text, page.lang) };
    case 'markup': {
      const file = path.join(FIXTURES, 'pages', page.id, 'expected.html');
      const html = page.id === 'seed' ? `<div>${page.text.replace(/\n/g, '</p>\n\n<p>  ')}</div>` : readFileSync(file, 'utf8');
      // Tags stripped by regular expressions instead of a DOM, so spacing, line breaks and entities all differ.
      return { url: mirror, text: htmlToTextFast(html.replace(/></g, '>\n \t<')) };
    }
  }
}

/** Pair counts and the two rates. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** Scores of one evaluation, overall and per variant, plus the pairs it got wrong. */
export interface DedupeEvaluation {
  overall: Score;
  /** Per query: did the copy find its own article (recall), and did it return nothing else but its group. */
  queries: { total: number; foundOwn: number; clean: number };
  byVariant: Record<string, Score>;
  /** Same-site and all-pairs negatives between whole pages (chrome shared): false positives only. */
  pagePairs: Score;
  mistakes: string[];
}

/**
 * Score the duplicate index on the fixtures. (1) Index every scored page's article; query each page's
 * variants; a returned page is a true positive when it is the same article (itself or its declared group),
 * else a false positive; a same article not returned is a false negative. (2) Index every page's whole
 * text (site chrome included) and query each with its own id: other pages that come back must be in its group.
 */
export function evaluateDedupe(pages: FixturePage[], options: DuplicateOptions = {}): DedupeEvaluation {
  const scored = pages.filter((p) => !AMBIGUOUS.has(p.id));
  const minShingles = options.minShingles ?? 8;
  const articleIndex = createDuplicateIndex(options);
  for (const p of scored) articleIndex.add({ id: p.id, url: p.url, text: p.text });
  const counts: Record<string, [number, number, number]> = {};
  const mistakes: string[] = [];
  const queries = { total: 0, foundOwn: 0, clean: 0 };
  for (const p of scored) {
    const textual = shingleHashes(p.text).length >= minShingles;
    for (const v of VARIANTS) {
      // A page too short to compare by text can only be found by its URL.
      if (!textual && v !== 'tracking-url') continue;
      const q = variantOf(p, v);
      const found = new Set(articleIndex.findDuplicates(q).map((m) => m.id));
      const expected = scored.filter((o) => sameArticle(p.id, o.id) && (o.id === p.id || shingleHashes(o.text).length >= minShingles));
      const c = (counts[v] ??= [0, 0, 0]);
      queries.total++;
      if (found.has(p.id)) queries.foundOwn++;
      if ([...found].every((id) => sameArticle(p.id, id))) queries.clean++;
      for (const o of expected) {
        if (found.has(o.id)) c[0]++;
        else {
          c[2]++;
          mistakes.push(`missed ${v} of ${p.id} → ${o.id}`);
        }
      }
      for (const id of found) if (!sameArticle(p.id, id)) {
        c[1]++;
        mistakes.push(`false ${v} of ${p.id} → ${id}`);
      }
    }
  }
  const pageIndex = createDuplicateIndex(options);
  for (const p of scored) pageIndex.add({ id: p.id, url: p.url, text: p.pageText });
  let ptp = 0;
  let pfp = 0;
  let pfn = 0;
  for (const p of scored) {
    const found = new Set(pageIndex.findDuplicates({ id: p.id, url: p.url, text: p.pageText }).map((m) => m.id));
    for (const id of found) if (sameArticle(p.id, id)) ptp++;
    else {
      pfp++;
      mistakes.push(`false page-pair ${p.id} → ${id}`);
    }
    for (const o of scored) if (o.id !== p.id && sameArticle(p.id, o.id) && !found.has(o.id)) pfn++;
  }
  const byVariant: Record<string, Score> = {};
  let [tp, fp, fn] = [0, 0, 0];
  for (const [v, [a, b, c]] of Object.entries(counts)) {
    byVariant[v] = score(a, b, c);
    tp += a;
    fp += b;
    fn += c;
  }
  return { overall: score(tp, fp, fn), queries, byVariant, pagePairs: score(ptp, pfp, pfn), mistakes };
}
