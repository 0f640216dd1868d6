/** GET /v1/team/insights and GET /v1/feed: usage counters, contributions and the team feed (server/learn/*). */
import { FeedQuerySchema, FeedResponseSchema, InsightsQuerySchema, InsightsResponseSchema } from '../../lib/sync/protocol';
import { teamFeed } from '../learn/feed';
import { teamInsights } from '../learn/insights';
import { ANY_MEMBER, defineRoute } from './route';

export const insightsRoute = defineRoute({
  method: 'get',
  path: '/v1/team/insights',
  summary: 'Most useful and stale team clips, usage per category, and each member’s contributions (from counters, no visit log)',
  access: ANY_MEMBER,
  query: InsightsQuerySchema,
  response: InsightsResponseSchema,
  handle: ({ deps, caller, query }) => teamInsights(deps.db, deps.dialect, caller.teamId, query, deps.clock()),
});

export const feedRoute = defineRoute({
  method: 'get',
  path: '/v1/feed',
  summary: 'What the team recently shared, noted and found helpful, newest first, optionally in one category',
  access: ANY_MEMBER,
  query: FeedQuerySchema,
  response: FeedResponseSchema,
  handle: ({ deps, caller, query }) => teamFeed(deps.db, deps.dialect, caller.teamId, query),
});
