/** Read a request's JSON body or query through a zod schema; any mistake becomes a 400 with a clear message. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeZodError, HttpError } from './errors';

/** Parse the body as JSON and validate it; bad JSON, wrong types and missing fields are 400, never 500. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'invalid_input', describeZodError(parsed.error));
  return parsed.data;
}

/** Validate the query string (each parameter's last value). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new HttpError(400, 'invalid_query', describeZodError(parsed.error));
  return parsed.data;
}
