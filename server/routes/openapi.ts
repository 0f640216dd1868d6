/** GET /v1/openapi.json: an OpenAPI 3.1 document generated from the route table and its zod schemas. */
import { z } from 'zod';
import { ErrorResponseSchema } from '../../lib/sync/protocol';
import { defineRoute, type RouteSpec } from './route';

/** JSON Schema of a zod schema, as the request (input) or response (output) sees it. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The OpenAPI 3.1 document for `routes`. */
export function buildOpenApi(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openPath = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: Record<string, unknown>[] = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const query = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'success',
        ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : {}),
      },
      '400': error('invalid input (JSON, types, fields)'),
      '413': error('body too large'),
      '429': error('rate limited; see Retry-After'),
    };
    if (route.access !== 'public') {
      responses['401'] = error('missing, unknown or revoked token');
      responses['403'] = error('your role may not do this');
    }
    paths[openPath] ??= {};
    paths[openPath]![route.method] = {
      summary: route.summary,
      operationId: `${route.method}${openPath.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      ...(route.access === 'public' ? {} : { 'x-roles': route.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Cairn team server', version: '1.0.0', description: 'Team membership, sync (push/pull) and team search for Cairn clients.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the API token from POST /v1/join or `cairn team create`' } },
      schemas: { Error: jsonSchema(ErrorResponseSchema, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

export const openApiRoute = defineRoute({
  method: 'get',
  path: '/v1/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  access: 'public',
  async handle({ deps }) {
    return buildOpenApi(deps.routes);
  },
});
