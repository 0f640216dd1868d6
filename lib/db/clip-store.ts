/**
 * The local library: clips, the taxonomy and small meta records in IndexedDB. The only module that
 * reads or writes them; every method rejects with a StorageError on failure, never hangs.
 */
import { listItemOf, type Clip, type ClipListItem } from '../clip/types';
import type { Category } from '../categorize/types';
import { guard, StorageError } from './errors';
import { openCairnDb, type OpenOptions } from './open';
import type { CairnDb } from './schema';
import { runTransaction, type Tx } from './transaction';
import { clipMutations, enqueueInTransaction, taxonomyMutations, type LocalMutation } from '../sync/outbox';
import { createSyncRecords, type SyncRecords } from './sync-records';
import { readListItems } from './list-items';

export interface ListOptions {
  /** A category id; `null` lists unfiled clips; omitted lists every clip. */
  categoryId?: string | null;
  limit?: number;
}

const TAXONOMY_ORDER = 'taxonomyOrder';

type LibraryStores = ['clips', 'taxonomy', 'meta', 'outbox'];
/** The transaction `editLibrary` hands out (the outbox store is absent only on a v1 database). */
export type LibraryTx = Tx<LibraryStores, 'readwrite'>;

const isLive = (clip: { deletedAt?: string | null }) => !clip.deletedAt;

