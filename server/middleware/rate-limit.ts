/**
 * Rate limit per API token (or per client address for routes without one): a token bucket refilled
 * continuously; an empty bucket answers 429 with Retry-After. Buckets live in the process's memory, so with
 * several server processes each enforces its own share (the limit is a guard against runaway clients, not a quota).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './errors';

export interface RateLimitOptions {
  /** Requests a token may make in a burst. */
  burst: number;
  /** Requests per second the bucket refills. */
  perSecond: number;
}

/** Default: bursts of 300 requests, 50 per second sustained. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 300, perSecond: 50 };

/** A token-bucket limiter keyed by `keyOf(c)`. `now` is the app clock (ms). */
export function rateLimit(options: RateLimitOptions, keyOf: (c: Context) => string, now: () => number): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const key = keyOf(c);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
      throw new HttpError(429, 'rate_limited', `too many requests; retry in ${retryAfter} s`, { 'Retry-After': String(retryAfter) });
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    if (buckets.size > 100_000) sweep(buckets, options, t);
    await next();
  };
}

/** Drop buckets that have refilled completely (they hold no information). */
function sweep(buckets: Map<string, { tokens: number; at: number }>, options: RateLimitOptions, t: number): void {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond >= options.burst) buckets.delete(key);
  }
}
