/** GET /v1/health: the server answers and can reach its database. */
import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from './route';

export const healthRoute = defineRoute({
  method: 'get',
  path: '/v1/health',
  summary: 'Liveness and database check',
  access: 'public',
  response: z.object({ ok: z.boolean(), database: z.enum(['sqlite', 'postgres']), time: z.string() }),
  async handle({ deps }) {
    await sql`select 1`.execute(deps.db);
    return { ok: true, database: deps.dialect, time: new Date(deps.clock()).toISOString() };
  },
});
