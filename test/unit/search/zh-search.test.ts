/**
 * Chinese (and mixed, and English) instant-search queries against a library of every readerable
 * fixture page plus the Chinese seed article, each query with the clip(s) a person would expect.
 * Reports precision@1 and recall@5 for the full-text index (asserted) and the default summary-level
 * index (printed).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createSearchIndex, type SearchIndex, type SearchableClip } from '../../../lib/search/index';
import { summarize } from '../../../lib/summarize/index';
import { loadSeedPage } from '../../helpers/fixtures';
import { fixtureArticles, htmlToText } from './corpus';

function seedClip(): SearchableClip {
  const html = loadSeedPage();
  const { document } = new JSDOM(html).window;
  const article = document.querySelector('article')!;
  const text = htmlToText(article.innerHTML);
  return {
    id: 'seed-learning-org',
    url: 'https://example.cn/news/learning-organization',
    title: document.querySelector('meta[property="og:title"]')!.getAttribute('content'),
    siteName: '行业资讯',
    lang: 'zh',
    tags: ['知识管理', 'KM'],
    text,
    summary: summarize(text, 'zh'),
    createdAt: '2024-08-05T10:49:36Z',
  };
}

const englishKm: SearchableClip = {
  id: 'km-en',
  url: 'https://blog.example.com/km-small-teams',
  title: 'Knowledge management for small teams',
  siteName: 'Example Blog',
  lang: 'en',
  text: 'Small teams lose what they learn when people leave. A shared library of clipped pages keeps it.',
  summary: { abstract: 'Small teams lose what they learn when people leave; a shared library of clips keeps it.', keyPoints: [] },
};

function library(): SearchableClip[] {
  const clips: SearchableClip[] = fixtureArticles().map((a) => ({
    id: a.name,
    url: `https://fixtures.test/${a.name}`,
    title: a.title,
    siteName: a.siteName,
    lang: a.lang,
    text: a.text,
    summary: summarize(a.text, a.lang),
  }));
  return [...clips, seedClip(), englishKm];
}

const byTitle = (part: string) => fixtureArticles().find((a) => a.title.includes(part))!.name;

/** [query, expected clip ids, what it exercises] */
const QUERIES: Array<[string, string[], string]> = [
  ['组织学习', ['seed-learning-org'], 'two-word Chinese query inside 组织学习的深度融合'],
  ['知识管理', ['seed-learning-org'], 'Chinese word'],
  ['深度融合', ['seed-learning-org'], 'Chinese title word'],
  ['学习型', ['seed-learning-org'], 'substring of the longer word 学习型组织'],
  ['型组织', ['seed-learning-org'], 'a query across a word boundary inside 学习型组织'],
  ['宇航员', ['gmw'], 'three-character word'],
  ['酒', ['gmw'], 'one-character query'],
  ['楓', ['pixnet'], 'one-character query, traditional Chinese'],
  ['尖石 營地', ['pixnet'], 'two words with a space, traditional'],
  ['留学生', ['youth'], 'word in a title'],
  ['两会', ['youth'], 'two-character word'],
  ['ＡＬＰＨＡＧＯ', ['qq'], 'full-width Latin folds to half-width'],
  ['DEEPMIND', ['qq'], 'case folding'],
  ['deepmind 记忆', ['qq'], 'mixed English + Chinese'],
  ['AlphaGo 围棋', ['qq'], 'mixed, Latin word inside Chinese text'],
  ['人工智能', ['qq'], 'Chinese word'],
  ['Ｗｉ－Ｆｉ', [byTitle('Wi-Fi')], 'full-width Wi-Fi (Japanese page)'],
  ['イソップ', [byTitle('イソップ')], 'katakana'],
  ['knowl', ['km-en'], 'English prefix as you type'],
  ['knowledge managem', ['km-en'], 'English words, last one a prefix'],
  ['verilog', [byTitle('Verilog')], 'English word'],
  ['async task framework', [byTitle('Dropbox')], 'three English words'],
];

function measure(index: SearchIndex) {
  let p1 = 0;
  let r5 = 0;
  const misses: string[] = [];
  for (const [q, expected] of QUERIES) {
    const ids = index.search(q, { limit: 5 }).map((h) => h.id);
    if (expected.includes(ids[0]!)) p1++;
    else misses.push(`${q} → ${ids.slice(0, 3).join(',') || '(none)'}`);
    r5 += expected.filter((e) => ids.includes(e)).length / expected.length;
  }
  return { p1: p1 / QUERIES.length, r5: r5 / QUERIES.length, misses };
}

describe('Chinese, mixed and English search', () => {
  const clips = library();
  const full = createSearchIndex({ fullText: true });
  const summaryLevel = createSearchIndex();
  for (const c of clips) {
    full.add(c);
    summaryLevel.add(c);
  }

  it('has at least 15 queries, each with an expected clip that exists', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(15);
    const ids = new Set(clips.map((c) => c.id));
    for (const [, expected] of QUERIES) for (const e of expected) expect(ids.has(e)).toBe(true);
  });

  it('reaches precision@1 ≥ 0.9 and recall@5 = 1 with full text indexed', () => {
    const f = measure(full);
    const s = measure(summaryLevel);
    console.log(`[zh-search] ${QUERIES.length} queries over ${clips.length} clips`);
    console.log(`  full text:     precision@1 ${f.p1.toFixed(3)}  recall@5 ${f.r5.toFixed(3)}  misses: ${f.misses.join(' | ') || 'none'}`);
    console.log(`  summary-level: precision@1 ${s.p1.toFixed(3)}  recall@5 ${s.r5.toFixed(3)}  misses: ${s.misses.join(' | ') || 'none'}`);
    expect(f.p1).toBeGreaterThanOrEqual(0.9);
    expect(f.r5).toBe(1);
  });

  it('finds 组织学习 in the seed page and marks it in the snippet or title', () => {
    const [hit] = full.search('组织学习');
    expect(hit!.id).toBe('seed-learning-org');
    const marked = [hit!.title, hit!.snippet].flatMap((h) => h.highlights.map(([a, b]) => h.text.slice(a, b)));
    expect(marked).toContain('组织学习');
  });

  it('marks a full-width query in the original (half-width) text', () => {
    const [hit] = full.search('ＤＥＥＰＭＩＮＤ');
    expect(hit!.id).toBe('qq');
    const [a, b] = hit!.title.highlights[0]!;
    expect(hit!.title.text.slice(a, b)).toBe('DeepMind');
  });

  it('does not match a Chinese query whose characters are only scattered in a clip', () => {
    // Every character of 织组 occurs in the seed page, but never in this order.
    expect(full.search('织组').map((h) => h.id)).not.toContain('seed-learning-org');
  });

  it('narrows one-character queries with filters', () => {
    const all = full.search('学', { limit: 50 });
    const zhOnly = full.search('学', { limit: 50, filters: { lang: 'zh' } });
    expect(all.length).toBeGreaterThan(zhOnly.length);
    expect(zhOnly.length).toBeGreaterThan(0);
    const langs = new Map(clips.map((c) => [c.id, c.lang]));
    for (const h of zhOnly) expect(langs.get(h.id)).toBe('zh');
  });
});
