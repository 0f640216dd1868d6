import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipStore, StorageError } from '@/lib/db';
import { STARTER_TAXONOMY } from '@/lib/categorize/taxonomy';
import type { Category } from '@/lib/categorize/types';
import { makeClip } from './make-clip';

const stores: ClipStore[] = [];
function freshStore(factory = new IDBFactory()): ClipStore {
  const store = new ClipStore(factory);
  stores.push(store);
  return store;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('ClipStore CRUD', () => {
  it('puts and gets a clip, and returns null for an unknown id', async () => {
    const store = freshStore();
    const clip = makeClip({ id: 'A1', tags: ['x'] });
    await store.put(clip);
    expect(await store.get('A1')).toEqual(clip);
    expect(await store.get('nope')).toBeNull();
  });

  it('replaces a clip with the same id', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: 'A1', title: 'old' }));
    await store.put(makeClip({ id: 'A1', title: 'new' }));
    expect((await store.get('A1'))?.title).toBe('new');
    expect(await store.list()).toHaveLength(1);
  });

  it('updates fields but keeps id and createdAt', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: 'A1', createdAt: '2024-01-01T00:00:00.000Z' }));
    const updated = await store.update('A1', { title: 'T', id: 'evil', createdAt: '1999-01-01T00:00:00.000Z' }, new Date('2024-02-02T00:00:00Z'));
    expect(updated).toMatchObject({ id: 'A1', title: 'T', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-02-02T00:00:00.000Z' });
    expect(await store.get('A1')).toEqual(updated);
    expect(await store.get('evil')).toBeNull();
  });

  it('rejects updating an unknown clip with a not-found StorageError', async () => {
    const store = freshStore();
    await expect(store.update('missing', { title: 'x' })).rejects.toMatchObject({ name: 'StorageError', kind: 'not-found' });
  });
});

describe('ClipStore.list', () => {
  it('lists newest first, honours limit, and breaks timestamp ties by id', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: '02', createdAt: '2024-01-02T00:00:00.000Z' }));
    await store.put(makeClip({ id: '03', createdAt: '2024-01-03T00:00:00.000Z' }));
    await store.put(makeClip({ id: '01', createdAt: '2024-01-01T00:00:00.000Z' }));
    await store.put(makeClip({ id: '03b', createdAt: '2024-01-03T00:00:00.000Z' }));
    expect((await store.list()).map((c) => c.id)).toEqual(['03b', '03', '02', '01']);
    expect((await store.list({ limit: 2 })).map((c) => c.id)).toEqual(['03b', '03']);
    expect(await store.list({ limit: 0 })).toEqual([]);
  });

  it('filters by category, and null lists unfiled clips', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: 'a', categoryId: 'tech', createdAt: '2024-01-01T00:00:00.000Z' }));
    await store.put(makeClip({ id: 'b', categoryId: 'tech', createdAt: '2024-01-03T00:00:00.000Z' }));
    await store.put(makeClip({ id: 'c', categoryId: 'ops', createdAt: '2024-01-02T00:00:00.000Z' }));
    await store.put(makeClip({ id: 'd', categoryId: null, createdAt: '2024-01-04T00:00:00.000Z' }));
    expect((await store.list({ categoryId: 'tech' })).map((c) => c.id)).toEqual(['b', 'a']);
    expect((await store.list({ categoryId: 'tech', limit: 1 })).map((c) => c.id)).toEqual(['b']);
    expect((await store.list({ categoryId: null })).map((c) => c.id)).toEqual(['d']);
    expect((await store.list({ categoryId: 'none' }))).toEqual([]);
  });
});

describe('tombstones', () => {
  it('softDelete hides a clip from list and dedupe but keeps it readable; restore brings it back', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: 'a', canonicalUrl: 'https://x.test/p', categoryId: 'tech', tags: ['gone'] }));
    await store.put(makeClip({ id: 'b' }));
    const deleted = await store.softDelete('a', new Date('2024-03-01T00:00:00Z'));
    expect(deleted.deletedAt).toBe('2024-03-01T00:00:00.000Z');
    expect(deleted.updatedAt).toBe('2024-03-01T00:00:00.000Z');
    expect((await store.list()).map((c) => c.id)).toEqual(['b']);
    expect(await store.list({ categoryId: 'tech' })).toEqual([]);
    expect(await store.findByCanonicalUrl('https://x.test/p')).toBeNull();
    expect(await store.allTags()).toEqual([]);
    expect((await store.get('a'))?.deletedAt).toBe('2024-03-01T00:00:00.000Z');

    const restored = await store.restore('a');
    expect(restored.deletedAt).toBeNull();
    expect((await store.list()).map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect((await store.findByCanonicalUrl('https://x.test/p'))?.id).toBe('a');
  });

  it('rejects deleting or restoring an unknown id', async () => {
    const store = freshStore();
    await expect(store.softDelete('ghost')).rejects.toBeInstanceOf(StorageError);
    await expect(store.restore('ghost')).rejects.toBeInstanceOf(StorageError);
  });
});

