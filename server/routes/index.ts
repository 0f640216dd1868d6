/** Every route of the server, in one table: app.ts registers them and openapi.ts documents them from it. */
import { healthRoute } from './health';
import { createInviteRoute, revokeInviteRoute } from './invites';
import { joinRoute } from './join';
import { feedRoute, insightsRoute } from './learn';
import { removeMemberRoute } from './members';
import { openApiRoute } from './openapi';
import { acceptProposalRoute, createProposalRoute, declineProposalRoute, listProposalsRoute } from './proposals';
import type { RouteSpec } from './route';
import { searchRoute } from './search';
import { pullRoute, pushRoute } from './sync';
import { teamRoute } from './team';

export const ROUTES: readonly RouteSpec[] = [
  healthRoute,
  openApiRoute,
  joinRoute,
  teamRoute,
  createInviteRoute,
  revokeInviteRoute,
  removeMemberRoute,
  pushRoute,
  pullRoute,
  searchRoute,
  insightsRoute,
  feedRoute,
  listProposalsRoute,
  createProposalRoute,
  acceptProposalRoute,
  declineProposalRoute,
];
