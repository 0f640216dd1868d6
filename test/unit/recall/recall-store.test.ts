import { describe, expect, it } from 'vitest';
import type { Clip } from '@/lib/clip/types';
import type { ClipSource } from '@/lib/recall/clip-source';
import { catchUp, loadLibraryIndex } from '@/lib/recall/library-index';
import { NoAccessError } from '@/lib/recall/page-access';
import type { PageInfo } from '@/lib/recall/page-text';
import { createMemorySnapshotCache } from '@/lib/recall/snapshot-cache';
import { createRecallStore, RELATED_CACHE_SIZE, type RecallDeps } from '@/lib/store/recall';
import { makeClip } from '../db/make-clip';

function memorySource(clips: Clip[]): ClipSource & { clips: Clip[] } {
  const src = {
    clips,
    async stamp() { return { count: src.clips.length, lastUpdated: src.clips.map((c) => c.updatedAt).sort().at(-1) ?? '' }; },
    async scan(onBatch: (c: Clip[]) => void | Promise<void>) { await onBatch([...src.clips]); },
    async changedSince(at: string) { return src.clips.filter((c) => c.updatedAt >= at); },
    async get(id: string) { return src.clips.find((c) => c.id === id) ?? null; },
    async filedUnder(ids: readonly string[]) { return src.clips.filter((c) => c.categoryId !== null && ids.includes(c.categoryId)); },
    async taxonomy() { return []; },
  };
  return src;
}

const T = (i: number) => new Date(Date.UTC(2024, 0, 1, i)).toISOString();
const library = () => [
  makeClip({ id: 'A', url: 'https://kb.example/learning-org', canonicalUrl: 'https://kb.example/learning-org', title: 'Building a learning organization',
    summary: { abstract: 'A learning organization shares knowledge through communities of practice.', keyPoints: [] }, note: 'Read before the offsite', tags: ['km'], categoryId: 'km', createdAt: T(1), updatedAt: T(1) }),
  makeClip({ id: 'B', title: '学习型组织与知识管理', lang: 'zh', summary: { abstract: '通过知识管理建设学习型组织，分享团队经验。', keyPoints: [] }, tags: ['km', '中文'], createdAt: T(2), updatedAt: T(2) }),
  makeClip({ id: 'C', title: 'Sourdough baking at home', siteName: 'Bakery', summary: { abstract: 'Flour, water, salt and a starter.', keyPoints: [] }, createdAt: T(3), updatedAt: T(3) }),
];

function setup(pages: Record<number, PageInfo | Error>, excluded: string[] = [], extra: Partial<RecallDeps> = {}) {
  const source = memorySource(library());
  const reads: number[] = [];
  const deps: RecallDeps = {
    loadIndex: (onProgress) => loadLibraryIndex({ source, cache: createMemorySnapshotCache(), onProgress, yieldNow: async () => {} }),
    catchUp: (li) => catchUp(li, source),
    saveSnapshot: async () => {},
    getClip: (id) => source.get(id),
    readPage: async (tabId) => {
      reads.push(tabId);
      const p = pages[tabId];
      if (!p) throw new Error('no page');
      if (p instanceof Error) throw p;
      return p;
    },
    excludedSites: async () => excluded,
    searchDelayMs: 0,
    saveDelayMs: 10_000,
    ...extra,
  };
  return { store: createRecallStore(deps), source, reads };
}

const page = (url: string, title: string, text: string): PageInfo => ({ url, title, text, siteName: null, lang: 'en' });

