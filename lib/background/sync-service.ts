/**
 * Team sync in the background: joining and leaving a team, the sync client for the saved connection,
 * and when to run it — after local changes (debounced), on the periodic alarm, at start-up, and when
 * asked. Nothing authoritative lives in memory: the connection, outbox, cursor and last state are in
 * IndexedDB, so a service worker killed at any moment picks up where it was on its next wake-up.
 */
import type { ClipStore } from '../db/clip-store';
import type { Handlers, TeamStatus } from '../messaging';
import { decideProposal, getTeam, join, listProposals, normalizeEndpoint, proposeCategory, type FetchLike } from '../sync/api';
import { createSyncClient, type SyncClient, type SyncState } from '../sync/client';
import { summarize, TEAM_CONNECTION, type TeamConnection } from '../sync/connection';

/** The messages the sync service answers. */
export type SyncMessage = 'clip:share' | 'team:status' | 'team:connect' | 'team:leave' | 'team:info' | 'sync:now' | 'proposals:list' | 'proposals:create' | 'proposals:decide';
export type SyncHandlers = Pick<Handlers, SyncMessage>;

/** Meta key of the last sync state (so the panel shows it after a worker restart). */
export const SYNC_STATE = 'sync.uiState';

/** Name of the periodic alarm. */
export const SYNC_ALARM = 'cairn-sync';

export interface SyncServiceDeps {
  store: ClipStore;
  fetch: FetchLike;
  /** Tell open pages the sync state changed. */
  broadcast: (status: TeamStatus) => void | Promise<void>;
  /** Tell open pages the library changed (pulled clips, share/unshare). */
  clipsChanged: () => void | Promise<void>;
  now?: () => number;
  random?: () => number;
  newClientId?: () => string;
  debounceMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const IDLE: SyncState = { status: 'idle', lastSyncedAt: null, pending: 0, lastError: null, failures: 0, retryAt: null };

/** Build the sync service (registers nothing; entrypoints/background.ts wires the listeners). */
export function createSyncService(deps: SyncServiceDeps) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const newClientId = deps.newClientId ?? (() => crypto.randomUUID());
  let client: { key: string; client: SyncClient } | null = null;
  let timer: unknown = null;
  let lastState: SyncState = IDLE;

  const connection = async () => (await store.getMeta<TeamConnection>(TEAM_CONNECTION)) ?? null;

  async function status(): Promise<TeamStatus> {
    const conn = await connection();
    const saved = client ? client.client.state() : ((await store.getMeta<SyncState>(SYNC_STATE)) ?? lastState);
    const pending = conn ? await store.sync.pendingCount() : 0;
    return { connection: summarize(conn), sync: { ...saved, pending } };
  }

  async function publish(): Promise<void> {
    const current = await status();
    lastState = current.sync;
    await store.setMeta(SYNC_STATE, current.sync).catch(() => undefined);
    await Promise.resolve(deps.broadcast(current)).catch(() => undefined);
  }

  async function clientFor(conn: TeamConnection): Promise<SyncClient> {
    const key = `${conn.endpoint}\n${conn.token}\n${conn.clientId}`;
    if (client?.key === key) return client.client;
    const made = createSyncClient({ fetch: deps.fetch, store: store.sync, endpoint: conn.endpoint, token: conn.token, clientId: conn.clientId, clock: now, random: deps.random });
    const saved = await store.getMeta<SyncState>(SYNC_STATE);
    if (saved) made.restore(saved);
    made.subscribe(() => void publish());
    client = { key, client: made };
    return made;
  }

  /** Run one sync if connected; a retry is scheduled from the backoff when it fails. */
  async function syncNow(): Promise<TeamStatus> {
    const conn = await connection();
    if (!conn) return status();
    const c = await clientFor(conn);
    const result = await c.sync();
    if (result.pulled > 0) await Promise.resolve(deps.clipsChanged()).catch(() => undefined);
    const retryAt = c.state().retryAt;
    // Short backoffs run on a timer; longer ones (and a worker that died meanwhile) are the alarm's.
    if (retryAt !== null && retryAt - now() < 60_000) schedule(Math.max(0, retryAt - now()));
    return status();
  }