/** Newest first; ids (ULIDs) break ties within one timestamp. */
function newestFirst(a: ClipListItem, b: ClipListItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Stores a write touches: its own, plus the outbox row and its seq in meta. A database opened at v1
 * (migration tests) has no outbox, and nothing can be queued there anyway (no team connected).
 */
function withOutbox<S extends 'clips' | 'taxonomy'>(db: CairnDb, store: S): [S, 'meta', 'outbox'] {
  return (db.objectStoreNames.contains('outbox') ? [store, 'meta', 'outbox'] : [store, 'meta']) as [S, 'meta', 'outbox'];
}

/**
 * The clip library over one IndexedDB database, opened lazily and reopened after a version change.
 * Every change to a team-visible clip (and every taxonomy edit while a team is connected) queues its
 * sync mutation in the same transaction as the change.
 */
export class ClipStore {
  private connection: Promise<CairnDb> | null = null;
  /** Outbox, cursor and pulled-change records for the sync engine (same database). */
  readonly sync: SyncRecords = createSyncRecords(() => this.db());

  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly name = 'cairn',
    private readonly openOptions: OpenOptions = {},
  ) {}

  private db(): Promise<CairnDb> {
    if (!this.connection) {
      const opening = openCairnDb(this.factory, this.name, {
        ...this.openOptions,
        onVersionChange: () => {
          this.connection = null;
          this.openOptions.onVersionChange?.();
        },
      });
      this.connection = opening;
      // A failed open is not cached: the next call tries again.
      opening.catch(() => {
        if (this.connection === opening) this.connection = null;
      });
    }
    return this.connection;
  }

  /** Insert or replace a clip (by id). */
  put(clip: Clip): Promise<Clip> {
    return guard('save the clip', async () => {
      const db = await this.db();
      await runTransaction(db, withOutbox(db, 'clips'), 'readwrite', async (tx) => {
        const store = tx.objectStore('clips');
        const previous = await store.get(clip.id);
        await store.put(clip);
        await enqueueInTransaction(tx, clipMutations(previous, clip), clip.updatedAt);
      });
      return clip;
    });
  }

  /**
   * Find the clip a save should replace — `match.id` when given, else the newest live clip with
   * `match.canonicalUrl` — and write `build(previous)` in the same transaction, so two saves of one
   * page racing each other (a double-pressed shortcut) still make one clip, never a silent second copy.
   */
  upsert(match: { id?: string; canonicalUrl: string }, build: (previous: Clip | null) => Clip): Promise<{ clip: Clip; previous: Clip | null }> {
    return guard('save the clip', async () => {
      const db = await this.db();
      return runTransaction(db, withOutbox(db, 'clips'), 'readwrite', async (tx) => {
        const store = tx.objectStore('clips');
        let previous: Clip | null;
        if (match.id !== undefined) {
          previous = (await store.get(match.id)) ?? null;
          if (!previous) throw new StorageError(`Cairn could not update the clip: no clip with id ${match.id}.`, 'not-found');
        } else {
          const same = await store.index('canonicalUrl').getAll(match.canonicalUrl);
          previous = same.filter(isLive).sort(newestFirst)[0] ?? null;
        }
        const clip = build(previous);
        await store.put(clip);
        await enqueueInTransaction(tx, clipMutations(previous, clip), clip.updatedAt);
        return { clip, previous };
      });
    });
  }

  /** A clip by id, tombstoned or not; null when there is none. */
  get(id: string): Promise<Clip | null> {
    return guard('read the clip', async () => (await (await this.db()).get('clips', id)) ?? null);
  }

  /** The newest live clip whose canonicalUrl equals `url` exactly (callers pass the normalized URL). */
  findByCanonicalUrl(url: string): Promise<Clip | null> {
    return guard('look up the page', async () => {
      const all = await (await this.db()).getAllFromIndex('clips', 'canonicalUrl', url);
      return all.filter(isLive).sort(newestFirst)[0] ?? null;
    });
  }

  /** Live clips, newest first, optionally of one category (or unfiled) and capped at `limit`. */
  list(options: ListOptions = {}): Promise<Clip[]> {
    const limit = options.limit ?? Infinity;
    return guard('list clips', async () => {
      const db = await this.db();
      if (limit <= 0) return [];
      if (typeof options.categoryId === 'string') {
        const filed = await db.getAllFromIndex('clips', 'categoryId', options.categoryId);
        return filed.filter(isLive).sort(newestFirst).slice(0, limit);
      }
      const unfiledOnly = options.categoryId === null;
      return runTransaction(db, ['clips'], 'readonly', async (tx) => {
        const out: Clip[] = [];
        let cursor = await tx.objectStore('clips').index('createdAt').openCursor(null, 'prev');
        while (cursor && out.length < limit) {
          const clip = cursor.value;
          if (isLive(clip) && (!unfiledOnly || clip.categoryId === null)) out.push(clip);
          cursor = await cursor.continue();
        }
        return out;
      });
    });
  }

  /** Change a clip inside one transaction; rejects when the id is unknown. */
  private modify(id: string, action: string, change: (clip: Clip) => Clip): Promise<Clip> {
    return guard(action, async () => {
      const db = await this.db();
      return runTransaction(db, withOutbox(db, 'clips'), 'readwrite', async (tx) => {
        const store = tx.objectStore('clips');
        const current = await store.get(id);
        if (!current) throw new StorageError(`Cairn could not ${action}: no clip with id ${id}.`, 'not-found');
        const next = change(current);
        await store.put(next);
        await enqueueInTransaction(tx, clipMutations(current, next), next.updatedAt);
        return next;
      });
    });
  }

  /**
   * Write many clips in one transaction (all or nothing), each with its sync mutation: for every id,
   * `build(id, stored or null)` returns the clip to store, or null to leave that id alone. Bulk edits
   * and imports use it so a batch and its outbox entries commit together.
   */
  writeMany(ids: readonly string[], build: (id: string, previous: Clip | null) => Clip | null): Promise<Array<{ previous: Clip | null; clip: Clip }>> {
    return guard('save the clips', async () => {
      const db = await this.db();
      return runTransaction(db, withOutbox(db, 'clips'), 'readwrite', async (tx) => {
        const store = tx.objectStore('clips');
        const written: Array<{ previous: Clip | null; clip: Clip }> = [];
        for (const id of ids) {
          const previous = (await store.get(id)) ?? null;
          const clip = build(id, previous);
          if (!clip) continue;
          await store.put(clip);
          await enqueueInTransaction(tx, clipMutations(previous, clip), clip.updatedAt);
          written.push({ previous, clip });
        }
        return written;
      });
    });
  }

  /** Delete as a tombstone (deletedAt set), so undo and sync can still see it. */
  softDelete(id: string, now: Date = new Date()): Promise<Clip> {
    const at = now.toISOString();
    return this.modify(id, 'delete the clip', (clip) => ({ ...clip, deletedAt: at, updatedAt: at }));
  }

  /** Undo a soft delete. */
  restore(id: string, now: Date = new Date()): Promise<Clip> {
    return this.modify(id, 'restore the clip', (clip) => ({ ...clip, deletedAt: null, updatedAt: now.toISOString() }));
  }

  /** Apply a partial update to a clip (updatedAt set to `now`). */
  update(id: string, patch: Partial<Clip>, now: Date = new Date()): Promise<Clip> {
    return this.modify(id, 'update the clip', (clip) => ({ ...clip, ...patch, id: clip.id, createdAt: clip.createdAt, updatedAt: now.toISOString() }));
  }

  /**
   * Live clips' list items (no bodies, summary or notes), newest first, optionally of one category (or
   * unfiled) and capped at `limit`: what the library views show, from the list-item cache.
   */
  listItems(options: ListOptions = {}): Promise<ClipListItem[]> {
    return guard('list clips', async () => {
      const db = await this.db();
      // A database opened at an old version (migration tests) has no cache: derive the items.
      const all = db.objectStoreNames.contains('listItems') ? await readListItems(db) : (await db.getAll('clips')).map(listItemOf);
      const wanted = all.filter((c) => isLive(c) && (options.categoryId === undefined || c.categoryId === options.categoryId));
      return wanted.sort(newestFirst).slice(0, options.limit ?? Infinity);
    });
  }

  /** Every tag on a live clip, most used first (ties alphabetical). */
  allTags(): Promise<string[]> {
    return guard('list tags', async () => {
      const counts = new Map<string, number>();
      for (const clip of await this.listItems()) {
        if (!isLive(clip)) continue;
        for (const tag of new Set(clip.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
    });
  }

  /** The taxonomy in the order it was saved (seeded with the starter taxonomy on first open). */
  getTaxonomy(): Promise<Category[]> {
    return guard('read the taxonomy', async () => {
      const db = await this.db();
      return runTransaction(db, ['taxonomy', 'meta'], 'readonly', async (tx) => {
        const [categories, order] = await Promise.all([tx.objectStore('taxonomy').getAll(), tx.objectStore('meta').get(TAXONOMY_ORDER)]);
        const rank = new Map((Array.isArray(order) ? (order as string[]) : []).map((id, i) => [id, i]));
        return categories.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
      });
    });
  }

  /** Replace the whole taxonomy (one transaction: all or nothing). */
  saveTaxonomy(categories: Category[]): Promise<Category[]> {
    return guard('save the taxonomy', async () => {
      const ids = new Set<string>();
      for (const c of categories) {
        if (ids.has(c.id)) throw new Error(`duplicate category id "${c.id}"`);
        ids.add(c.id);
      }
      for (const c of categories) {
        if (c.parentId !== null && !ids.has(c.parentId)) throw new Error(`category "${c.id}" has an unknown parent "${c.parentId}"`);
      }
      const db = await this.db();
      await runTransaction(db, withOutbox(db, 'taxonomy'), 'readwrite', async (tx) => {
        const store = tx.objectStore('taxonomy');
        const before = await store.getAll();
        await store.clear();
        await Promise.all(categories.map((c) => store.put(c)));
        await tx.objectStore('meta').put(categories.map((c) => c.id), TAXONOMY_ORDER);
        await enqueueInTransaction(tx, taxonomyMutations(before, categories), new Date().toISOString());
      });
      return categories;
    });
  }

  /**
   * Run `work` in one readwrite transaction over clips, taxonomy, meta and outbox: for edits that must
   * change many clips and the taxonomy together, with their sync mutations, or not at all (re-filing
   * on a category merge, tag renames — lib/categorize/organize.ts).
   */
  editLibrary<T>(action: string, work: (tx: LibraryTx) => Promise<T>): Promise<T> {
    return guard(action, async () => {
      const db = await this.db();
      const stores = (db.objectStoreNames.contains('outbox') ? ['clips', 'taxonomy', 'meta', 'outbox'] : ['clips', 'taxonomy', 'meta']) as LibraryStores;
      return runTransaction(db, stores, 'readwrite', work);
    });
  }

  /** A small meta record (flags, undo record, cursors), or undefined. */
  getMeta<T>(key: string): Promise<T | undefined> {
    return guard('read settings', async () => (await (await this.db()).get('meta', key)) as T | undefined);
  }

  setMeta(key: string, value: unknown): Promise<void> {
    return guard('save settings', async () => {
      await (await this.db()).put('meta', value, key);
    });
  }

  /**
   * Update the meta record `key` with `update` and queue `mutations` for the team in one transaction
   * (usage counters: the local count and the mutation that carries it commit together). Returns the new value.
   */
  updateMetaAndEnqueue<T>(key: string, update: (previous: T | undefined) => T, mutations: LocalMutation[], at: string): Promise<T> {
    return guard('save usage', async () => {
      const db = await this.db();
      const stores = (db.objectStoreNames.contains('outbox') ? ['meta', 'outbox'] : ['meta']) as ['meta', 'outbox'];
      return runTransaction(db, stores, 'readwrite', async (tx) => {
        const next = update((await tx.objectStore('meta').get(key)) as T | undefined);
        await tx.objectStore('meta').put(next, key);
        if (stores.length === 2) await enqueueInTransaction(tx, mutations, at);
        return next;
      });
    });
  }

  deleteMeta(key: string): Promise<void> {
    return guard('save settings', async () => {
      await (await this.db()).delete('meta', key);
    });
  }

  /** Close the connection (tests; the next call reopens). */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    if (connection) (await connection.catch(() => null))?.close();
  }
}
