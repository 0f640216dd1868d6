import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import { mergeCategories, moveCategory, renameTag } from '@/lib/categorize/organize';
import type { Category } from '@/lib/categorize/types';
import { MutationSchema } from '@/lib/sync/protocol';
import { makeClip } from '../db/make-clip';

const cat = (id: string, parentId: string | null, extra: Partial<Category> = {}): Category => ({
  id,
  parentId,
  name: { en: id.toUpperCase(), zh: `${id}中文` },
  aliases: [],
  keywords: [],
  ...extra,
});

const TAXONOMY = [cat('tech', null), cat('ml', 'tech', { aliases: ['machine learning'], keywords: ['model'] }), cat('ai', 'tech'), cat('deep', 'ml'), cat('cooking', null)];

async function library(connected: boolean): Promise<ClipStore> {
  const store = new ClipStore(new IDBFactory());
  await store.saveTaxonomy(TAXONOMY);
  if (connected) await store.sync.connect('client-1', 'member-1');
  await store.put(makeClip({ id: 'p1', categoryId: 'ml', tags: ['ML', 'python'] }));
  await store.put(makeClip({ id: 't1', categoryId: 'ml', tags: ['ml'], visibility: 'team' }));
  await store.put(makeClip({ id: 't2', categoryId: 'ai', tags: ['ai', 'ml'], visibility: 'team' }));
  await store.put(makeClip({ id: 'gone', categoryId: 'ml', deletedAt: '2024-02-01T00:00:00.000Z' }));
  await store.sync.acknowledge(Number.MAX_SAFE_INTEGER);
  return store;
}

describe('mergeCategories', () => {
  it('re-files every clip, moves subcategories, keeps the old names as aliases and removes the merged node', async () => {
    const store = await library(false);
    const result = await mergeCategories(store, 'ml', 'ai', new Date('2024-03-01T00:00:00Z'));
    expect(result.clipsChanged).toBe(2);
    expect((await store.list({ categoryId: 'ai' })).map((c) => c.id).sort()).toEqual(['p1', 't1', 't2']);
    expect(await store.list({ categoryId: 'ml' })).toEqual([]);
    expect((await store.get('gone'))?.categoryId).toBe('ai');
    expect((await store.get('p1'))?.updatedAt).toBe('2024-03-01T00:00:00.000Z');
    const taxonomy = await store.getTaxonomy();
    expect(taxonomy.map((c) => c.id)).toEqual(['tech', 'ai', 'deep', 'cooking']);
    expect(taxonomy.find((c) => c.id === 'deep')?.parentId).toBe('ai');
    const ai = taxonomy.find((c) => c.id === 'ai')!;
    expect(ai.aliases).toEqual(['ML', 'ml中文', 'machine learning']);
    expect(ai.keywords).toEqual(['model']);
  });

  it('queues the clip re-filings and the taxonomy changes in the outbox while offline (team connected, nothing pushed)', async () => {
    const store = await library(true);
    expect(await store.sync.pendingCount()).toBe(0);
    const result = await mergeCategories(store, 'ml', 'ai');
    const rows = await store.sync.pending(100);
    expect(result.mutationsQueued).toBe(rows.length);
    for (const row of rows) expect(MutationSchema.safeParse({ ...row.mutation, seq: row.seq }).success).toBe(true);
    const clipPuts = rows.filter((r) => r.mutation.type === 'clip.put');
    // Only the shared clip travels; the private one stays on the device.
    expect(clipPuts.map((r) => (r.mutation as { clipId: string }).clipId)).toEqual(['t1']);
    expect((clipPuts[0]!.mutation as { fields: { categoryId?: string } }).fields).toEqual({ categoryId: 'ai' });
    const nodes = rows.filter((r) => r.mutation.type === 'taxonomy.put').map((r) => r.mutation as { category: Category; deleted?: boolean });
    expect(nodes.find((m) => m.category.id === 'ml')?.deleted).toBe(true);
    expect(nodes.find((m) => m.category.id === 'deep')?.category.parentId).toBe('ai');
    expect(nodes.find((m) => m.category.id === 'ai')?.category.aliases).toContain('ML');
    // Seqs are consecutive from the first: one transaction numbered them all.
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => rows[0]!.seq + i));
  });

  it('refuses a merge into its own subtree and leaves everything as it was', async () => {
    const store = await library(true);
    await expect(mergeCategories(store, 'ml', 'deep')).rejects.toThrow(/own subcategories/);
    await expect(mergeCategories(store, 'ml', 'nope')).rejects.toThrow(/no category/);
    expect((await store.list({ categoryId: 'ml' })).length).toBe(2);
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('refuses a team category into a personal one; personal nodes never queue mutations', async () => {
    const store = await library(true);
    await store.saveTaxonomy([...TAXONOMY, cat('mine', null, { scope: 'personal' }), cat('mine2', null, { scope: 'personal' })]);
    await store.sync.acknowledge(Number.MAX_SAFE_INTEGER);
    await expect(mergeCategories(store, 'ml', 'mine')).rejects.toThrow(/team category/);
    await store.put(makeClip({ id: 'p2', categoryId: 'mine2' }));
    const result = await mergeCategories(store, 'mine2', 'mine');
    expect(result.clipsChanged).toBe(1);
    expect(await store.sync.pendingCount()).toBe(0);
  });
});

