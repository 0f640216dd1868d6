/**
 * Where the side panel keeps its search-index snapshot between openings: a small database of its own
 * (`cairn-recall-cache`), so the library's schema stays untouched and the cache can be dropped at any
 * time (it is rebuilt from the library). One record, replaced on each save.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { SearchSnapshot } from '../search';
import type { LibraryStamp } from './clip-source';
import type { CategoryNames } from './cards';
import type { PackedCards } from './card-pack';

/** Bump when the cached shape or the index's meaning changes: older records are ignored. */
export const CACHE_FORMAT = 4;

/** What the cache holds: the index snapshot, the cards it shows, and the library state it reflects. */
export interface CachedIndex {
  format: number;
  stamp: LibraryStamp;
  /** The category names indexed into the clips, by id (a rename re-indexes only that category's clips). */
  categoryNames: CategoryNames;
  /** Typed arrays and packed strings throughout (cairn-search/3): IndexedDB clones them almost for free. */
  snapshot: SearchSnapshot;
  cards: PackedCards;
  savedAt: string;
}

export interface SnapshotCache {
  load(): Promise<CachedIndex | null>;
  save(record: CachedIndex): Promise<void>;
  clear(): Promise<void>;
}

/** The cache over IndexedDB `factory`. Failures read as "no cache" (it is only an accelerator). */
export function createIdbSnapshotCache(factory: IDBFactory = indexedDB, name = 'cairn-recall-cache'): SnapshotCache {
  let conn: Promise<IDBPDatabase> | null = null;
  const db = () => {
    // idb's openDB uses the global indexedDB; a custom factory is bound through its global for tests.
    conn ??= withFactory(factory, () => openDB(name, 1, { upgrade: (d) => void d.createObjectStore('index') }));
    conn.catch(() => { conn = null; });
    return conn;
  };
  return {
    async load() {
      try {
        const rec = (await (await db()).get('index', 'current')) as CachedIndex | undefined;
        return rec && rec.format === CACHE_FORMAT ? rec : null;
      } catch {
        return null;
      }
    },
    async save(record) {
      await (await db()).put('index', record, 'current');
    },
    async clear() {
      await (await db()).delete('index', 'current');
    },
  };
}

function withFactory<T>(factory: IDBFactory, run: () => T): T {
  const scope = globalThis as { indexedDB?: IDBFactory };
  if (scope.indexedDB === factory) return run();
  const before = scope.indexedDB;
  scope.indexedDB = factory;
  try {
    return run();
  } finally {
    scope.indexedDB = before;
  }
}

/** A cache in memory (tests, or when IndexedDB is unavailable). */
export function createMemorySnapshotCache(): SnapshotCache & { record: CachedIndex | null } {
  const cache = {
    record: null as CachedIndex | null,
    async load() { return cache.record ? structuredClone(cache.record) : null; },
    async save(r: CachedIndex) { cache.record = structuredClone(r); },
    async clear() { cache.record = null; },
  };
  return cache;
}
