import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClipStore, DB_VERSION, migrations, openCairnDb, runTransaction, StorageError } from '@/lib/db';
import type { Migration } from '@/lib/db';
import { STARTER_TAXONOMY } from '@/lib/categorize/taxonomy';
import { makeClip } from './make-clip';

describe('schema and migrations', () => {
  it('has one migration per version up to DB_VERSION', () => {
    const versions = Object.keys(migrations).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('v1 creates the stores and indexes and seeds the taxonomy', async () => {
    const db = await openCairnDb(new IDBFactory(), 'cairn', { version: 1 });
    expect([...db.objectStoreNames].sort()).toEqual(['clips', 'meta', 'taxonomy']);
    const tx = db.transaction('clips');
    expect([...tx.store.indexNames].sort()).toEqual(['canonicalUrl', 'categoryId', 'createdAt', 'updatedAt']);
    expect(tx.store.keyPath).toBe('id');
    await tx.done;
    expect((await db.getAll('taxonomy')).length).toBe(STARTER_TAXONOMY.length);
    db.close();
  });

  it('keeps data across reopen at the same version (open v1, write, reopen)', async () => {
    const factory = new IDBFactory();
    const v1 = new ClipStore(factory, 'cairn', { version: 1 });
    await v1.put(makeClip({ id: 'kept', canonicalUrl: 'https://a.test/x' }));
    await v1.close();
    const again = new ClipStore(factory);
    expect((await again.get('kept'))?.id).toBe('kept');
    expect((await again.findByCanonicalUrl('https://a.test/x'))?.id).toBe('kept');
    await again.close();
  });

  it('runs later migrations on top of v1 data, in order, once', async () => {
    const factory = new IDBFactory();
    const v1 = new ClipStore(factory, 'cairn', { version: 1 });
    await v1.put(makeClip({ id: 'old' }));
    await v1.close();
    const ran: number[] = [];
    // A hypothetical v2 that back-fills a field: it must see v1's rows.
    const v2: Migration = (_db, tx) => {
      ran.push(2);
      const store = tx.objectStore('clips');
      void store.openCursor().then(async function step(cursor): Promise<void> {
        if (!cursor) return;
        await cursor.update({ ...cursor.value, note: 'migrated' });
        return step(await cursor.continue());
      });
    };
    const db = await openCairnDb(factory, 'cairn', { version: 2, migrations: { ...migrations, 2: v2 } });
    expect(ran).toEqual([2]);
    expect((await db.get('clips', 'old'))?.note).toBe('migrated');
    db.close();
  });

  it('rejects (does not hang) when a migration throws, and leaves the old version intact', async () => {
    const factory = new IDBFactory();
    (await openCairnDb(factory, 'cairn', { version: 1 })).close();
    const broken: Migration = () => {
      throw new Error('bad step');
    };
    await expect(openCairnDb(factory, 'cairn', { version: 2, migrations: { ...migrations, 2: broken } })).rejects.toThrow(/upgrade.*bad step/);
    const db = await openCairnDb(factory, 'cairn', { version: 1 });
    expect(db.version).toBe(1);
    db.close();
  });

  it('rejects with a clear message when an upgrade is blocked by another connection', async () => {
    const factory = new IDBFactory();
    const holder = await openCairnDb(factory, 'cairn', { version: 1 });
    // Keep the old connection open and deaf to versionchange, like a stuck tab.
    (holder as unknown as { onversionchange: null }).onversionchange = null;
    const err = await openCairnDb(factory, 'cairn', { version: 2, migrations: { ...migrations, 2: () => undefined } }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('blocked');
    holder.close();
  });

  it('an open connection steps aside when a newer version is opened elsewhere', async () => {
    const factory = new IDBFactory();
    const store = new ClipStore(factory);
    await store.put(makeClip({ id: 'a' }));
    const next = DB_VERSION + 1;
    const newer = await openCairnDb(factory, 'cairn', { version: next, migrations: { ...migrations, [next]: () => undefined } });
    expect(newer.version).toBe(next);
    newer.close();
    // The old code now asks for a lower version than exists: it must reject, not hang.
    await expect(store.get('a')).rejects.toBeInstanceOf(StorageError);
  });
});

describe('runTransaction', () => {
  it('rejects when the work aborts the transaction, and nothing is written', async () => {
    const db = await openCairnDb(new IDBFactory());
    const result = runTransaction(db, ['clips'], 'readwrite', async (tx) => {
      await tx.objectStore('clips').put(makeClip({ id: 'x' }));
      tx.abort();
    });
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.get('clips', 'x')).toBeUndefined();
    db.close();
  });

  it('rejects on a constraint error and rolls back earlier writes in the same transaction', async () => {
    const db = await openCairnDb(new IDBFactory());
    await db.put('clips', makeClip({ id: 'dup' }));
    const result = runTransaction(db, ['clips'], 'readwrite', async (tx) => {
      await tx.objectStore('clips').put(makeClip({ id: 'first' }));
      await tx.objectStore('clips').add(makeClip({ id: 'dup' }));
    });
    await expect(result).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.get('clips', 'first')).toBeUndefined();
    db.close();
  });

  it('rolls back when the work throws after writing', async () => {
    const db = await openCairnDb(new IDBFactory());
    const result = runTransaction(db, ['clips'], 'readwrite', async (tx) => {
      await tx.objectStore('clips').put(makeClip({ id: 'half' }));
      throw new Error('changed my mind');
    });
    await expect(result).rejects.toThrow('changed my mind');
    expect(await db.get('clips', 'half')).toBeUndefined();
    db.close();
  });
});