describe('recall store', () => {
  it('shows related clips for the followed page with why and highlighted snippets', async () => {
    const { store } = setup({ 1: page('https://blog.test/post', 'Knowledge sharing in a learning organization', 'How a learning organization shares knowledge in communities of practice.') });
    await store.getState().init();
    await store.getState().showTab({ id: 1, url: 'https://blog.test/post' });
    const s = store.getState().page;
    expect(s.status).toBe('ready');
    expect(s.related[0]!.id).toBe('A');
    expect(s.related.map((r) => r.id)).not.toContain('C');
    expect(s.related[0]!.why.terms.length).toBeGreaterThan(0);
    const { text, highlights } = s.related[0]!.snippet;
    expect(highlights.length).toBeGreaterThan(0);
    expect(text.slice(highlights[0]![0], highlights[0]![1]).toLowerCase()).toMatch(/learning|organization|knowledge|communit|practice/);
    expect(s.thisClip).toBeNull();
  });

  it('says when this very URL is clipped, and leaves it out of the related list', async () => {
    const { store } = setup({ 2: page('https://kb.example/learning-org?utm_source=x#top', 'Building a learning organization', 'learning organization knowledge') });
    await store.getState().init();
    await store.getState().showTab({ id: 2, url: 'https://kb.example/learning-org?utm_source=x#top' });
    const s = store.getState().page;
    expect(s.thisClip?.id).toBe('A');
    expect(s.thisClip?.note).toBe('Read before the offsite');
    expect(s.related.map((r) => r.id)).not.toContain('A');
  });

  it('never reads an excluded site, a tab without access or a browser page', async () => {
    const { store, reads } = setup({ 3: page('https://mail.google.com/', 'x', 'x') }, ['mail.google.com']);
    await store.getState().init();
    await store.getState().showTab({ id: 3, url: 'https://mail.google.com/mail/u/0' });
    expect(store.getState().page.status).toBe('excluded');
    await store.getState().showTab({ id: 4 });
    expect(store.getState().page.status).toBe('no-access');
    await store.getState().showTab({ id: 5, url: 'chrome://settings' });
    expect(store.getState().page.status).toBe('unreadable');
    expect(reads).toEqual([]);
  });

  it('turns a refused injection into the no-access state', async () => {
    const { store } = setup({ 6: new NoAccessError('Cannot access contents of the page') });
    await store.getState().init();
    await store.getState().showTab({ id: 6, url: 'https://x.test/' });
    expect(store.getState().page.status).toBe('no-access');
  });

  it('a late answer for an earlier tab does not overwrite the current one', async () => {
    const { store } = setup({
      7: page('https://a.test/', 'Sourdough baking', 'flour water salt starter sourdough'),
      8: page('https://b.test/', 'Learning organization', 'learning organization knowledge communities'),
    });
    await store.getState().init();
    const first = store.getState().showTab({ id: 7, url: 'https://a.test/' });
    const second = store.getState().showTab({ id: 8, url: 'https://b.test/' });
    await Promise.all([first, second]);
    expect(store.getState().page.tab?.id).toBe(8);
    expect(store.getState().page.related[0]?.id).toBe('A');
  });

  it('searches English, Chinese and mixed queries, with filters and a keyboard cursor', async () => {
    const { store } = setup({});
    await store.getState().init();
    store.getState().setQuery('学习型');
    expect(store.getState().search.results.map((r) => r.id)).toEqual(['B']);
    store.getState().setQuery('sourdough');
    expect(store.getState().search.results.map((r) => r.id)).toEqual(['C']);
    expect(store.getState().search.results[0]!.title.highlights.length).toBe(1);
    store.getState().setQuery('知识管理 organization');
    expect(store.getState().search.results.length).toBeGreaterThan(0);
    store.getState().setQuery('organization');
    expect(store.getState().search.results.length).toBe(1);
    store.getState().setFilters({ tags: ['km'] });
    store.getState().setQuery('');
    expect(store.getState().search.results.map((r) => r.id).sort()).toEqual(['A', 'B']);
    expect(store.getState().search.active).toBe(0);
    store.getState().moveActive(1);
    expect(store.getState().search.active).toBe(1);
    store.getState().moveActive(1);
    expect(store.getState().search.active).toBe(0);
    expect(store.getState().facets().tags).toEqual(['km', '中文']);
  });

  it('catches up when the library changes: new clips are found, deleted ones disappear', async () => {
    const { store, source } = setup({});
    await store.getState().init();
    source.clips.push(makeClip({ id: 'D', title: 'Zettelkasten for teams', createdAt: T(9), updatedAt: T(9) }));
    source.clips[2] = { ...source.clips[2]!, deletedAt: T(10), updatedAt: T(10) };
    await store.getState().libraryChanged();
    store.getState().setQuery('zettelkasten');
    expect(store.getState().search.results.map((r) => r.id)).toEqual(['D']);
    store.getState().setQuery('sourdough');
    expect(store.getState().search.results).toEqual([]);
  });

  it('keeps related results per URL: switching back shows them without reading the page again', async () => {
    const { store, reads, source } = setup({
      11: page('https://a.test/km', 'Knowledge sharing in a learning organization', 'learning organization knowledge communities of practice'),
      12: page('https://b.test/bread', 'Sourdough baking', 'flour water salt starter sourdough'),
    });
    await store.getState().init();
    await store.getState().showTab({ id: 11, url: 'https://a.test/km' });
    const first = store.getState().page.related.map((r) => r.id);
    expect(first[0]).toBe('A');
    await store.getState().showTab({ id: 12, url: 'https://b.test/bread' });
    expect(reads).toEqual([11, 12]);
    await store.getState().showTab({ id: 11, url: 'https://a.test/km' });
    expect(reads).toEqual([11, 12]);
    expect(store.getState().page.cached).toBe(true);
    expect(store.getState().page.related.map((r) => r.id)).toEqual(first);

    // The library changed while another tab was shown: switching back recomputes from the text
    // already read, still without a read.
    await store.getState().showTab({ id: 12, url: 'https://b.test/bread' });
    source.clips.push(makeClip({ id: 'E', title: 'Communities of practice for knowledge sharing', summary: { abstract: 'Learning organization knowledge communities.', keyPoints: [] }, createdAt: T(5), updatedAt: T(5) }));
    await store.getState().libraryChanged();
    await store.getState().showTab({ id: 11, url: 'https://a.test/km' });
    expect(reads).toEqual([11, 12]);
    expect(store.getState().page.cached).toBe(false);
    expect(store.getState().page.related.map((r) => r.id)).toContain('E');

    // A navigation (reread) shows the kept results, then reads the page again.
    await store.getState().showTab({ id: 11, url: 'https://a.test/km' }, { reread: true });
    expect(reads).toEqual([11, 12, 11]);
  });

  it('forgets the least recently shown URL beyond the cache size, and never shows kept results of a site excluded since', async () => {
    const pages: Record<number, PageInfo> = {};
    for (let i = 0; i <= RELATED_CACHE_SIZE; i++) pages[100 + i] = page(`https://p${i}.test/`, `Learning organization ${i}`, 'learning organization knowledge');
    let excluded: string[] = [];
    const { store, reads } = setup(pages, [], { excludedSites: async () => excluded });
    await store.getState().init();
    for (let i = 0; i <= RELATED_CACHE_SIZE; i++) await store.getState().showTab({ id: 100 + i, url: `https://p${i}.test/` });
    const before = reads.length;
    await store.getState().showTab({ id: 100 + RELATED_CACHE_SIZE, url: `https://p${RELATED_CACHE_SIZE}.test/` });
    expect(reads.length).toBe(before);
    await store.getState().showTab({ id: 100, url: 'https://p0.test/' });
    expect(reads.length).toBe(before + 1);
    excluded = ['p1.test'];
    await store.getState().showTab({ id: 101, url: 'https://p1.test/' });
    expect(store.getState().page.status).toBe('excluded');
    expect(store.getState().page.related).toEqual([]);
  });

  it('passes the confident page category to related (same category), and the clip\'s own category for a clipped page', async () => {
    const asked: string[] = [];
    const { store } = setup({
      21: page('https://blog.test/x', 'Learning organization 学习型组织', 'learning organization knowledge 知识管理 学习型组织'),
      22: page('https://kb.example/learning-org', 'Building a learning organization', 'learning organization knowledge'),
    }, [], { categoryOf: async (info) => { asked.push(info.url); return 'km'; } });
    await store.getState().init();
    await store.getState().showTab({ id: 21, url: 'https://blog.test/x' });
    let s = store.getState().page;
    expect(s.categoryId).toBe('km');
    const a = s.related.find((r) => r.id === 'A')!;
    expect(a.why.sameCategory).toBe(true);
    expect(s.related.find((r) => r.id === 'B')!.why.sameCategory).toBe(false);
    await store.getState().showTab({ id: 22, url: 'https://kb.example/learning-org' });
    s = store.getState().page;
    expect(s.thisClip?.id).toBe('A');
    expect(s.categoryId).toBe('km');
    expect(asked).toEqual(['https://blog.test/x']);
  });
});
