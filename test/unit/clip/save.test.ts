import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import { cleanTags, dedupeKey, saveDraft, undoSave, updateClip } from '@/lib/clip/save';
import type { ClipDraft } from '@/lib/clip/types';

function draft(overrides: Partial<ClipDraft> = {}): ClipDraft {
  return {
    mode: 'article',
    url: 'https://news.test/a?utm_source=x#top',
    canonicalUrl: 'https://news.test/a',
    title: 'A page',
    byline: null,
    siteName: 'News',
    lang: 'en',
    dir: 'ltr',
    publishedTime: null,
    excerpt: 'e',
    summary: { abstract: 'a', keyPoints: [] },
    text: 'text',
    markdown: 'text',
    html: '<p>text</p>',
    wordCount: 1,
    readingMinutes: 1,
    fallback: null,
    ...overrides,
  };
}

let store: ClipStore;
const open = () => (store = new ClipStore(new IDBFactory()));
afterEach(() => store?.close());
let n = 0;
const makeId = () => `ID${String(++n).padStart(4, '0')}`;

describe('saveDraft', () => {
  it('creates a new clip with filing, timestamps and a fresh id', async () => {
    open();
    const now = new Date('2024-05-01T10:00:00Z');
    const { clip, previous } = await saveDraft(store, draft(), { categoryId: 'tech', tags: [' ai ', 'AI', ''], note: 'n' }, { now, makeId });
    expect(previous).toBeNull();
    expect(clip).toMatchObject({ categoryId: 'tech', tags: ['ai'], note: 'n', visibility: 'private', deletedAt: null });
    expect(clip.createdAt).toBe('2024-05-01T10:00:00.000Z');
    expect(clip.updatedAt).toBe(clip.createdAt);
    expect(await store.get(clip.id)).toEqual(clip);
  });

  it('makes ULIDs by default', async () => {
    open();
    const { clip } = await saveDraft(store, draft(), {});
    expect(clip.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('updates the live clip with the same canonical URL instead of adding a copy, keeping id, createdAt and filing', async () => {
    open();
    const first = await saveDraft(store, draft({ title: 'v1' }), { categoryId: 'tech', tags: ['x'], note: 'mine' }, { now: new Date('2024-01-01T00:00:00Z'), makeId });
    const second = await saveDraft(store, draft({ title: 'v2' }), {}, { now: new Date('2024-02-01T00:00:00Z'), makeId });
    expect(second.clip.id).toBe(first.clip.id);
    expect(second.clip).toMatchObject({ title: 'v2', categoryId: 'tech', tags: ['x'], note: 'mine', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-02-01T00:00:00.000Z' });
    expect(second.previous).toEqual(first.clip);
    expect(await store.list()).toHaveLength(1);
  });

  it('applies the filing fields the user changed on an update, including clearing the category', async () => {
    open();
    await saveDraft(store, draft(), { categoryId: 'tech', tags: ['x'], note: 'keep' }, { makeId });
    const { clip } = await saveDraft(store, draft(), { categoryId: null, tags: ['y'] }, { makeId });
    expect(clip).toMatchObject({ categoryId: null, tags: ['y'], note: 'keep' });
  });

  it('dedupes on the normalized URL when the page has no canonical link', async () => {
    open();
    const a = await saveDraft(store, draft({ canonicalUrl: '', url: 'https://news.test/b#one' }), {}, { makeId });
    const b = await saveDraft(store, draft({ canonicalUrl: '', url: 'https://news.test/b#two' }), {}, { makeId });
    expect(b.clip.id).toBe(a.clip.id);
    expect(a.clip.canonicalUrl).toBe(dedupeKey({ canonicalUrl: '', url: 'https://news.test/b' }));
  });

  it('does not revive a deleted clip: a tombstoned page saves as a new clip', async () => {
    open();
    const a = await saveDraft(store, draft(), {}, { makeId });
    await store.softDelete(a.clip.id);
    const b = await saveDraft(store, draft(), {}, { makeId });
    expect(b.clip.id).not.toBe(a.clip.id);
    expect(b.previous).toBeNull();
  });

  it('with replaceId updates that clip even when the URL differs, and revives it if deleted', async () => {
    open();
    const a = await saveDraft(store, draft({ canonicalUrl: 'https://news.test/old' }), { tags: ['t'] }, { makeId });
    await store.softDelete(a.clip.id);
    const b = await saveDraft(store, draft({ canonicalUrl: 'https://news.test/new' }), {}, { replaceId: a.clip.id, makeId });
    expect(b.clip.id).toBe(a.clip.id);
    expect(b.clip.deletedAt).toBeNull();
    expect(b.clip.canonicalUrl).toBe(dedupeKey({ canonicalUrl: 'https://news.test/new', url: '' }));
    expect(b.clip.tags).toEqual(['t']);
  });

  it('rejects a replaceId that does not exist', async () => {
    open();
    await expect(saveDraft(store, draft(), {}, { replaceId: 'nope' })).rejects.toThrow(/no clip with id nope/);
  });

  it('concurrent saves of one page make one clip', async () => {
    open();
    const results = await Promise.all([1, 2, 3].map((i) => saveDraft(store, draft({ title: `t${i}` }), {}, { makeId })));
    expect(new Set(results.map((r) => r.clip.id)).size).toBe(1);
    expect(await store.list()).toHaveLength(1);
  });
});

describe('undoSave and updateClip', () => {
  it('undo of a new clip tombstones it; undo of an update restores the previous version', async () => {
    open();
    const created = await saveDraft(store, draft({ title: 'v1' }), { note: 'a' }, { makeId });
    const updated = await saveDraft(store, draft({ title: 'v2' }), { note: 'b' }, { makeId });
    const back = await undoSave(store, { clipId: updated.clip.id, previous: updated.previous });
    expect(back).toMatchObject({ title: 'v1', note: 'a' });
    expect((await store.get(created.clip.id))?.title).toBe('v1');
    await undoSave(store, { clipId: created.clip.id, previous: null });
    expect(await store.list()).toEqual([]);
  });

  it('updateClip cleans tags and bumps updatedAt', async () => {
    open();
    const { clip } = await saveDraft(store, draft(), {}, { now: new Date('2024-01-01T00:00:00Z'), makeId });
    const edited = await updateClip(store, clip.id, { tags: ['a', 'A ', 'b'], title: 'T' }, new Date('2024-01-02T00:00:00Z'));
    expect(edited).toMatchObject({ tags: ['a', 'b'], title: 'T', updatedAt: '2024-01-02T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z' });
  });

  it('cleanTags keeps the first spelling and collapses whitespace, also for Chinese tags', () => {
    expect(cleanTags(['知识  管理', '知识 管理', 'KM', 'km', '  '])).toEqual(['知识 管理', 'KM']);
  });
});
