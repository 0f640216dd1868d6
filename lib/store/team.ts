/**
 * State of team sharing in a page: the connection (never the token), the sync state, and the team's
 * members as the server reports them. Talks to the background through the injected `send`; call
 * `received(status)` when the background broadcasts a sync change.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clip, ClipListItem } from '../clip/types';
import type { TeamStatus } from '../messaging';
import type { TeamResponse } from '../sync/protocol';
import { errorMessage, type Send } from './send';

export interface TeamState {
  status: TeamStatus | null;
  info: TeamResponse | null;
  /** How long the last connection test took (ms), or null. */
  testMs: number | null;
  busy: 'connect' | 'leave' | 'sync' | 'test' | null;
  error: string | null;

  load(): Promise<void>;
  received(status: TeamStatus): void;
  /** Join; `grant` asks the browser for the server's origin first (it must run inside the click). */
  connect(input: { endpoint: string; code: string; name: string }, grant: (endpoint: string) => Promise<boolean>): Promise<boolean>;
  leave(): Promise<void>;
  syncNow(): Promise<void>;
  /** Fetch the team (members, contributions); doubles as the connection test. */
  loadInfo(): Promise<void>;
  share(id: string, shared: boolean): Promise<Clip>;
}

/** Thrown (as the store's error) when the user did not allow the server's origin. */
export class PermissionDenied extends Error {
  constructor(readonly origin: string) {
    super(`permission denied for ${origin}`);
  }
}

/** Create the team store over `send`; `now` times the connection test. */
export function createTeamStore(send: Send, now: () => number = () => performance.now()): StoreApi<TeamState> {
  return createStore<TeamState>((set, get) => ({
    status: null,
    info: null,
    testMs: null,
    busy: null,
    error: null,

    async load() {
      try {
        set({ status: await send('team:status', undefined) });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    received(status) {
      set({ status });
    },

    async connect(input, grant) {
      set({ busy: 'connect', error: null });
      try {
        let origin: string;
        try {
          origin = new URL(input.endpoint.trim()).origin;
        } catch {
          throw new Error(`“${input.endpoint}” is not a web address (it should look like https://cairn.example.org).`);
        }
        if (!(await grant(origin))) throw new PermissionDenied(origin);
        const status = await send('team:connect', input);
        set({ status, info: null, testMs: null });
        return true;
      } catch (err) {
        set({ error: err instanceof PermissionDenied ? `permission:${err.origin}` : errorMessage(err) });
        return false;
      } finally {
        set({ busy: null });
      }
    },

    async leave() {
      set({ busy: 'leave', error: null });
      try {
        set({ status: await send('team:leave', undefined), info: null, testMs: null });
      } catch (err) {
        set({ error: errorMessage(err) });
      } finally {
        set({ busy: null });
      }
    },

    async syncNow() {
      set({ busy: 'sync', error: null });
      try {
        set({ status: await send('sync:now', undefined) });
      } catch (err) {
        set({ error: errorMessage(err) });
      } finally {
        set({ busy: null });
      }
    },

    async loadInfo() {
      if (!get().status?.connection) return;
      set({ busy: 'test', error: null });
      const started = now();
      try {
        const info = await send('team:info', undefined);
        set({ info, testMs: Math.round(now() - started) });
      } catch (err) {
        set({ error: errorMessage(err), testMs: null });
      } finally {
        set({ busy: null });
      }
    },

    share(id, shared) {
      return send('clip:share', { id, shared });
    },
  }));
}

/** Team clips, most recently changed first (the Team view's "recent"). */
export function recentTeamClips<C extends ClipListItem>(clips: readonly C[], limit = 20): C[] {
  return clips
    .filter((c) => c.visibility === 'team' && !c.deletedAt)
    .sort((a, b) => (a.updatedAt === b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? 1 : -1))
    .slice(0, limit);
}
