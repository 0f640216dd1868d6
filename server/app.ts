/** The team server as a Hono app: `createApp({ db, … })` wires middleware and the route table; nothing here is global. */
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { SYNC_LIMITS } from '../lib/sync/protocol';
import type { Database } from './db/schema';
import { requireMember, requireRole, type AppEnv } from './middleware/auth';
import { limitBody } from './middleware/body-limit';
import { errorHandler, notFound } from './middleware/errors';
import { DEFAULT_RATE_LIMIT, rateLimit, type RateLimitOptions } from './middleware/rate-limit';
import { readJsonBody, readQuery } from './middleware/validate';
import { ROUTES } from './routes/index';
import type { RouteDeps, RouteSpec } from './routes/route';

export interface AppOptions {
  db: Kysely<Database>;
  dialect?: 'sqlite' | 'postgres';
  /** Milliseconds since the epoch (tests pass a fake). */
  clock?: () => number;
  /** Per-token (and per-address for public routes) limit, or false for none. */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body accepted (413 above). */
  maxBodyBytes?: number;
  /** Where unexpected failures are reported. */
  log?: (message: string) => void;
  /** The routes to serve (defaults to all of them). */
  routes?: readonly RouteSpec[];
}

/** Address of the client for public-route rate limiting (the socket's, never a spoofable header). */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return `ip:${incoming?.socket?.remoteAddress ?? 'local'}`;
}

/** Build the Hono app for the team server. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const clock = options.clock ?? Date.now;
  const routes = options.routes ?? ROUTES;
  const deps: RouteDeps = { db: options.db, dialect: options.dialect ?? 'sqlite', clock, routes };
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(options.log ?? ((message) => console.error(message))));
  app.notFound(notFound);
  app.use('*', limitBody(options.maxBodyBytes ?? SYNC_LIMITS.maxBodyBytes));

  const limits = options.rateLimit === false ? null : (options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const perToken = limits && rateLimit(limits, (c) => `token:${(c as Context<AppEnv>).get('caller').tokenHash}`, clock);
  const perAddress = limits && rateLimit(limits, clientAddress, clock);
  const auth = requireMember(options.db);

  for (const route of routes) {
    const chain =
      route.access === 'public'
        ? [...(perAddress ? [perAddress] : [])]
        : [auth, ...(perToken ? [perToken] : []), requireRole(route.access)];
    app.on(route.method.toUpperCase(), [route.path], ...chain, async (c: Context<AppEnv>) => {
      const body = route.body ? await readJsonBody(c, route.body) : undefined;
      const query = route.query ? readQuery(c, route.query) : undefined;
      const result = await route.handle({ c, deps, caller: c.get('caller'), body, query, params: c.req.param() as Record<string, string> });
      return c.json(result as object, route.status ?? 200);
    });
  }
  return app;
}
