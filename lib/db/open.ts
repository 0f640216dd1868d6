/**
 * Opens the Cairn database with any IDBFactory (the browser's, or fake-indexeddb in Node tests) and
 * runs the migrations. Rejects — never hangs — when an upgrade fails, is blocked by another open
 * connection, or takes longer than the timeout.
 */
import { wrap } from 'idb';
import { DB_VERSION, migrations as defaultMigrations, type CairnDb, type Migration, type UpgradeTransaction } from './schema';
import { StorageError, toStorageError } from './errors';

export interface OpenOptions {
  /** Target version (tests open older versions); defaults to DB_VERSION. */
  version?: number;
  migrations?: Record<number, Migration>;
  /** Give up after this long (a wedged browser profile must not hang the caller). */
  timeoutMs?: number;
  /** Called when a newer version elsewhere wants this connection gone; it has already been closed. */
  onVersionChange?: () => void;
}

/** Open (creating or upgrading) the database `name` from `factory`. */
export function openCairnDb(factory: IDBFactory = indexedDB, name = 'cairn', options: OpenOptions = {}): Promise<CairnDb> {
  const { version = DB_VERSION, migrations = defaultMigrations, timeoutMs = 15_000, onVersionChange } = options;
  return new Promise<CairnDb>((resolve, reject) => {
    let settled = false;
    let upgradeError: unknown = null;
    const fail = (err: StorageError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new StorageError(`Cairn's database did not open within ${timeoutMs} ms. Restart the browser and try again.`, 'timeout')),
      timeoutMs,
    );

    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (err) {
      fail(toStorageError(err, 'open its database'));
      return;
    }

    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as unknown as CairnDb;
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      // The failure is reported through the open request below; keep idb's done promise from going unhandled.
      tx.done.catch(() => undefined);
      try {
        for (let v = event.oldVersion + 1; v <= (event.newVersion ?? version); v++) {
          const migrate = migrations[v];
          if (!migrate) throw new Error(`no migration to version ${v}`);
          migrate(db, tx);
        }
      } catch (err) {
        upgradeError = err;
        request.transaction?.abort();
      }
    };

    request.onblocked = () => {
      fail(
        new StorageError(
          "Cairn's database upgrade is blocked by another open Cairn page. Close other Cairn tabs or side panels and try again.",
          'blocked',
        ),
      );
    };

    request.onerror = (event) => {
      event.preventDefault();
      const cause = upgradeError ?? request.error;
      fail(upgradeError ? new StorageError(`Cairn could not upgrade its database: ${String((upgradeError as Error).message ?? upgradeError)}`, 'aborted', { cause }) : toStorageError(cause, 'open its database'));
    };

    request.onsuccess = () => {
      const raw = request.result;
      if (settled) {
        // We already gave up (blocked or timed out); do not leak a connection nobody will close.
        raw.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      raw.onversionchange = () => {
        raw.close();
        onVersionChange?.();
      };
      resolve(wrap(raw) as unknown as CairnDb);
    };
  });
}
