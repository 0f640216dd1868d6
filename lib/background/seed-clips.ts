/**
 * Bulk-write clips straight into the library (E2E builds only: benchmarks seed thousands of clips).
 * One transaction per batch through lib/db's opener and transaction helper, so it is as fast as
 * IndexedDB allows and a failed batch rejects; no outbox records (seeded clips are never synced).
 */
import type { Clip } from '../clip/types';
import { openCairnDb, runTransaction } from '../db';

/** Put `clips` into the `cairn` database of `factory`, `batchSize` per transaction; resolves to how many were written. */
export async function seedClips(clips: readonly Clip[], factory: IDBFactory = indexedDB, batchSize = 500, name = 'cairn'): Promise<number> {
  const db = await openCairnDb(factory, name);
  try {
    for (let i = 0; i < clips.length; i += batchSize) {
      const batch = clips.slice(i, i + batchSize);
      await runTransaction(db, ['clips'], 'readwrite', async (tx) => {
        const store = tx.objectStore('clips');
        await Promise.all(batch.map((clip) => store.put(clip)));
      });
    }
    return clips.length;
  } finally {
    db.close();
  }
}
