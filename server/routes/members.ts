/** DELETE /v1/members/:id: an owner removes a member of their team; the member's token stops working at once. */
import { z } from 'zod';
import { removeMember } from '../team/service';
import { defineRoute } from './route';

export const removeMemberRoute = defineRoute({
  method: 'delete',
  path: '/v1/members/:id',
  summary: 'Remove a member of your team (owners); their token is refused from now on',
  access: ['owner'],
  response: z.object({ removed: z.string() }),
  async handle({ deps, caller, params }) {
    await removeMember(deps.db, caller, params.id!, deps.clock());
    return { removed: params.id };
  },
});
