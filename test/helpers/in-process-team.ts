/** A team server in this process (the real Hono app on in-memory SQLite) and a fetch that calls it. */
import { createApp } from '@/server/app';
import { openDatabase } from '@/server/db/open';
import { createTeam } from '@/server/team/service';
import type { FetchLike } from '@/lib/sync/api';

export const IN_PROCESS_ENDPOINT = 'http://team.test';

/** Start an app on a fresh in-memory database with one team; `fetch` goes through `app.request`. */
export async function inProcessTeam() {
  const server = await openDatabase(':memory:');
  const app = createApp({ db: server.db, rateLimit: false, log: () => undefined });
  const created = await createTeam(server.db, { name: 'Test team', ownerName: 'Owner', now: Date.now() });
  const fetch: FetchLike = async (input, init) => app.request(input.replace(IN_PROCESS_ENDPOINT, ''), init as RequestInit);
  return { app, fetch, created, endpoint: IN_PROCESS_ENDPOINT, close: () => server.close() };
}