  /** Sync soon (debounced): after every local change, so bursts of edits make one push. */
  function schedule(delayMs = deps.debounceMs ?? 2_000): void {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      void syncNow().catch((err) => console.error('Cairn: sync failed', err));
    }, delayMs);
  }

  /** The periodic alarm: sync unless a backoff says to wait longer. */
  async function onAlarm(): Promise<void> {
    const conn = await connection();
    if (!conn) return;
    const state = (await clientFor(conn)).state();
    if (state.retryAt !== null && state.retryAt > now()) return;
    if (state.lastError?.kind === 'unauthorized') return;
    await syncNow();
  }

  async function connect(req: { endpoint: string; code: string; name: string }): Promise<TeamStatus> {
    const endpoint = normalizeEndpoint(req.endpoint);
    const joined = await join({ fetch: deps.fetch, endpoint }, req.code.trim(), req.name.trim());
    if (await connection()) await store.sync.disconnect();
    const conn: TeamConnection = {
      endpoint,
      token: joined.token,
      clientId: newClientId(),
      team: joined.team,
      member: joined.member,
      connectedAt: new Date(now()).toISOString(),
    };
    await store.sync.connect(conn.clientId, conn.member.id);
    await store.setMeta(TEAM_CONNECTION, conn);
    await store.setMeta(SYNC_STATE, IDLE);
    client = null;
    schedule(0);
    await publish();
    return status();
  }

  async function leave(): Promise<TeamStatus> {
    await store.sync.disconnect();
    await store.deleteMeta(TEAM_CONNECTION);
    await store.setMeta(SYNC_STATE, IDLE);
    client = null;
    lastState = IDLE;
    await Promise.resolve(deps.clipsChanged()).catch(() => undefined);
    await publish();
    return status();
  }

  async function share(id: string, shared: boolean) {
    const conn = await connection();
    if (shared && !conn) throw new Error('Connect to a team first (Settings → Team), then share.');
    const clip = await store.get(id);
    if (!clip) throw new Error(`No clip with id ${id}.`);
    if (!shared && clip.author && conn && clip.author.id !== conn.member.id) throw new Error(`Only ${clip.author.name}, who shared this clip, can unshare it.`);
    const next = await store.update(id, { visibility: shared ? 'team' : 'private' }, new Date(now()));
    await Promise.resolve(deps.clipsChanged()).catch(() => undefined);
    schedule();
    return next;
  }

  const handlers: SyncHandlers = {
    'clip:share': ({ id, shared }) => share(id, shared),
    'team:status': () => status(),
    'team:connect': (req) => connect(req),
    'team:leave': () => leave(),
    'team:info': async () => {
      const conn = await connection();
      if (!conn) throw new Error('Not connected to a team.');
      return getTeam({ fetch: deps.fetch, endpoint: conn.endpoint, token: conn.token });
    },
    'sync:now': () => syncNow(),
    'proposals:list': async () => listProposals(await apiOptions()),
    'proposals:create': async (proposal) => proposeCategory(await apiOptions(), proposal),
    'proposals:decide': async ({ id, decision }) => {
      const decided = await decideProposal(await apiOptions(), id, decision);
      // An accepted proposal is a new team category: pull it now, so the taxonomy shows it at once.
      if (decided.status === 'accepted') await syncNow().catch(() => undefined);
      return decided;
    },
  };

  /** How to call the connected team's server; rejects when no team is connected. */
  async function apiOptions() {
    const conn = await connection();
    if (!conn) throw new Error('Not connected to a team.');
    return { fetch: deps.fetch, endpoint: conn.endpoint, token: conn.token };
  }

  return { handlers, schedule, syncNow, onAlarm, status, connect, leave };
}

export type SyncService = ReturnType<typeof createSyncService>;
