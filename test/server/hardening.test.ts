/** Bad input never gets a 5xx: 400 for malformed JSON and wrong types, 413 for big bodies, 429 with Retry-After, 401/403 for auth; OpenAPI lists every route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/routes/index';
import { backends, call, clipPut, makeTeam, testApp, type TestDatabase, type TestTeam } from './helpers';

describe.each(backends())('hardening ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let team: TestTeam;
  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database, { maxBodyBytes: 64 * 1024 });
    team = await makeTeam(app, db.database, 'hard');
  });
  afterAll(() => db.cleanup());

  const pathOf = (path: string) => path.replace(':code', 'NOPE-NOPE').replace(':id', 'm_nobody');

  it('answers malformed JSON, wrong types, huge strings and unknown fields at every route without a 5xx', async () => {
    const bodies = [
      '{not json',
      '',
      'null',
      '[]',
      '"string"',
      '12',
      JSON.stringify({ unknown: true, nested: { deep: [1, 2, 3] } }),
      JSON.stringify({ clientId: 5, mutations: 'lots' }),
      JSON.stringify({ clientId: 'x', mutations: [{ seq: -1, type: 'clip.put', clipId: '' }] }),
      JSON.stringify({ clientId: 'x', mutations: [{ seq: 1.5, type: 'clip.explode', clipId: 'a' }] }),
      JSON.stringify({ clientId: 'x', mutations: [{ seq: 1, type: 'clip.put', clipId: 'a', fields: { title: 'x'.repeat(5000), wordCount: 'many' } }] }),
      JSON.stringify({ clientId: 'x'.repeat(10_000), mutations: [] }),
      JSON.stringify({ code: 'x'.repeat(20_000), name: {} }),
      JSON.stringify({ code: 42, name: 'n' }),
      JSON.stringify({ role: 'owner', maxUses: -1 }),
      JSON.stringify({ clientId: 'x', mutations: [{ seq: 1, type: 'taxonomy.put', category: { id: 'c' } }], extra: 'field' }),
    ];
    const queries = ['', '?since=not-a-date&staleDays=0&category=', '?since=2026-01-01T00:00:00Z&staleDays=99999&limit=1', '?cursor=-1', '?cursor=abc&limit=0', '?limit=100000', `?q=${'%'.repeat(3)}`, `?q=${'y'.repeat(5000)}`, '?cursor=1e309', '?clientId='];
    let answered = 0;
    for (const route of ROUTES) {
      for (const token of [undefined, team.owner.token, team.viewer.token, 'cairn_forged']) {
        for (const raw of route.method === 'get' ? [undefined] : bodies) {
          for (const query of route.method === 'get' ? queries : ['']) {
            const answer = await call(app, route.method.toUpperCase(), `${pathOf(route.path)}${query}`, { token, raw });
            expect(answer.status, `${route.method} ${route.path}${query} ${raw?.slice(0, 60)} → ${JSON.stringify(answer.body).slice(0, 200)}`).toBeLessThan(500);
            if (answer.status >= 400) expect(answer.body.error.message).toEqual(expect.any(String));
            answered++;
          }
        }
      }
    }
    expect(answered).toBeGreaterThan(200);
  });

  it('explains a validation error by field', async () => {
    const answer = await call(app, 'POST', '/v1/sync/push', {
      token: team.editor.token,
      body: { clientId: 'x', mutations: [{ seq: 1, type: 'clip.put', clipId: 'a', fields: { wordCount: 'many' } }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('mutations.0.fields.wordCount');
    const order = await call(app, 'POST', '/v1/sync/push', { token: team.editor.token, body: { clientId: 'x', mutations: [clipPut(2, 'a', 'a'), clipPut(1, 'b', 'b')] } });
    expect(order.status).toBe(400);
    expect(order.body.error.message).toContain('increase');
  });

  it('refuses bodies over the limit with 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ clientId: 'x', mutations: [clipPut(1, 'big', 'y'.repeat(100 * 1024))] });
    const answer = await call(app, 'POST', '/v1/sync/push', { token: team.editor.token, raw: big });
    expect(answer.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10 * 1024)));
        controller.close();
      },
    });
    const streamed = await app.request('/v1/join', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const small = await call(app, 'POST', '/v1/sync/push', { token: team.editor.token, body: { clientId: 'x', mutations: [clipPut(1, 'small', 'ok')] } });
    expect(small.status).toBe(200);
  });

  it('rate-limits per token with 429 and Retry-After, and other tokens are unaffected', async () => {
    let now = 1_000_000;
    const limited = testApp(db.database, { rateLimit: { burst: 3, perSecond: 1 }, clock: () => now });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(limited, 'GET', '/v1/team', { token: team.viewer.token })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await call(limited, 'GET', '/v1/team', { token: team.viewer.token });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await call(limited, 'GET', '/v1/team', { token: team.owner.token })).status).toBe(200);
    now += 2000;
    expect((await call(limited, 'GET', '/v1/team', { token: team.viewer.token })).status).toBe(200);
  });

  it('refuses missing, forged and removed tokens with 401 at once, and wrong roles with 403', async () => {
    expect((await call(app, 'GET', '/v1/team')).status).toBe(401);
    expect((await call(app, 'GET', '/v1/team', { token: 'cairn_forged' })).status).toBe(401);
    const joined = await call(app, 'POST', '/v1/join', { body: { code: team.inviteCode, name: 'leaver' } });
    expect((await call(app, 'GET', '/v1/sync/pull', { token: joined.body.token })).status).toBe(200);
    expect((await call(app, 'DELETE', `/v1/members/${joined.body.member.id}`, { token: team.editor.token })).status).toBe(403);
    expect((await call(app, 'DELETE', `/v1/members/${joined.body.member.id}`, { token: team.owner.token })).status).toBe(200);
    expect((await call(app, 'GET', '/v1/sync/pull', { token: joined.body.token })).status).toBe(401);
    expect((await call(app, 'POST', '/v1/sync/push', { token: joined.body.token, body: { clientId: 'x', mutations: [] } })).status).toBe(401);
    expect((await call(app, 'POST', '/v1/invites', { token: team.editor.token, body: {} })).status).toBe(403);
    expect((await call(app, 'DELETE', `/v1/members/${team.owner.id}`, { token: team.owner.token })).status).toBe(409);
  });

  it('stops a revoked or used-up invite code', async () => {
    const once = await call(app, 'POST', '/v1/invites', { token: team.owner.token, body: { role: 'viewer', maxUses: 1 } });
    expect((await call(app, 'POST', '/v1/join', { body: { code: once.body.code, name: 'first' } })).body.member.role).toBe('viewer');
    expect((await call(app, 'POST', '/v1/join', { body: { code: once.body.code, name: 'second' } })).status).toBe(404);
    const revoked = await call(app, 'POST', '/v1/invites', { token: team.owner.token, body: {} });
    expect((await call(app, 'DELETE', `/v1/invites/${revoked.body.code}`, { token: team.owner.token })).status).toBe(200);
    expect((await call(app, 'POST', '/v1/join', { body: { code: revoked.body.code, name: 'late' } })).status).toBe(404);
  });

  it('documents every registered route in /v1/openapi.json, public ones with security: []', async () => {
    const doc = (await call(app, 'GET', '/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const operation = doc.paths[route.path.replace(/:([a-z]+)/gi, '{$1}')]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      if (route.access === 'public') expect(operation.security).toEqual([]);
      else expect(operation.security).toEqual([{ bearer: [] }]);
    }
    const operations = Object.values(doc.paths as Record<string, object>).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(ROUTES.length);
  });
});
