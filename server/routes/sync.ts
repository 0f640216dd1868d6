/** POST /v1/sync/push and GET /v1/sync/pull: thin wrappers over server/sync/engine.ts. */
import { PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '../../lib/sync/protocol';
import { pull, push } from '../sync/engine';
import { ANY_MEMBER, defineRoute } from './route';

export const pushRoute = defineRoute({
  method: 'post',
  path: '/v1/sync/push',
  summary: 'Apply a client’s mutations (owners and editors); replays change nothing',
  access: ['owner', 'editor'],
  body: PushRequestSchema,
  response: PushResponseSchema,
  handle: ({ deps, caller, body }) => push(deps.db, caller, body, deps.clock()),
});

export const pullRoute = defineRoute({
  method: 'get',
  path: '/v1/sync/pull',
  summary: 'Changes after a cursor, in server order, tombstones included',
  access: ANY_MEMBER,
  query: PullQuerySchema,
  response: PullResponseSchema,
  handle: ({ deps, caller, query }) => pull(deps.db, caller, query),
});
