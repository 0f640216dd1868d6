/** Refuse request bodies over a size with 413 (checked on Content-Length and while streaming). */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** 413 with a JSON error once a body passes `maxBytes`. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: { code: 'body_too_large', message: `request bodies are limited to ${maxBytes} bytes` } }, 413),
  });
}
