import { packCards } from '../../../lib/recall/card-pack';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import { createIdbClipSource } from '@/lib/recall/clip-source';
import { cacheRecordOf, catchUp, loadLibraryIndex, planLoad } from '@/lib/recall/library-index';
import { CACHE_FORMAT, createIdbSnapshotCache, createMemorySnapshotCache, type CachedIndex } from '@/lib/recall/snapshot-cache';
import { makeClip } from '../db/make-clip';

const stores: ClipStore[] = [];
afterEach(async () => { await Promise.all(stores.splice(0).map((s) => s.close())); });

async function library(count: number) {
  const factory = new IDBFactory();
  const store = new ClipStore(factory);
  stores.push(store);
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
    const zh = i % 3 === 0;
    await store.put(makeClip({
      id: `C${String(i).padStart(4, '0')}`,
      title: zh ? `知识管理 第${i}篇` : `Knowledge graph note ${i}`,
      summary: { abstract: zh ? '学习型组织通过知识管理分享经验。' : 'Teams share what they learn in a knowledge graph.', keyPoints: [] },
      createdAt: at,
      updatedAt: at,
    }));
  }
  return { factory, store, source: createIdbClipSource(factory) };
}

const stampOf = (count: number, lastUpdated: string) => ({ count, lastUpdated });
const K = { km: 'Knowledge 知识' };
const cached = (count: number, lastUpdated: string, categoryNames: Record<string, string> = K): CachedIndex => ({
  format: CACHE_FORMAT, stamp: stampOf(count, lastUpdated), categoryNames, snapshot: {} as CachedIndex['snapshot'], cards: packCards([]), savedAt: '',
});

describe('planLoad (snapshot freshness)', () => {
  it('rebuilds without a cache or with another format', () => {
    expect(planLoad(null, stampOf(1, 'a'), K)).toBe('rebuild');
    expect(planLoad({ ...cached(1, 'a'), format: CACHE_FORMAT + 1 }, stampOf(1, 'a'), K)).toBe('rebuild');
  });
  it('uses a matching snapshot as is, catches up a library that moved forward, rebuilds one that went back', () => {
    expect(planLoad(cached(5, '2024-01-02'), stampOf(5, '2024-01-02'), K)).toBe('fresh');
    expect(planLoad(cached(5, '2024-01-02'), stampOf(6, '2024-01-03'), K)).toBe('incremental');
    expect(planLoad(cached(5, '2024-01-02'), stampOf(5, '2024-01-03'), K)).toBe('incremental');
    expect(planLoad(cached(5, '2024-01-02'), stampOf(4, '2024-01-03'), K)).toBe('rebuild');
    expect(planLoad(cached(5, '2024-01-02'), stampOf(5, '2024-01-01'), K)).toBe('rebuild');
  });
  it('catches up (never rebuilds) when only category names changed', () => {
    expect(planLoad(cached(5, '2024-01-02'), stampOf(5, '2024-01-02'), { km: 'Know-how' })).toBe('incremental');
    expect(planLoad(cached(5, '2024-01-02'), stampOf(5, '2024-01-02'), { ...K, design: 'Design' })).toBe('incremental');
  });
});

