import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore, migrations, openCairnDb } from '@/lib/db';
import { catchUpListItems, LIST_ITEMS_STAMP } from '@/lib/db/list-items';
import { listItemOf } from '@/lib/clip/types';
import { makeClip } from './make-clip';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

const iso = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes)).toISOString();

describe('list-item cache', () => {
  it('lists what the clips say after every kind of write: save, edit, delete, restore', async () => {
    const store = new ClipStore(new IDBFactory());
    open.push(store);
    await store.put(makeClip({ id: 'a', title: 'Alpha', tags: ['x'], createdAt: iso(1), updatedAt: iso(1) }));
    await store.put(makeClip({ id: 'b', title: 'Beta', createdAt: iso(2), updatedAt: iso(2) }));
    expect((await store.listItems()).map((c) => c.id)).toEqual(['b', 'a']);
    await store.update('a', { title: 'Alpha 2', tags: ['y'], categoryId: 'tech' });
    await store.softDelete('b');
    let items = await store.listItems();
    expect(items.map((c) => [c.id, c.title, c.tags, c.categoryId])).toEqual([['a', 'Alpha 2', ['y'], 'tech']]);
    expect(await store.listItems({ categoryId: 'tech' })).toHaveLength(1);
    expect(await store.listItems({ categoryId: null })).toHaveLength(0);
    expect(await store.allTags()).toEqual(['y']);
    await store.restore('b');
    items = await store.listItems();
    expect(items.map((c) => c.id)).toEqual(['b', 'a']);
    // Items are exactly the clips' list fields: no bodies, summary or notes.
    expect(items[1]).toEqual(listItemOf((await store.get('a'))!));
    expect(Object.keys(items[1]!)).not.toContain('html');
  });

  it('re-reads only what changed since (plus a minute of overlap), not every clip', async () => {
    const factory = new IDBFactory();
    const store = new ClipStore(factory);
    open.push(store);
    for (let i = 0; i < 50; i++) await store.put(makeClip({ id: `c${i}`, createdAt: iso(i), updatedAt: iso(i) }));
    const db = await openCairnDb(factory);
    open.push(db);
    const clock = () => Date.parse(iso(120)); // an hour after the newest clip
    expect(await catchUpListItems(db, clock)).toBe(50); // first use: every clip
    expect(await db.get('meta', LIST_ITEMS_STAMP)).toBe(iso(49));
    expect(await catchUpListItems(db, clock)).toBe(1); // the inclusive bound re-reads the newest only
    await store.put(makeClip({ id: 'c7', title: 'edited', createdAt: iso(7), updatedAt: iso(121) }));
    expect(await catchUpListItems(db, () => Date.parse(iso(122)))).toBe(2); // the edit, and the newest again
    expect((await db.get('listItems', 'c7'))?.title).toBe('edited');
  });

  it('a clip stamped by a clock ahead of ours does not hide our next writes', async () => {
    const factory = new IDBFactory();
    const store = new ClipStore(factory);
    open.push(store);
    const db = await openCairnDb(factory);
    open.push(db);
    const now = Date.parse(iso(100));
    await store.put(makeClip({ id: 'ahead', createdAt: iso(90), updatedAt: iso(160) })); // a team clip from a fast clock
    await catchUpListItems(db, () => now);
    // The stamp stays a minute behind our clock, not at the future updatedAt.
    expect(await db.get('meta', LIST_ITEMS_STAMP)).toBe(iso(99));
    await store.put(makeClip({ id: 'mine', title: 'written after', createdAt: iso(100), updatedAt: iso(100) }));
    await catchUpListItems(db, () => now + 1000);
    expect((await db.get('listItems', 'mine'))?.title).toBe('written after');
  });

  it('v3 adds the cache to a v2 library; its first listing fills it from the clips', async () => {
    const factory = new IDBFactory();
    const v2 = new ClipStore(factory, 'cairn', { version: 2 });
    await v2.put(makeClip({ id: 'old', title: 'From v2' }));
    expect((await v2.listItems()).map((c) => c.title)).toEqual(['From v2']); // no cache at v2: derived
    await v2.close();
    const db = await openCairnDb(factory, 'cairn', { migrations });
    open.push(db);
    expect([...db.objectStoreNames]).toContain('listItems');
    expect(await db.count('listItems')).toBe(0);
    const store = new ClipStore(factory);
    open.push(store);
    expect((await store.listItems()).map((c) => c.title)).toEqual(['From v2']);
    expect(await db.count('listItems')).toBe(1);
  });
});
