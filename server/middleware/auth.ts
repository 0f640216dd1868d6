/** Bearer-token auth: finds the live member for the token on every request (so a removed member is refused at once). */
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Role } from '../../lib/sync/protocol';
import type { Database } from '../db/schema';
import { findCaller, type Caller } from '../team/service';
import { hashToken, sameHash } from '../team/tokens';
import { HttpError } from './errors';

/** What the middleware leaves on the context for routes. */
export type AppEnv = { Variables: { caller: Caller } };

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

/** Require `Authorization: Bearer <token>` of a live member; 401 otherwise. */
export function requireMember(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match) throw new HttpError(401, 'unauthorized', 'send "Authorization: Bearer <token>" with your team API token', { 'WWW-Authenticate': 'Bearer' });
    const hash = hashToken(match[1]!);
    const caller = await findCaller(db, hash);
    // The lookup is by hash; comparing again in constant time keeps the check itself free of timing leaks.
    if (!caller || !sameHash(caller.tokenHash, hash)) {
      throw new HttpError(401, 'unauthorized', 'this token is unknown or its member was removed', { 'WWW-Authenticate': 'Bearer' });
    }
    c.set('caller', caller);
    await next();
  };
}

/** Allow only callers with one of `roles`; 403 otherwise. */
export function requireRole(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (!roles.includes(caller.role)) {
      throw new HttpError(403, 'forbidden', `this needs the role ${roles.join(' or ')}; you are ${caller.role}`);
    }
    await next();
  };
}