describe('moveCategory', () => {
  it('moves a node with its clips and subtree (ids unchanged) and queues one taxonomy put', async () => {
    const store = await library(true);
    const before = await store.list({ categoryId: 'ml' });
    const result = await moveCategory(store, 'ml', 'cooking');
    expect(result).toEqual({ clipsChanged: 0, mutationsQueued: 1 });
    const taxonomy = await store.getTaxonomy();
    expect(taxonomy.find((c) => c.id === 'ml')?.parentId).toBe('cooking');
    expect(taxonomy.find((c) => c.id === 'deep')?.parentId).toBe('ml');
    expect(await store.list({ categoryId: 'ml' })).toEqual(before);
    const [row] = await store.sync.pending(10);
    expect(row!.mutation).toMatchObject({ type: 'taxonomy.put', category: { id: 'ml', parentId: 'cooking' } });
  });

  it('refuses a move under its own descendant', async () => {
    const store = await library(false);
    await expect(moveCategory(store, 'tech', 'deep')).rejects.toThrow(/own subcategories/);
    expect((await store.getTaxonomy()).find((c) => c.id === 'tech')?.parentId).toBeNull();
  });
});

describe('renames never break filing', () => {
  it('a renamed category keeps its clips (clips file by id)', async () => {
    const store = await library(false);
    await store.saveTaxonomy(TAXONOMY.map((c) => (c.id === 'ml' ? { ...c, name: { en: 'Machine learning', zh: '机器学习' } } : c)));
    expect((await store.list({ categoryId: 'ml' })).map((c) => c.id).sort()).toEqual(['p1', 't1']);
  });
});

describe('renameTag', () => {
  it('renames across clips case-insensitively, merges into an existing tag, and queues tag ops for shared clips only', async () => {
    const store = await library(true);
    const result = await renameTag(store, 'ml', 'AI');
    expect(result.clipsChanged).toBe(3);
    expect((await store.get('p1'))?.tags).toEqual(['AI', 'python']);
    expect((await store.get('t1'))?.tags).toEqual(['AI']);
    // t2 had both: they merge into one (the existing spelling wins).
    expect((await store.get('t2'))?.tags).toEqual(['ai']);
    expect(await store.allTags()).not.toContain('ml');
    const rows = await store.sync.pending(10);
    expect(rows.map((r) => (r.mutation as { clipId: string }).clipId).sort()).toEqual(['t1', 't2']);
    expect(rows.find((r) => (r.mutation as { clipId: string }).clipId === 't1')?.mutation).toMatchObject({ tags: { add: ['AI'], remove: ['ml'] } });
    expect(rows.find((r) => (r.mutation as { clipId: string }).clipId === 't2')?.mutation).toMatchObject({ tags: { add: [], remove: ['ml'] } });
  });

  it('refuses an empty name', async () => {
    const store = await library(false);
    await expect(renameTag(store, 'ml', '  ')).rejects.toThrow(/needs a name/);
  });
});
