/** GET /v1/team: the caller's team, its members (role, clips shared) and, for owners, live invites. */
import { TeamResponseSchema } from '../../lib/sync/protocol';
import { describeTeam } from '../team/service';
import { ANY_MEMBER, defineRoute } from './route';

export const teamRoute = defineRoute({
  method: 'get',
  path: '/v1/team',
  summary: 'The team, its members with roles and contribution counts',
  access: ANY_MEMBER,
  response: TeamResponseSchema,
  handle: ({ deps, caller }) => describeTeam(deps.db, caller, deps.clock()),
});