describe('dedupe lookup and tags', () => {
  it('finds the newest live clip with the exact canonical URL', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: 'old', canonicalUrl: 'https://x.test/a', createdAt: '2024-01-01T00:00:00.000Z' }));
    await store.put(makeClip({ id: 'new', canonicalUrl: 'https://x.test/a', createdAt: '2024-02-01T00:00:00.000Z' }));
    await store.put(makeClip({ id: 'other', canonicalUrl: 'https://x.test/b' }));
    expect((await store.findByCanonicalUrl('https://x.test/a'))?.id).toBe('new');
    expect((await store.findByCanonicalUrl('https://x.test/b'))?.id).toBe('other');
    expect(await store.findByCanonicalUrl('https://x.test/c')).toBeNull();
  });

  it('lists tags by use, most used first, counting each clip once', async () => {
    const store = freshStore();
    await store.put(makeClip({ id: '1', tags: ['km', 'ai', 'km'] }));
    await store.put(makeClip({ id: '2', tags: ['km', '学习型组织'] }));
    await store.put(makeClip({ id: '3', tags: ['ai', 'km'] }));
    expect(await store.allTags()).toEqual(['km', 'ai', '学习型组织']);
  });
});

describe('taxonomy', () => {
  it('is seeded with the starter taxonomy on first open, in order', async () => {
    const store = freshStore();
    expect(await store.getTaxonomy()).toEqual(STARTER_TAXONOMY);
  });

  it('saves a whole taxonomy, keeps its order, and rejects a broken tree without writing', async () => {
    const store = freshStore();
    const tree: Category[] = [
      { id: 'z-root', parentId: null, name: { en: 'Zed', zh: '泽' }, aliases: [], keywords: [] },
      { id: 'a-child', parentId: 'z-root', name: { en: 'Alpha', zh: '阿' }, aliases: ['a'], keywords: ['k'] },
    ];
    expect(await store.saveTaxonomy(tree)).toEqual(tree);
    expect(await store.getTaxonomy()).toEqual(tree);
    await expect(store.saveTaxonomy([{ ...tree[1], parentId: 'missing' }])).rejects.toThrow(/unknown parent/);
    await expect(store.saveTaxonomy([tree[0], tree[0]])).rejects.toThrow(/duplicate/);
    expect(await store.getTaxonomy()).toEqual(tree);
  });

  it('keeps a saved taxonomy across reopen (no reseeding)', async () => {
    const factory = new IDBFactory();
    const first = freshStore(factory);
    await first.saveTaxonomy([]);
    await first.close();
    expect(await freshStore(factory).getTaxonomy()).toEqual([]);
  });
});

describe('meta', () => {
  it('sets, reads and deletes records', async () => {
    const store = freshStore();
    expect(await store.getMeta('k')).toBeUndefined();
    await store.setMeta('k', { a: 1 });
    expect(await store.getMeta('k')).toEqual({ a: 1 });
    await store.deleteMeta('k');
    expect(await store.getMeta('k')).toBeUndefined();
  });
});

describe('failures reject', () => {
  it('a clip without an id rejects instead of hanging', async () => {
    const store = freshStore();
    await expect(store.put({ ...makeClip({ id: 'x' }), id: undefined as unknown as string })).rejects.toBeInstanceOf(StorageError);
    expect(await store.list()).toEqual([]);
  });

  it('maps a quota failure to "Storage is full"', async () => {
    const store = freshStore();
    await store.get('warm-up');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await store.put(makeClip({ id: 'big' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect((err as Error).message).toMatch(/^Storage is full: /);
    vi.restoreAllMocks();
    expect(await store.get('big')).toBeNull();
  });

  it('reopens after a failed open instead of caching the failure', async () => {
    const factory = new IDBFactory();
    let calls = 0;
    const flaky = {
      open: (...args: Parameters<IDBFactory['open']>) => {
        calls++;
        if (calls === 1) throw new DOMException('disk error', 'UnknownError');
        return factory.open(...args);
      },
    } as unknown as IDBFactory;
    const store = freshStore(flaky);
    await expect(store.list()).rejects.toThrow(/disk error/);
    expect(await store.list()).toEqual([]);
  });
});
