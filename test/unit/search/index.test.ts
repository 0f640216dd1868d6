/** The index stays current (add, update, remove, tombstones), filters narrow results, snapshots round-trip. */
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchableClip } from '../../../lib/search/index';

const clip = (over: Partial<SearchableClip> & { id: string }): SearchableClip => ({
  url: `https://example.com/${over.id}`,
  title: '',
  tags: [],
  summary: { abstract: '', keyPoints: [] },
  createdAt: '2024-01-01T00:00:00Z',
  ...over,
});

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

function sample() {
  const index = createSearchIndex({ fullText: true });
  index.add(clip({ id: 'a', title: 'Rust ownership explained', siteName: 'Rust Blog', url: 'https://blog.rust-lang.org/own', categoryId: 'dev', tags: ['rust', 'memory'], summary: { abstract: 'Borrowing and lifetimes without tears.', keyPoints: [] }, createdAt: '2024-01-10T00:00:00Z', lang: 'en' }));
  index.add(clip({ id: 'b', title: '知识管理体系建设', siteName: '行业资讯', categoryId: 'km', tags: ['知识管理'], summary: { abstract: '企业如何建立知识库与知识地图。', keyPoints: ['知识地图帮助员工找到信息'] }, createdAt: '2024-03-01T00:00:00Z', lang: 'zh' }));
  index.add(clip({ id: 'c', title: 'Memory safety in C++', siteName: 'Dev Weekly', url: 'https://devweekly.io/c', categoryId: 'dev', tags: ['memory'], text: 'Ownership rules, smart pointers and lifetimes.', createdAt: '2024-05-01T00:00:00Z', lang: 'en' }));
  return index;
}

describe('search index lifecycle', () => {
  it('finds added clips and counts them', () => {
    const index = sample();
    expect(index.size).toBe(3);
    expect(ids(index.search('ownership'))).toEqual(['a', 'c']); // title beats full text
    expect(ids(index.search('知识地图'))).toEqual(['b']);
  });

  it('update: old terms stop matching, new ones match', () => {
    const index = sample();
    index.update(clip({ id: 'a', title: 'Go generics in practice', summary: { abstract: 'Type parameters.', keyPoints: [] } }));
    expect(ids(index.search('ownership'))).toEqual(['c']);
    expect(ids(index.search('generics'))).toEqual(['a']);
    expect(index.size).toBe(3);
  });

  it('remove and tombstones take clips out', () => {
    const index = sample();
    expect(index.remove('c')).toBe(true);
    expect(index.remove('c')).toBe(false);
    expect(ids(index.search('memory'))).toEqual(['a']);
    index.add(clip({ id: 'b', title: '知识管理体系建设', deletedAt: '2024-06-01T00:00:00Z' }));
    expect(index.search('知识')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('filters by category, tags, site, date range and language', () => {
    const index = sample();
    expect(ids(index.search('memory', { filters: { categoryId: 'dev' } })).sort()).toEqual(['a', 'c']);
    expect(ids(index.search('lifetimes', { filters: { tags: ['rust'] } }))).toEqual(['a']);
    expect(ids(index.search('memory', { filters: { site: 'devweekly.io' } }))).toEqual(['c']);
    expect(ids(index.search('memory', { filters: { site: 'rust-lang.org' } }))).toEqual(['a']);
    expect(ids(index.search('memory', { filters: { from: '2024-04-01', to: '2024-12-31' } }))).toEqual(['c']);
    expect(ids(index.search('', { filters: { lang: 'zh' } }))).toEqual(['b']);
    expect(ids(index.search('', { filters: { categoryId: 'dev' } }))).toEqual(['c', 'a']); // newest first
  });

  it('marks matches as ranges, never HTML', () => {
    const index = sample();
    const [hit] = index.search('borrow');
    expect(hit!.id).toBe('a');
    const { text, highlights } = hit!.snippet;
    expect(highlights.map(([s, e]) => text.slice(s, e))).toEqual(['Borrowing']);
    expect(text).not.toContain('<');
  });

  it('snapshot export → JSON → import gives identical results', () => {
    const index = sample();
    const copy = createSearchIndex();
    copy.importSnapshot(JSON.parse(JSON.stringify(index.exportSnapshot())));
    expect(copy.size).toBe(index.size);
    for (const q of ['ownership', '知识', '知', 'mem', 'lifetimes', 'rust 知识']) expect(copy.search(q)).toEqual(index.search(q));
    const page = { text: 'Smart pointers, ownership and lifetimes keep memory safe.' };
    expect(copy.related(page)).toEqual(index.related(page));
    // The copy keeps working after import.
    copy.add(clip({ id: 'd', title: 'Ownership in Swift' }));
    expect(ids(copy.search('swift'))).toEqual(['d']);
  });

  it('related: same site and category are boosted and explained; excludeUrl drops the page itself', () => {
    const index = sample();
    const page = { url: 'https://devweekly.io/other', text: 'Memory, ownership and lifetimes.', categoryId: 'dev' };
    const hits = index.related(page);
    expect(hits[0]!.id).toBe('c');
    expect(hits[0]!.why.sameSite).toBe(true);
    expect(hits[0]!.why.sameCategory).toBe(true);
    expect(hits[0]!.why.text).toContain('same site');
    expect(ids(index.related(page, { excludeUrl: 'https://devweekly.io/c' }))).not.toContain('c');
  });
});
