import { describe, expect, it } from 'vitest';
import { clipDocument } from '../../../lib/clip/pipeline';
import { blockText } from '../../../lib/extract/text';
import { distribution, tokenF1 } from '../../../lib/extract/quality';
import { parseHtml } from '../../helpers/dom';
import { listFixturePages, loadFixturePage } from '../../helpers/fixtures';

const names = listFixturePages();

interface PageResult {
  name: string;
  readerable: boolean;
  f1: number;
  titleOk: boolean;
  expectedTitle: string | null;
  title: string;
}

function clipAll(): { results: PageResult[]; errors: string[] } {
  const errors: string[] = [];
  const results: PageResult[] = [];
  for (const name of names) {
    const page = loadFixturePage(name);
    try {
      results.push(clipOne(page));
    } catch (error) {
      errors.push(`${name}: ${(error as Error).stack}`);
    }
  }
  return { results, errors };
}

function clipOne(page: ReturnType<typeof loadFixturePage>): PageResult {
  const { document, window } = parseHtml(page.source, page.url);
  const draft = clipDocument(document, page.url, { window });
  const expectedText = blockText(parseHtml(page.expectedHtml, page.url).document.body);
  return {
    name: page.name,
    readerable: page.expected.readerable,
    f1: tokenF1(draft.text, expectedText),
    titleOk: draft.title === (page.expected.title ?? ''),
    expectedTitle: page.expected.title,
    title: draft.title,
  };
}

describe('fixture pages through clipDocument', () => {
  const { results, errors } = clipAll();
  const readerable = results.filter((r) => r.readerable);

  it('clips all 130 pages without an exception', () => {
    expect(names.length).toBe(130);
    expect(errors).toEqual([]);
    expect(results.length).toBe(names.length);
  });

  it('keeps the article text of readerable pages (token F1 ≥ 0.95 on average)', () => {
    const d = distribution(readerable.map((r) => r.f1));
    console.log(
      `F1 over ${d.count} readerable pages: min ${d.min.toFixed(3)} p10 ${d.p10.toFixed(3)} median ${d.median.toFixed(3)} mean ${d.mean.toFixed(4)}; below 0.9: ${d.below}`,
    );
    for (const r of readerable.filter((x) => x.f1 < 0.9)) console.log(`  low F1 ${r.f1.toFixed(3)} ${r.name}`);
    expect(readerable.length).toBeGreaterThan(100);
    expect(d.mean).toBeGreaterThanOrEqual(0.95);
  });

  it('matches the expected title on at least 95% of readerable pages', () => {
    const ok = readerable.filter((r) => r.titleOk).length;
    console.log(`titles: ${ok}/${readerable.length} equal to expected`);
    for (const r of readerable.filter((x) => !x.titleOk)) console.log(`  title ${r.name}: got ${JSON.stringify(r.title)} expected ${JSON.stringify(r.expectedTitle)}`);
    expect(ok / readerable.length).toBeGreaterThanOrEqual(0.95);
  });
});
