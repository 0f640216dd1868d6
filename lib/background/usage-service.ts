/**
 * Usage in the background: count an open (from Related or Search) or a helpful mark locally, and for
 * team clips queue the matching sync mutation in the same transaction (lib/usage/counters.ts); read the
 * team's insights and feed from the server. Counters only — nothing records pages that are not clips.
 */
import type { ClipStore } from '../db/clip-store';
import type { Handlers } from '../messaging';
import { getFeed, getInsights, type FetchLike } from '../sync/api';
import { TEAM_CONNECTION, type TeamConnection } from '../sync/connection';
import { countOpen, helpfulMutation, LOCAL_USAGE, markHelpful, openMutation, type LocalUsage } from '../usage/counters';

export type UsageMessage = 'usage:open' | 'usage:helpful' | 'usage:get' | 'team:insights' | 'team:feed';
export type UsageHandlers = Pick<Handlers, UsageMessage>;

export interface UsageServiceDeps {
  store: ClipStore;
  fetch: FetchLike;
  now?: () => number;
  /** A team mutation was queued: sync soon. */
  onQueued?: () => void;
}

/** Build the usage handlers. */
export function createUsageService(deps: UsageServiceDeps): UsageHandlers {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const connection = async () => {
    const conn = await store.getMeta<TeamConnection>(TEAM_CONNECTION);
    if (!conn) throw new Error('Not connected to a team.');
    return { fetch: deps.fetch, endpoint: conn.endpoint, token: conn.token };
  };
  const clipOrThrow = async (id: string) => {
    const clip = await store.get(id);
    if (!clip || clip.deletedAt) throw new Error(`No clip with id ${id}.`);
    return clip;
  };
  const usageOf = (usage: LocalUsage | undefined, id: string) => usage?.[id] ?? { opens: 0, lastOpenedAt: null, helpful: false };

  return {
    'usage:open': async ({ id }) => {
      const clip = await clipOrThrow(id);
      const at = new Date(now()).toISOString();
      const mutations = openMutation(clip);
      const usage = await store.updateMetaAndEnqueue<LocalUsage>(LOCAL_USAGE, (prev) => countOpen(prev, id, at), mutations, at);
      if (mutations.length) deps.onQueued?.();
      return usageOf(usage, id);
    },
    'usage:helpful': async ({ id, helpful }) => {
      const clip = await clipOrThrow(id);
      const at = new Date(now()).toISOString();
      const before = usageOf(await store.getMeta<LocalUsage>(LOCAL_USAGE), id).helpful;
      const mutations = helpfulMutation(clip, helpful, before);
      const usage = await store.updateMetaAndEnqueue<LocalUsage>(LOCAL_USAGE, (prev) => markHelpful(prev, id, helpful), mutations, at);
      if (mutations.length) deps.onQueued?.();
      return usageOf(usage, id);
    },
    'usage:get': async ({ id }) => usageOf(await store.getMeta<LocalUsage>(LOCAL_USAGE), id),
    'team:insights': async (req) => getInsights(await connection(), { staleDays: req?.staleDays }),
    'team:feed': async (req) => getFeed(await connection(), { since: req?.since, category: req?.category }),
  };
}
