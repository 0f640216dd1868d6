/** Errors as JSON: expected refusals keep their status, zod and JSON mistakes are 400, only real faults are 500. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { TeamError } from '../team/service';

/** An HTTP refusal with a machine code and a sentence for people; routes and middleware throw it. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A one-line account of what was wrong with the input, naming each bad field's path. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/** Hono's onError: maps every thrown error to a JSON answer; logs (and hides) unexpected ones as 500. */
export function errorHandler(log: (message: string) => void) {
  return (error: Error, c: Context) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    if (error instanceof TeamError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    if (error instanceof z.ZodError) return c.json({ error: { code: 'invalid_input', message: describeZodError(error) } }, 400);
    if (error instanceof HTTPException) {
      return c.json({ error: { code: 'http_error', message: error.message || 'request refused' } }, error.status);
    }
    log(`cairn server: ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.json({ error: { code: 'internal', message: 'the server failed to answer this request' } }, 500);
  };
}

/** Answer for paths no route serves. */
export function notFound(c: Context) {
  return c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404);
}
