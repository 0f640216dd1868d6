import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { suggestCategories, suggestTags } from '../../../lib/categorize/suggest';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import { buildFilingHistory, emptyFilingHistory, recordFiling } from '../../../lib/categorize/history';
import type { CategorizeInput } from '../../../lib/categorize/types';

const fixtures = path.resolve(__dirname, '../../../../shared/fixtures');

function seedInput(): CategorizeInput {
  const doc = new JSDOM(readFileSync(path.join(fixtures, 'seed/learning-organization-zh.html'), 'utf8')).window.document;
  return { url: 'https://www.example.cn/news/1024.html', title: doc.title, siteName: null, text: doc.querySelector('article')!.textContent!, lang: 'zh' };
}

function fixtureInput(name: string): CategorizeInput {
  const doc = new JSDOM(readFileSync(path.join(fixtures, 'pages', name, 'expected.html'), 'utf8')).window.document;
  const meta = JSON.parse(readFileSync(path.join(fixtures, 'pages', name, 'expected-metadata.json'), 'utf8'));
  return { url: `https://${name}.example.com/post`, title: meta.title, siteName: meta.siteName ?? null, text: doc.body.textContent!, lang: meta.lang || 'en' };
}

const gibberish: CategorizeInput = {
  url: 'https://x.example/a',
  title: 'Qwzx vbnm plokij',
  siteName: null,
  text: 'Zorblat quixx fremmo dabble snerk. Vlorp gnash trimble woz. Kreel spanto miv. '.repeat(10),
  lang: 'en',
};

describe('suggestCategories', () => {
  it('files the Chinese knowledge-management article under Learning & Knowledge, on a leaf, confidently', () => {
    const [top, ...rest] = suggestCategories(seedInput(), STARTER_TAXONOMY);
    expect(['learning-km', 'learning-org']).toContain(top!.categoryId);
    expect(top!.score).toBeGreaterThanOrEqual(0.5);
    expect(top!.score).toBeLessThanOrEqual(1);
    expect(top!.why).toMatch(/知识管理|组织学习|学习型组织/);
    for (const r of rest) expect(r.score).toBeLessThanOrEqual(top!.score);
  });

  it('files an English JavaScript testing article under Technology/Software Development', () => {
    const [top] = suggestCategories(fixtureInput('001'), STARTER_TAXONOMY);
    expect(top!.categoryId).toBe('tech-software');
    expect(top!.why).toMatch(/javascript|code/);
  });

  it.each([
    ['nytimes-1', 'news-politics'],
    ['qq', 'tech-ai'],
    ['ars-1', 'tech-security'],
    ['gmw', 'science'],
  ])('puts %s under %s first', (name, expected) => {
    expect(suggestCategories(fixtureInput(name), STARTER_TAXONOMY)[0]?.categoryId).toBe(expected);
  });

  it('gives nothing for gibberish rather than a guess', () => {
    expect(suggestCategories(gibberish, STARTER_TAXONOMY)).toEqual([]);
  });

  it('respects the limit and returns scores in [0, 1], best first', () => {
    const s = suggestCategories(fixtureInput('wikipedia'), STARTER_TAXONOMY, undefined, 2);
    expect(s.length).toBeLessThanOrEqual(2);
    for (const x of s) expect(x.score).toBeGreaterThanOrEqual(0);
    expect(s[0]!.score).toBeGreaterThanOrEqual(s[s.length - 1]!.score);
    expect(suggestCategories(fixtureInput('001'), [], undefined)).toEqual([]);
  });

  it('lets the same site steer the suggestion once the user has filed there', () => {
    const page: CategorizeInput = {
      url: 'https://blog.acme.io/posts/quarterly-notes',
      title: 'Quarterly notes',
      siteName: 'Acme Blog',
      text: 'A few notes from our team this quarter about what we did and what comes next for the product.',
      lang: 'en',
    };
    const before = suggestCategories(page, STARTER_TAXONOMY);
    expect(before[0]?.categoryId).not.toBe('biz-strategy');
    const history = buildFilingHistory(
      ['Planning notes', 'Competitive landscape', 'Annual review'].map((title, i) => ({
        url: `https://blog.acme.io/posts/${i}`,
        siteName: 'Acme Blog',
        title,
        categoryId: 'biz-strategy',
      })),
    );
    const after = suggestCategories(page, STARTER_TAXONOMY, history);
    expect(after[0]?.categoryId).toBe('biz-strategy');
    expect(after[0]!.why).toContain('site seen 3×');
  });

  it('learns words per category from earlier filing', () => {
    const page: CategorizeInput = { url: 'https://other.example/x', title: 'Zettel sprint retro', siteName: null, text: 'Zettel sprint retro notes.', lang: 'en' };
    expect(suggestCategories(page, STARTER_TAXONOMY).find((s) => s.categoryId === 'culture-arts')).toBeUndefined();
    const history = emptyFilingHistory();
    for (let i = 0; i < 6; i++) {
      recordFiling(history, { url: `https://site${i}.example/p`, siteName: null, title: `Zettel retro ${i}`, text: 'zettel retro zettel retro', categoryId: 'culture-arts' });
    }
    const after = suggestCategories(page, STARTER_TAXONOMY, history);
    expect(after[0]?.categoryId).toBe('culture-arts');
    expect(after[0]!.why).toMatch(/like earlier clips: .*zettel/);
  });
});

describe('suggestTags', () => {
  it('prefers existing tags the page mentions, title first, then adds key terms', () => {
    const tags = suggestTags(fixtureInput('001'), ['Testing', 'JavaScript', 'cooking', 'mocha'], 5);
    expect(tags[0]).toBe('JavaScript'); // in the title
    expect(tags).toContain('mocha');
    expect(tags).not.toContain('cooking');
    expect(tags.length).toBeLessThanOrEqual(5);
    expect(tags.length).toBeGreaterThan(3);
  });

  it('matches existing Chinese tags by substring and suggests Chinese key terms', () => {
    const tags = suggestTags(seedInput(), ['知识管理', '烹饪'], 4);
    expect(tags[0]).toBe('知识管理');
    expect(tags).not.toContain('烹饪');
    expect(tags.slice(1).some((t) => /组织学习|学习型组织/.test(t))).toBe(true);
    expect(tags).not.toContain('知识'); // covered by 知识管理
  });

  it('matches English tags as whole words only', () => {
    const input: CategorizeInput = { url: 'https://a.example', title: 'Scaling', siteName: null, text: 'Javascript mocking and caching.', lang: 'en' };
    expect(suggestTags(input, ['java', 'mock', 'cache', 'scaling'], 5).filter((t) => ['java', 'mock', 'cache', 'scaling'].includes(t))).toEqual(['scaling']);
  });

  it('returns nothing with limit 0', () => {
    expect(suggestTags(seedInput(), ['知识管理'], 0)).toEqual([]);
  });
});
