/**
 * The sync client: one run pushes this device's pending team mutations and pulls the team's changes.
 *
 *  1. Push. Read pending mutations from the outbox in seq order, at most `pushBatch` at a time, and send
 *     them with this client's id. The server records the last seq it applied for the client in the same
 *     transaction as the writes, so a replay (a retry after a lost response) changes nothing. Drop every
 *     row up to the server's `lastSeq`. Repeat until the outbox is empty.
 *  2. Rewind if needed. If the server refused a mutation, or reported one as already seen (its first
 *     answer was lost, so we cannot know whether it was refused), the local copy may be ahead of the team
 *     with nothing newer coming: pull from the start. Otherwise, if an earlier pull skipped changes
 *     because mutations were pending, pull again from the first skipped version.
 *  3. Pull. From the saved cursor, page by page: drop outbox rows the server says it already has (its
 *     `lastSeq` for this client, in case a push answer was lost), then apply the page and save the next
 *     cursor in the same transaction (lib/db/sync-records.ts, rules in lib/sync/apply.ts). Re-pulling a
 *     page writes the same state again: nothing changes.
 *  4. Repeat from 1 while local changes arrived during the run (bounded), then report the state.
 *
 * Any failure stops the run where it is (everything done so far is committed and safe to redo) and
 * schedules the next attempt with exponential backoff and jitter (lib/sync/backoff.ts). Runs never
 * overlap: asking while one is running makes it run once more afterwards.
 */
import type { SyncRecords } from '../db/sync-records';
import { pullChanges, pushMutations, SyncError, type FetchLike } from './api';
import { backoffDelay, type BackoffOptions } from './backoff';
import { SYNC_LIMITS, type MutationInput } from './protocol';

/** What the side panel shows: the state in words a user understands. */
export interface SyncState {
  status: 'idle' | 'syncing' | 'offline' | 'error';
  /** When the last run finished without error (ms since epoch), or null. */
  lastSyncedAt: number | null;
  /** Local team changes not yet on the server. */
  pending: number;
  /** The last failure and what to do about it; null once a run succeeds. */
  lastError: { message: string; advice: string; kind: string; at: number } | null;
  /** Consecutive failed runs. */
  failures: number;
  /** When the next automatic retry is due after a failure (ms since epoch), or null. */
  retryAt: number | null;
}

export interface SyncClientOptions {
  fetch: FetchLike;
  /** Local records: `ClipStore.sync` over IndexedDB (or any implementation of the interface). */
  store: SyncRecords;
  endpoint: string;
  token: string;
  /** This device's client id; defaults to the one saved when the team was joined. */
  clientId?: string;
  clock?: () => number;
  random?: () => number;
  pushBatch?: number;
  pullLimit?: number;
  backoff?: BackoffOptions;
  /** Upper bound on push/pull rounds in one run (local edits during a run trigger another round). */
  maxRounds?: number;
  timeoutMs?: number;
}

/** What one run did. */
export interface SyncRunResult {
  ok: boolean;
  pushed: number;
  pulled: number;
  error: SyncError | null;
}

/** Build a sync client over `options` (nothing runs until `sync()` is called). */
export function createSyncClient(options: SyncClientOptions) {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const pushBatch = Math.min(options.pushBatch ?? 200, SYNC_LIMITS.maxMutations);
  const pullLimit = Math.min(options.pullLimit ?? SYNC_LIMITS.defaultPullLimit, SYNC_LIMITS.maxPullLimit);
  const api = { fetch: options.fetch, endpoint: options.endpoint, token: options.token, timeoutMs: options.timeoutMs };
  const listeners = new Set<(state: SyncState) => void>();
  let state: SyncState = { status: 'idle', lastSyncedAt: null, pending: 0, lastError: null, failures: 0, retryAt: null };
  let running: Promise<SyncRunResult> | null = null;
  let queued: Promise<SyncRunResult> | null = null;

  function publish(patch: Partial<SyncState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  async function clientId(): Promise<string> {
    const id = options.clientId ?? (await options.store.clientId());
    if (!id) throw new SyncError('This device is not connected to a team.', 'unauthorized', 'Connect in Settings → Team.');
    return id;
  }

  async function runOnce(totals: { pushed: number; pulled: number }): Promise<void> {
    const store = options.store;
    const id = await clientId();
    const maxRounds = options.maxRounds ?? 5;
    for (let round = 0; round < maxRounds; round++) {
      // 1. Push the outbox in seq order, batch by batch.
      let unsure = false;
      for (;;) {
        const rows = await store.pending(pushBatch);
        if (rows.length === 0) break;
        const mutations = rows.map((row) => ({ ...row.mutation, seq: row.seq }) as MutationInput);
        const answer = await pushMutations(api, { clientId: id, mutations });
        if (answer.results.some((r) => r.status !== 'applied')) unsure = true;
        const highest = rows[rows.length - 1]!.seq;
        if (answer.lastSeq < highest) {
          throw new SyncError(`The team server acknowledged changes up to #${answer.lastSeq} of #${highest}.`, 'server', 'Cairn will retry; if it keeps failing, tell whoever runs the team server.');
        }
        await store.acknowledge(answer.lastSeq);
        totals.pushed += rows.length;
      }
      // 2. Rewind the cursor when the local state may be ahead of what is coming.
      await store.rewind(unsure);
      // 3. Pull page by page; each page and its cursor commit together.
      let cursor = await store.cursor();
      for (;;) {
        const page = await pullChanges(api, { cursor, limit: pullLimit, clientId: id });
        if (page.lastSeq > 0) await store.acknowledge(page.lastSeq);
        await store.applyPulled(page.changes, page.cursor);
        totals.pulled += page.changes.length;
        cursor = page.cursor;
        if (!page.more || page.changes.length === 0) break;
      }
      // 4. Go round again only if local changes arrived meanwhile.
      if ((await store.pendingCount()) === 0) return;
    }
  }

  async function run(): Promise<SyncRunResult> {
    const totals = { pushed: 0, pulled: 0 };
    publish({ status: 'syncing' });
    try {
      await runOnce(totals);
      publish({ status: 'idle', lastSyncedAt: clock(), lastError: null, failures: 0, retryAt: null, pending: await options.store.pendingCount().catch(() => state.pending) });
      return { ok: true, ...totals, error: null };
    } catch (err) {
      const error =
        err instanceof SyncError ? err : new SyncError(`Sync failed: ${err instanceof Error ? err.message : String(err)}`, 'server', 'Cairn will retry; if it keeps failing, reload the extension.');
      const failures = state.failures + 1;
      const now = clock();
      const retryable = error.kind !== 'unauthorized' && error.kind !== 'forbidden';
      publish({
        status: error.kind === 'offline' ? 'offline' : 'error',
        lastError: { message: error.message, advice: error.advice, kind: error.kind, at: now },
        failures,
        retryAt: retryable ? now + backoffDelay(failures, random, options.backoff) : null,
        pending: await options.store.pendingCount().catch(() => state.pending),
      });
      return { ok: false, ...totals, error };
    }
  }

  /** Run a sync now (or once more after the one in progress). Never rejects: failures are in the result and state. */
  function sync(): Promise<SyncRunResult> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return sync();
    });
    return queued;
  }

  return {
    sync,
    /** The current state (a fresh object after every change). */
    state: () => state,
    /** Restore a saved state (the service worker restarted) before the first run. */
    restore(saved: Partial<SyncState>): void {
      publish({ ...saved, status: saved.status === 'syncing' ? 'idle' : (saved.status ?? 'idle') });
    },
    /** Call `listener` on every state change; returns the unsubscribe. */
    subscribe(listener: (state: SyncState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
