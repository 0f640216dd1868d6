import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { seedClips } from '@/lib/background/seed-clips';
import { ClipStore } from '@/lib/db';
import { makeClip } from '../db/make-clip';

describe('seedClips', () => {
  it('writes every clip in batches, readable through the ClipStore, with no outbox records', async () => {
    const factory = new IDBFactory();
    const clips = Array.from({ length: 1203 }, (_, i) => makeClip({ id: `c${String(i).padStart(5, '0')}`, createdAt: new Date(1.7e12 + i * 1000).toISOString() }));
    expect(await seedClips(clips, factory, 500)).toBe(1203);
    const store = new ClipStore(factory);
    expect((await store.list()).length).toBe(1203);
    expect((await store.get('c01202'))?.title).toBe('Clip c01202');
    expect(await store.sync.pendingCount()).toBe(0);
    await store.close();
  });

  it('rejects when a batch fails (a clip without a key), keeping earlier batches', async () => {
    const factory = new IDBFactory();
    const good = Array.from({ length: 3 }, (_, i) => makeClip({ id: `g${i}` }));
    const bad = { ...makeClip({ id: 'x' }), id: undefined } as unknown as ReturnType<typeof makeClip>;
    await expect(seedClips([...good, bad], factory, 3)).rejects.toThrow();
    const store = new ClipStore(factory);
    expect((await store.list()).map((c) => c.id).sort()).toEqual(['g0', 'g1', 'g2']);
    await store.close();
  });
});
