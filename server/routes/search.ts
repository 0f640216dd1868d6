/** GET /v1/clips/search?q=: simple contains-search over the team's live clips (see server/clips/search.ts). */
import { SearchQuerySchema, SearchResponseSchema } from '../../lib/sync/protocol';
import { searchClips } from '../clips/search';
import { ANY_MEMBER, defineRoute } from './route';

export const searchRoute = defineRoute({
  method: 'get',
  path: '/v1/clips/search',
  summary: 'Search the team’s clips (case-insensitive contains over title, excerpt, abstract, URL)',
  access: ANY_MEMBER,
  query: SearchQuerySchema,
  response: SearchResponseSchema,
  handle: ({ deps, caller, query }) => searchClips(deps.db, caller.teamId, query.q, query.limit),
});