describe('loadLibraryIndex', () => {
  it('builds in chunks with progress, then loads from the snapshot, then catches up incrementally', async () => {
    const { store, source } = await library(30);
    const cache = createMemorySnapshotCache();
    const progress: number[] = [];
    const first = await loadLibraryIndex({ source, cache, onProgress: (d) => progress.push(d), yieldNow: async () => {} });
    expect(first.how).toBe('rebuild');
    expect(first.index.size).toBe(30);
    expect(first.stamp).toEqual(await source.stamp()); // the scan counts as stamp() does, or the next load would rebuild
    expect(progress.length).toBeGreaterThan(1);
    expect(first.index.search('知识').length).toBe(10);
    await cache.save(cacheRecordOf(first));

    const second = await loadLibraryIndex({ source, cache });
    expect(second.how).toBe('fresh');
    expect(second.index.search('knowledge graph').map((h) => h.id).sort()).toEqual(first.index.search('knowledge graph').map((h) => h.id).sort());
    expect(second.byUrl.get('https://example.com/C0001')).toBe('C0001');
    // The snapshot brings back exactly what the build made: cards, URL map, related results.
    expect(second.cards).toEqual(first.cards);
    expect(second.byUrl).toEqual(first.byUrl);
    expect(second.index.related({ text: 'knowledge graph 知识' })).toEqual(first.index.related({ text: 'knowledge graph 知识' }));
    expect(Object.keys(second.phases).sort()).toEqual(['cards', 'import', 'read', 'readSnapshot', 'readStamp', 'readTaxonomy']);

    // Add, edit, delete: the next opening catches up from the snapshot.
    await store.put(makeClip({ id: 'C9999', title: 'Zettelkasten method', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }));
    await store.update('C0001', { title: 'Renamed about quantum widgets' }, new Date('2025-01-02T00:00:00.000Z'));
    await store.softDelete('C0002', new Date('2025-01-03T00:00:00.000Z'));
    const third = await loadLibraryIndex({ source, cache });
    expect(third.how).toBe('incremental');
    expect(third.index.size).toBe(30);
    expect(third.index.search('zettelkasten').map((h) => h.id)).toEqual(['C9999']);
    expect(third.index.search('quantum widgets').map((h) => h.id)).toEqual(['C0001']);
    expect(third.index.has('C0002')).toBe(false);
    expect(third.cards.get('C0001')!.title).toBe('Renamed about quantum widgets');
    expect(third.stamp).toEqual(await source.stamp());
  });

  it('catchUp applies only what changed since the last stamp', async () => {
    const { store, source } = await library(5);
    const li = await loadLibraryIndex({ source, cache: createMemorySnapshotCache(), yieldNow: async () => {} });
    expect(await catchUp(li, source)).toBe(1); // only the newest record is re-read (inclusive bound)
    await store.put(makeClip({ id: 'N1', title: '混合 mixed 内容', createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z' }));
    expect(await catchUp(li, source)).toBe(2); // the new clip, plus the previous newest (inclusive bound)
    expect(li.index.search('混合').map((h) => h.id)).toEqual(['N1']);
  });

  it('catches up a large change in chunks, giving the UI a turn between them', async () => {
    const { store, source } = await library(2);
    const li = await loadLibraryIndex({ source, cache: createMemorySnapshotCache(), yieldNow: async () => {} });
    const at = '2031-01-01T00:00:00.000Z';
    for (let i = 0; i < 900; i++) await store.put(makeClip({ id: `B${String(i).padStart(4, '0')}`, title: `bulk import ${i}`, createdAt: at, updatedAt: at }));
    const sizesSeen: number[] = [];
    const changed = await catchUp(li, source, false, async () => void sizesSeen.push(li.index.size));
    expect(changed).toBe(901); // 900 new clips and the previous newest (inclusive bound)
    expect(li.index.size).toBe(902);
    // Three chunks of at most 400: two yields, each seeing a partly caught-up index.
    expect(sizesSeen.length).toBe(2);
    expect(sizesSeen[0]).toBeLessThan(sizesSeen[1]!);
    expect(sizesSeen[1]).toBeLessThan(902);
    expect(li.index.search('bulk import 899').map((h) => h.id)[0]).toBe('B0899');
  });

  it('re-indexes only the clips of a renamed category, at load and in a catch-up', async () => {
    const { store, source } = await library(6);
    const [first] = await store.getTaxonomy();
    await store.update('C0002', { categoryId: first!.id });
    const cache = createMemorySnapshotCache();
    const li = await loadLibraryIndex({ source, cache, yieldNow: async () => {} });
    await cache.save(cacheRecordOf(li));
    expect(li.index.search('quuxology')).toEqual([]);
    const renamed = (await store.getTaxonomy()).map((c) => (c.id === first!.id ? { ...c, name: { en: 'Quuxology', zh: '奇学' } } : c));
    await store.saveTaxonomy(renamed);
    const reloaded = await loadLibraryIndex({ source, cache, yieldNow: async () => {} });
    expect(reloaded.how).toBe('incremental');
    expect(reloaded.index.search('quuxology').map((h) => h.id)).toEqual(['C0002']);
    expect(reloaded.index.search('奇学').map((h) => h.id)).toEqual(['C0002']);
    // Live: rename again; the catch-up re-reads that category's clip only (it is also the newest, the
    // inclusive bound's re-read: read once).
    await store.saveTaxonomy(renamed.map((c) => (c.id === first!.id ? { ...c, name: { en: 'Zorbology', zh: '佐学' } } : c)));
    expect(await catchUp(reloaded, source)).toBe(1);
    expect(reloaded.index.search('zorbology').map((h) => h.id)).toEqual(['C0002']);
    expect(reloaded.index.search('quuxology')).toEqual([]);
  });

  it('keeps the snapshot in its own IndexedDB database', async () => {
    const { source, factory } = await library(3);
    const cache = createIdbSnapshotCache(factory);
    const li = await loadLibraryIndex({ source, cache, yieldNow: async () => {} });
    await cache.save(cacheRecordOf(li));
    const again = await loadLibraryIndex({ source, cache });
    expect(again.how).toBe('fresh');
    expect(again.index.size).toBe(3);
  });
});
