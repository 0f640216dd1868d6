/**
 * The sync engine's records in the Cairn database: the outbox (read in seq order, trimmed on ack),
 * the pull cursor (saved in the same transaction as the changes it covers), and joining/leaving a
 * team. Every method rejects with a StorageError on failure.
 */
import type { Clip } from '../clip/types';
import type { Change } from '../sync/protocol';
import { applyPulledChanges, type ApplyCounts } from '../sync/apply';
import { SYNC_META, type OutboxEntry } from '../sync/outbox';
import { guard } from './errors';
import type { CairnDb } from './schema';
import { runTransaction } from './transaction';

/** What the sync client needs from local storage; ClipStore.sync implements it over IndexedDB. */
export interface SyncRecords {
  /** This device's client id for the connected team, or null when none is connected. */
  clientId(): Promise<string | null>;
  /** Up to `limit` pending mutations, lowest seq first. */
  pending(limit: number): Promise<OutboxEntry[]>;
  pendingCount(): Promise<number>;
  /** Drop every pending mutation with seq ≤ `lastSeq` (the server has it). */
  acknowledge(lastSeq: number): Promise<void>;
  /** The team version pulled up to (0 before the first pull). */
  cursor(): Promise<number>;
  /** Apply one pulled page and save `cursor` in the same transaction: both or neither. */
  applyPulled(changes: readonly Change[], cursor: number): Promise<ApplyCounts>;
  /**
   * After a push: move the cursor back so the next pull sees again what it skipped while mutations were
   * pending (`full`: from the very start, when the server refused a mutation or only reported it seen).
   */
  rewind(full: boolean): Promise<void>;
  /** This user's member id in the connected team, or null. */
  memberId(): Promise<string | null>;
  /** Joined a team: a fresh client id, seq from 1, no cursor, an empty outbox. */
  connect(clientId: string, memberId: string): Promise<void>;
  /**
   * Left the team: forget the identity, cursor and outbox; others' team clips leave this device and
   * this user's own shared clips turn private (kept, never pushed again).
   */
  disconnect(): Promise<void>;
}

/** Sync records over the database that `db()` opens. */
export function createSyncRecords(db: () => Promise<CairnDb>): SyncRecords {
  return {
    clientId: () => guard('read the sync state', async () => ((await (await db()).get('meta', SYNC_META.clientId)) as string | undefined) ?? null),

    pending: (limit) =>
      guard('read the outbox', async () => {
        const tx = (await db()).transaction('outbox', 'readonly');
        const out: OutboxEntry[] = [];
        let cursor = await tx.store.openCursor();
        while (cursor && out.length < limit) {
          out.push(cursor.value);
          cursor = await cursor.continue();
        }
        await tx.done;
        return out;
      }),

    pendingCount: () => guard('read the outbox', async () => (await db()).count('outbox')),

    acknowledge: (lastSeq) =>
      guard('update the outbox', async () => {
        await runTransaction(await db(), ['outbox'], 'readwrite', async (tx) => {
          let cursor = await tx.objectStore('outbox').openCursor();
          while (cursor && cursor.value.seq <= lastSeq) {
            await cursor.delete();
            cursor = await cursor.continue();
          }
        });
      }),

    cursor: () => guard('read the sync cursor', async () => Number((await (await db()).get('meta', SYNC_META.cursor)) ?? 0)),

    memberId: () => guard('read the sync state', async () => ((await (await db()).get('meta', SYNC_META.memberId)) as string | undefined) ?? null),

    applyPulled: (changes, cursor) =>
      guard('apply team changes', async () =>
        runTransaction(await db(), ['clips', 'taxonomy', 'meta', 'outbox'], 'readwrite', async (tx) => {
          const me = ((await tx.objectStore('meta').get(SYNC_META.memberId)) as string | undefined) ?? null;
          const counts = await applyPulledChanges(tx, changes, me);
          const meta = tx.objectStore('meta');
          await meta.put(cursor, SYNC_META.cursor);
          if (counts.rewindTo !== null) {
            const mark = (await meta.get(SYNC_META.rewind)) as number | undefined;
            await meta.put(Math.min(mark ?? Infinity, counts.rewindTo), SYNC_META.rewind);
          }
          return counts;
        }),
      ),

    rewind: (full) =>
      guard('reset the sync cursor', async () => {
        await runTransaction(await db(), ['meta'], 'readwrite', async (tx) => {
          const meta = tx.objectStore('meta');
          const mark = (await meta.get(SYNC_META.rewind)) as number | undefined;
          const cursor = Number((await meta.get(SYNC_META.cursor)) ?? 0);
          const target = full ? 0 : Math.min(cursor, mark ?? Infinity);
          if (target < cursor) await meta.put(target, SYNC_META.cursor);
          await meta.delete(SYNC_META.rewind);
        });
      }),

    connect: (clientId, memberId) =>
      guard('connect to the team', async () => {
        await runTransaction(await db(), ['meta', 'outbox'], 'readwrite', async (tx) => {
          await tx.objectStore('outbox').clear();
          const meta = tx.objectStore('meta');
          await meta.put(clientId, SYNC_META.clientId);
          await meta.put(memberId, SYNC_META.memberId);
          await meta.put(1, SYNC_META.nextSeq);
          await meta.delete(SYNC_META.cursor);
          await meta.delete(SYNC_META.rewind);
        });
      }),

    disconnect: () =>
      guard('leave the team', async () => {
        await runTransaction(await db(), ['clips', 'meta', 'outbox'], 'readwrite', async (tx) => {
          await tx.objectStore('outbox').clear();
          const meta = tx.objectStore('meta');
          const me = (await meta.get(SYNC_META.memberId)) as string | undefined;
          const isMine = (clip: Clip) => !clip.author || clip.author.id === me;
          const now = new Date().toISOString();
          for (const key of Object.values(SYNC_META)) await meta.delete(key);
          const clips = tx.objectStore('clips');
          for (const clip of await clips.index('visibility').getAll('team')) {
            if (isMine(clip)) await clips.put({ ...clip, visibility: 'private', updatedAt: now });
            else if (!clip.deletedAt) await clips.put({ ...clip, text: '', markdown: '', html: '', excerpt: '', note: '', teamNotes: [], deletedAt: now, updatedAt: now });
          }
        });
      }),
  };
}
