/** One helper for every transaction, so each failure (request error, abort, commit failure) rejects. */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CairnDb, CairnDbSchema } from './schema';

type Names = StoreNames<CairnDbSchema>[];
export type Tx<S extends Names, M extends IDBTransactionMode> = IDBPTransaction<CairnDbSchema, S, M>;

/**
 * Run `work` in a transaction and resolve with its result only once the transaction has committed.
 * If `work` throws the transaction is aborted (nothing half-written); if the commit fails (abort,
 * quota) the promise rejects with that error.
 */
export async function runTransaction<S extends Names, M extends IDBTransactionMode, T>(
  db: CairnDb,
  stores: S,
  mode: M,
  work: (tx: Tx<S, M>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode) as Tx<S, M>;
  const done = tx.done;
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failing request.
    }
    done.catch(() => undefined);
    throw err;
  }
}
