/** POST /v1/invites and DELETE /v1/invites/:code: owners make and revoke invite codes of their own team. */
import { z } from 'zod';
import { InviteCreateSchema, InviteSchema } from '../../lib/sync/protocol';
import { createInvite, revokeInvite } from '../team/service';
import { defineRoute } from './route';

export const createInviteRoute = defineRoute({
  method: 'post',
  path: '/v1/invites',
  summary: 'Make an invite code (owners)',
  access: ['owner'],
  body: InviteCreateSchema,
  response: InviteSchema,
  status: 201,
  handle: ({ deps, caller, body }) => createInvite(deps.db, caller, body, deps.clock()),
});

export const revokeInviteRoute = defineRoute({
  method: 'delete',
  path: '/v1/invites/:code',
  summary: 'Revoke an invite code of your team (owners)',
  access: ['owner'],
  response: z.object({ revoked: z.string() }),
  async handle({ deps, caller, params }) {
    await revokeInvite(deps.db, caller, params.code!, deps.clock());
    return { revoked: params.code };
  },
});
