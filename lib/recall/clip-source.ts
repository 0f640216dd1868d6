/**
 * The side panel's read-only view of the clip library, straight from IndexedDB through lib/db's
 * opener. Why not ask the background: a 10k-clip library would be cloned through runtime messaging
 * in one message, and the service worker may die mid-answer; IndexedDB is shared by every page of
 * the extension, so the panel reads it in batches and never writes it.
 */
import type { Clip } from '../clip/types';
import type { Category } from '../categorize/types';
import { openCairnDb } from '../db/open';
import type { CairnDb } from '../db/schema';

/** What identifies a state of the library: record count (tombstones included) and newest updatedAt. */
export interface LibraryStamp {
  count: number;
  lastUpdated: string;
}

/** Whether a record is in the updatedAt index (what stamp() counts): its updatedAt is a valid key. */
export function stampCounts(clip: { updatedAt?: unknown }): boolean {
  const u = clip.updatedAt;
  return typeof u === 'string' || (typeof u === 'number' && !Number.isNaN(u)) || u instanceof Date;
}

/** Read-only access to clips for the search index. */
export interface ClipSource {
  stamp(): Promise<LibraryStamp>;
  /** Every clip record (tombstones included), oldest key first, in batches. */
  scan(onBatch: (clips: Clip[]) => void | Promise<void>, batchSize?: number): Promise<void>;
  /** Clips (tombstones included) whose updatedAt is at or after `updatedAt`. */
  changedSince(updatedAt: string): Promise<Clip[]>;
  get(id: string): Promise<Clip | null>;
  /** Clips (tombstones included) filed under any of these category ids. */
  filedUnder(categoryIds: readonly string[]): Promise<Clip[]>;
  taxonomy(): Promise<Category[]>;
}

/** A ClipSource over the `cairn` database of `factory`. */
export function createIdbClipSource(factory: IDBFactory = indexedDB, name = 'cairn'): ClipSource {
  let connection: Promise<CairnDb> | null = null;
  const db = () => {
    if (!connection) {
      const opening = openCairnDb(factory, name, { onVersionChange: () => { connection = null; } });
      connection = opening;
      opening.catch(() => { if (connection === opening) connection = null; });
    }
    return connection;
  };
  return {
    async stamp() {
      const d = await db();
      const tx = d.transaction('clips', 'readonly');
      // Counted on the updatedAt index, not the store: Chromium counts by walking the records, and
      // 10k clips with their html and text took seconds; index entries are just the keys. Every clip
      // has an updatedAt, so both counts agree (the rebuild counts the same way: stampCounts()).
      const byUpdated = tx.store.index('updatedAt');
      const [count, newest] = await Promise.all([byUpdated.count(), byUpdated.openKeyCursor(null, 'prev')]);
      return { count, lastUpdated: newest ? String(newest.key) : '' };
    },
    async scan(onBatch, batchSize = 400) {
      const d = await db();
      const read = (after: string | null): Promise<Clip[]> => d.getAll('clips', after === null ? null : IDBKeyRange.lowerBound(after, true), batchSize);
      let batch = await read(null);
      while (batch.length > 0) {
        // Ask for the next batch before handling this one, so IndexedDB reads it while the caller indexes.
        const next = batch.length < batchSize ? Promise.resolve([]) : read(batch[batch.length - 1]!.id);
        next.catch(() => undefined); // when onBatch throws, its error is the one reported
        await onBatch(batch);
        batch = await next;
      }
    },
    async changedSince(updatedAt) {
      const d = await db();
      return d.getAllFromIndex('clips', 'updatedAt', IDBKeyRange.lowerBound(updatedAt));
    },
    async filedUnder(categoryIds) {
      const d = await db();
      const lists = await Promise.all(categoryIds.map((id) => d.getAllFromIndex('clips', 'categoryId', id)));
      return lists.flat();
    },
    async get(id) {
      return (await (await db()).get('clips', id)) ?? null;
    },
    async taxonomy() {
      return (await db()).getAll('taxonomy');
    },
  };
}
