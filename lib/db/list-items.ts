/**
 * The library list's items without reading every full clip: the `listItems` store keeps each clip's
 * list item, and a read first brings it up to date from the clips whose updatedAt is at or after the
 * last catch-up (every write to a clip moves its updatedAt forward; clips are never hard-deleted, a
 * tombstone is a write). Writers need not know about it; at 10k clips a listing read ~45 MB of full
 * records, now it reads the small items plus what changed.
 */
import { listItemOf, type ClipListItem } from '../clip/types';
import type { CairnDb } from './schema';
import { runTransaction } from './transaction';

/** meta key: the updatedAt the cache is complete up to (exclusive of writes still in flight). */
export const LIST_ITEMS_STAMP = 'listItemsUpTo';
/**
 * The stamp stays this far behind the local clock: a write whose updatedAt was taken just before a
 * catch-up may commit just after it, and a team clip stamped by a clock ahead of ours must not make
 * the cache skip our next writes. Re-reading the last minute's changes costs little.
 */
const OVERLAP_MS = 60_000;

/** Bring the cache up to date; returns how many clips were re-read. */
export async function catchUpListItems(db: CairnDb, now: () => number = Date.now): Promise<number> {
  const since = (await db.get('meta', LIST_ITEMS_STAMP)) as string | undefined;
  const startedAt = now();
  const changed = since ? await db.getAllFromIndex('clips', 'updatedAt', IDBKeyRange.lowerBound(since)) : await db.getAll('clips');
  if (changed.length === 0 && since) return 0;
  let newest = since ?? '';
  for (const clip of changed) if (typeof clip.updatedAt === 'string' && clip.updatedAt > newest) newest = clip.updatedAt;
  const ceiling = new Date(startedAt - OVERLAP_MS).toISOString();
  const upTo = newest < ceiling ? newest : ceiling;
  await runTransaction(db, ['listItems', 'meta'], 'readwrite', async (tx) => {
    const items = tx.objectStore('listItems');
    await Promise.all(changed.map((clip) => items.put(listItemOf(clip))));
    // Never move the stamp back (another catch-up may have gone further meanwhile).
    const current = (await tx.objectStore('meta').get(LIST_ITEMS_STAMP)) as string | undefined;
    if (!current || upTo > current) await tx.objectStore('meta').put(upTo, LIST_ITEMS_STAMP);
  });
  return changed.length;
}

/** Every list item (tombstones included), up to date. */
export async function readListItems(db: CairnDb, now?: () => number): Promise<ClipListItem[]> {
  await catchUpListItems(db, now);
  return db.getAll('listItems');
}
