/** The shape of one route: method, path, who may call it, its zod schemas and a thin handler. Also feeds the OpenAPI document. */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Role } from '../../lib/sync/protocol';
import type { Database } from '../db/schema';
import type { AppEnv } from '../middleware/auth';
import type { Caller } from '../team/service';

/** What every handler can use besides the request. */
export interface RouteDeps {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Every registered route (for the OpenAPI document). */
  routes: readonly RouteSpec[];
}

/** The validated input a handler receives. */
export interface RouteInput<B = any, Q = any> {
  c: Context<AppEnv>;
  deps: RouteDeps;
  /** The member asking (absent only on public routes). */
  caller: Caller;
  body: B;
  query: Q;
  params: Record<string, string>;
}

/** One HTTP route. `access: 'public'` needs no token; otherwise the roles allowed. */
export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** Hono-style path, e.g. `/v1/invites/:code`. */
  path: string;
  summary: string;
  access: 'public' | readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Success status (200 unless said). */
  status?: 200 | 201;
  handle(input: RouteInput): Promise<unknown>;
}

/** Every role: any member may call. */
export const ANY_MEMBER: readonly Role[] = ['owner', 'editor', 'viewer'];

/** Declare a route with typed body and query. */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Omit<RouteSpec, 'handle' | 'body' | 'query'> & {
    body?: B;
    query?: Q;
    handle(input: RouteInput<B extends z.ZodType ? z.output<B> : undefined, Q extends z.ZodType ? z.output<Q> : undefined>): Promise<unknown>;
  },
): RouteSpec {
  return spec as RouteSpec;
}
