/** POST /v1/join: trade an invite code for membership and an API token (shown once). */
import { JoinRequestSchema, JoinResponseSchema } from '../../lib/sync/protocol';
import { joinTeam } from '../team/service';
import { defineRoute } from './route';

export const joinRoute = defineRoute({
  method: 'post',
  path: '/v1/join',
  summary: 'Join a team with an invite code; returns the API token once',
  access: 'public',
  body: JoinRequestSchema,
  response: JoinResponseSchema,
  status: 201,
  handle: ({ deps, body }) => joinTeam(deps.db, { code: body.code, name: body.name, now: deps.clock() }),
});
