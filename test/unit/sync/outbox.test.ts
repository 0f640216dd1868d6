import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClipStore, openCairnDb } from '@/lib/db';
import { clipMutations, taxonomyMutations } from '@/lib/sync/outbox';
import { MutationSchema } from '@/lib/sync/protocol';
import { STARTER_TAXONOMY } from '@/lib/categorize/taxonomy';
import { makeClip } from '../db/make-clip';

async function connectedStore(): Promise<ClipStore> {
  const store = new ClipStore(new IDBFactory());
  await store.sync.connect('client-1', 'member-1');
  return store;
}

describe('migration v2', () => {
  it('adds the outbox and the visibility index on top of v1 data, keeping the clips', async () => {
    const factory = new IDBFactory();
    const v1 = new ClipStore(factory, 'cairn', { version: 1 });
    await v1.put(makeClip({ id: 'old', visibility: 'private' }));
    await v1.close();
    const db = await openCairnDb(factory, 'cairn', { version: 2 });
    expect([...db.objectStoreNames].sort()).toEqual(['clips', 'meta', 'outbox', 'taxonomy']);
    const tx = db.transaction(['clips', 'outbox']);
    expect([...tx.objectStore('clips').indexNames]).toContain('visibility');
    expect(tx.objectStore('outbox').keyPath).toBe('seq');
    await tx.done;
    expect((await db.get('clips', 'old'))?.id).toBe('old');
    expect(await db.getAllFromIndex('clips', 'visibility', 'private')).toHaveLength(1);
    expect(await db.count('outbox')).toBe(0);
    db.close();
  });
});

describe('outbox', () => {
  it('never enqueues anything for private clips: create, edit, delete', async () => {
    const store = await connectedStore();
    await store.put(makeClip({ id: 'p1' }));
    await store.update('p1', { title: 'Renamed', tags: ['x'] });
    await store.softDelete('p1');
    await store.restore('p1');
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('enqueues nothing before a team is connected', async () => {
    const store = new ClipStore(new IDBFactory());
    await store.put(makeClip({ id: 't1', visibility: 'team' }));
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('share puts the full clip; edits put only changed fields and tag ops; unshare and delete; seqs increase', async () => {
    const store = await connectedStore();
    await store.put(makeClip({ id: 'c1', tags: ['a'], note: 'mine' }));
    await store.update('c1', { visibility: 'team' });
    await store.update('c1', { title: 'New title', tags: ['a', 'b'] });
    await store.update('c1', { tags: ['b'] });
    await store.update('c1', { visibility: 'private' });
    await store.update('c1', { visibility: 'team' });
    await store.softDelete('c1');
    const rows = await store.sync.pending(100);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.every((r) => r.clientId === 'client-1')).toBe(true);
    const [share, edit, untag, unshare, reshare, del] = rows.map((r) => r.mutation);
    expect(share).toMatchObject({ type: 'clip.put', clipId: 'c1', tags: { add: ['a'], remove: [] }, note: 'mine' });
    expect(share.type === 'clip.put' && Object.keys(share.fields ?? {}).length).toBe(19);
    expect(edit).toEqual({ type: 'clip.put', clipId: 'c1', fields: { title: 'New title' }, tags: { add: ['b'], remove: [] } });
    expect(untag).toEqual({ type: 'clip.put', clipId: 'c1', fields: {}, tags: { add: [], remove: ['a'] } });
    expect(unshare).toEqual({ type: 'clip.unshare', clipId: 'c1' });
    expect(reshare.type).toBe('clip.put');
    expect(del).toEqual({ type: 'clip.delete', clipId: 'c1' });
    // Every row is a valid protocol mutation once its seq is attached.
    for (const row of rows) expect(MutationSchema.safeParse({ ...row.mutation, seq: row.seq }).success).toBe(true);
  });

  it('writes the outbox row in the same transaction as the change: an aborted save leaves neither', async () => {
    const store = await connectedStore();
    await store.put(makeClip({ id: 'c2', visibility: 'team' }));
    expect(await store.sync.pendingCount()).toBe(1);
    await expect(
      store.upsert({ canonicalUrl: 'https://example.com/c2' }, (previous) => {
        if (!previous) throw new Error('expected the existing clip');
        // A clip without a key path value makes the put fail inside the transaction.
        return { ...previous, title: 'changed', id: undefined as unknown as string };
      }),
    ).rejects.toThrow();
    expect(await store.sync.pendingCount()).toBe(1);
    expect((await store.get('c2'))?.title).toBe('Clip c2');
  });

  it('acknowledge drops rows up to lastSeq only; connect starts a fresh client with seq 1', async () => {
    const store = await connectedStore();
    for (const id of ['a', 'b', 'c']) await store.put(makeClip({ id, visibility: 'team' }));
    await store.sync.acknowledge(2);
    expect((await store.sync.pending(10)).map((r) => r.seq)).toEqual([3]);
    await store.sync.acknowledge(2);
    expect(await store.sync.pendingCount()).toBe(1);
    await store.sync.connect('client-2', 'member-1');
    expect(await store.sync.pendingCount()).toBe(0);
    await store.put(makeClip({ id: 'd', visibility: 'team' }));
    expect((await store.sync.pending(10)).map((r) => [r.seq, r.clientId])).toEqual([[1, 'client-2']]);
  });

  it('taxonomy edits enqueue node puts and tombstones for removed nodes', async () => {
    const store = await connectedStore();
    const tree = await store.getTaxonomy();
    const leaf = tree.find((c) => !tree.some((d) => d.parentId === c.id))!;
    const renamed = tree.filter((c) => c.id !== leaf.id).map((c, i) => (i === 0 ? { ...c, aliases: [...c.aliases, 'extra'] } : c));
    await store.saveTaxonomy(renamed);
    const muts = (await store.sync.pending(100)).map((r) => r.mutation);
    expect(muts).toHaveLength(2);
    expect(muts[0]).toMatchObject({ type: 'taxonomy.put', category: { id: renamed[0]!.id } });
    expect(muts[1]).toMatchObject({ type: 'taxonomy.put', category: { id: leaf.id }, deleted: true });
  });

  it('leaving the team turns own shared clips private, drops others’ clips, clears the outbox', async () => {
    const store = await connectedStore();
    await store.put(makeClip({ id: 'mine', visibility: 'team' }));
    await store.put(makeClip({ id: 'theirs', visibility: 'team', author: { id: 'member-2', name: 'Lin' } }));
    await store.sync.disconnect();
    expect((await store.get('mine'))?.visibility).toBe('private');
    expect((await store.get('theirs'))?.deletedAt).not.toBeNull();
    expect((await store.list()).map((c) => c.id)).toEqual(['mine']);
    expect(await store.sync.pendingCount()).toBe(0);
    expect(await store.sync.clientId()).toBeNull();
  });
});

describe('clipMutations and taxonomyMutations (pure)', () => {
  it('an unchanged team clip (only updatedAt) enqueues nothing', () => {
    const a = makeClip({ id: 'x', visibility: 'team' });
    expect(clipMutations(a, { ...a, updatedAt: '2030-01-01T00:00:00.000Z' })).toEqual([]);
  });
  it('an identical taxonomy enqueues nothing', () => {
    expect(taxonomyMutations(STARTER_TAXONOMY, STARTER_TAXONOMY.map((c) => ({ ...c })))).toEqual([]);
  });
});
