/** Category proposals: any member lists and proposes; owners and editors accept (creating the category) or decline. */
import { ProposalCreateSchema, ProposalListSchema, ProposalSchema } from '../../lib/sync/protocol';
import { createProposal, decideProposal, listProposals } from '../proposals/service';
import { ANY_MEMBER, defineRoute } from './route';

export const listProposalsRoute = defineRoute({
  method: 'get',
  path: '/v1/proposals',
  summary: "Your team's category proposals, open ones first",
  access: ANY_MEMBER,
  response: ProposalListSchema,
  handle: async ({ deps, caller }) => ({ proposals: await listProposals(deps.db, caller) }),
});

export const createProposalRoute = defineRoute({
  method: 'post',
  path: '/v1/proposals',
  summary: 'Propose a new category (any member; owners and editors decide)',
  access: ANY_MEMBER,
  body: ProposalCreateSchema,
  response: ProposalSchema,
  status: 201,
  handle: ({ deps, caller, body }) => createProposal(deps.db, caller, body, deps.clock()),
});

export const acceptProposalRoute = defineRoute({
  method: 'post',
  path: '/v1/proposals/:id/accept',
  summary: 'Accept a proposal: the category is created in the team taxonomy (owners, editors)',
  access: ['owner', 'editor'],
  response: ProposalSchema,
  handle: ({ deps, caller, params }) => decideProposal(deps.db, caller, params.id!, 'accepted', deps.clock()),
});

export const declineProposalRoute = defineRoute({
  method: 'post',
  path: '/v1/proposals/:id/decline',
  summary: 'Decline a proposal (owners, editors)',
  access: ['owner', 'editor'],
  response: ProposalSchema,
  handle: ({ deps, caller, params }) => decideProposal(deps.db, caller, params.id!, 'declined', deps.clock()),
});
