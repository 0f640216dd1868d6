/** POST /v1/sync/push and GET /v1/sync/pull: thin wrappers over server/sync/engine.ts. */
import { PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '../../lib/sync/protocol';
import { HttpError } from '../middleware/errors';
import { pull, push } from '../sync/engine';
import { ANY_MEMBER, defineRoute } from './route';

export const pushRoute = defineRoute({
  method: 'post',
  path: '/v1/sync/push',
  summary: 'Apply a client’s mutations (owners and editors; viewers only usage.open / usage.helpful); replays change nothing',
  access: ANY_MEMBER,
  body: PushRequestSchema,
  response: PushResponseSchema,
  handle: ({ deps, caller, body }) => {
    // Viewers read, and count what they used: a push from a viewer may carry usage mutations only.
    if (caller.role === 'viewer' && body.mutations.some((m) => m.type !== 'usage.open' && m.type !== 'usage.helpful')) {
      throw new HttpError(403, 'forbidden', 'viewers can only send usage (usage.open, usage.helpful); changing clips or the taxonomy needs the role owner or editor');
    }
    return push(deps.db, caller, body, deps.clock());
  },
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
