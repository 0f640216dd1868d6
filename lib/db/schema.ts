/**
 * The IndexedDB schema and its history: one migration per version, applied in order on upgrade.
 * Never edit a shipped migration; add `migrations[n + 1]` and bump DB_VERSION instead.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Clip, ClipListItem } from '../clip/types';
import type { Category } from '../categorize/types';
import { STARTER_TAXONOMY } from '../categorize/taxonomy';
import type { OutboxEntry } from '../sync/outbox-types';

/** The typed shape of the `cairn` database (current version). */
export interface CairnDbSchema extends DBSchema {
  clips: {
    key: string;
    value: Clip;
    indexes: { canonicalUrl: string; createdAt: string; updatedAt: string; categoryId: string; visibility: string };
  };
  /** v2: team mutations waiting to be pushed, keyed by the per-client sequence number (push order). */
  outbox: { key: number; value: OutboxEntry };
  taxonomy: { key: string; value: Category };
  /** Small key-value records: flags, the last quick clip's undo record, sync identity, seq and cursor. */
  meta: { key: string; value: unknown };
  /**
   * v3: the library list's items (lib/db/list-items.ts), a cache of `clips` without their bodies, brought
   * up to date from the clips changed since it last was. Listing 10k clips read every full record.
   */
  listItems: { key: string; value: ClipListItem };
}

export type CairnDb = IDBPDatabase<CairnDbSchema>;
export type UpgradeTransaction = IDBPTransaction<CairnDbSchema, StoreNames<CairnDbSchema>[], 'versionchange'>;

/** Brings a database from version `v - 1` to `v`, inside the upgrade transaction. */
export type Migration = (db: CairnDb, tx: UpgradeTransaction) => void;

/** The version the code expects; equal to the highest key of `migrations`. */
export const DB_VERSION = 3;

/** `migrations[v]` upgrades from v - 1 to v. */
export const migrations: Record<number, Migration> = {
  1: (db, tx) => {
    const clips = db.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('canonicalUrl', 'canonicalUrl');
    clips.createIndex('createdAt', 'createdAt');
    clips.createIndex('updatedAt', 'updatedAt');
    // Unfiled clips (categoryId null) are simply absent from this index: null is not a valid key.
    clips.createIndex('categoryId', 'categoryId');
    db.createObjectStore('taxonomy', { keyPath: 'id' });
    db.createObjectStore('meta');
    // First open: seed the starter taxonomy so suggestions work before the user builds their own.
    const taxonomy = tx.objectStore('taxonomy');
    for (const category of STARTER_TAXONOMY) void taxonomy.put(category);
    void tx.objectStore('meta').put(STARTER_TAXONOMY.map((c) => c.id), 'taxonomyOrder');
  },
  // v2 (team sync): the outbox, written in the same transaction as each change to a team clip, and
  // an index on visibility so sharing/leaving a team finds team clips without a full scan.
  // Existing clips need no back-fill: they are all private, and author/version are optional.
  2: (db, tx) => {
    db.createObjectStore('outbox', { keyPath: 'seq' });
    tx.objectStore('clips').createIndex('visibility', 'visibility');
  },
  // v3: the list-item cache. Filled on first use (from a full read, as every listing did before).
  3: (db) => {
    db.createObjectStore('listItems', { keyPath: 'id' });
  },
};
