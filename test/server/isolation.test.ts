/** Cross-team isolation: a member of team B never reads or changes team A's data, through any route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/routes/index';
import { backends, call, clipPut, makeTeam, pullAll, testApp, type TestDatabase, type TestTeam } from './helpers';

describe.each(backends())('cross-team isolation ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let a: TestTeam;
  let b: TestTeam;

  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database);
    a = await makeTeam(app, db.database, 'alpha');
    b = await makeTeam(app, db.database, 'beta');
    const pushed = await call(app, 'POST', '/v1/sync/push', {
      token: a.editor.token,
      body: {
        clientId: 'a-1',
        mutations: [
          clipPut(1, 'clip-a', 'Secret alpha roadmap', { note: 'alpha note', tags: { add: ['alpha'] } }),
          { seq: 2, type: 'taxonomy.put', category: { id: 'cat-a', parentId: null, name: { en: 'Alpha only', zh: '甲' } } },
        ],
      },
    });
    expect(pushed.status).toBe(200);
  });
  afterAll(() => db.cleanup());

  /** One check per route; the last test proves the table covers every registered route. */
  const checks: Record<string, () => Promise<void>> = {
    'GET /v1/health': async () => {
      const answer = await call(app, 'GET', '/v1/health');
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain('alpha');
    },
    'GET /v1/openapi.json': async () => {
      const answer = await call(app, 'GET', '/v1/openapi.json', { token: b.owner.token });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/Secret alpha|clip-a/);
    },
    'POST /v1/join': async () => {
      // Joining with team A's code makes you a member of A, never lets a B token act in A; and a B member
      // cannot reuse their token to see A after someone joins A.
      const before = await call(app, 'GET', '/v1/team', { token: b.owner.token });
      const joined = await call(app, 'POST', '/v1/join', { token: b.owner.token, body: { code: a.inviteCode, name: 'newcomer' } });
      expect(joined.status).toBe(201);
      expect(joined.body.team.id).toBe(a.id);
      const after = await call(app, 'GET', '/v1/team', { token: b.owner.token });
      expect(after.body.team.id).toBe(b.id);
      expect(after.body.members).toEqual(before.body.members);
    },
    'GET /v1/team': async () => {
      const answer = await call(app, 'GET', '/v1/team', { token: b.owner.token });
      expect(answer.status).toBe(200);
      expect(answer.body.team).toEqual({ id: b.id, name: 'beta' });
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain('alpha');
      expect(text).not.toContain(a.inviteCode);
    },
    'POST /v1/invites': async () => {
      const made = await call(app, 'POST', '/v1/invites', { token: b.owner.token, body: { role: 'editor' } });
      expect(made.status).toBe(201);
      const joined = await call(app, 'POST', '/v1/join', { body: { code: made.body.code, name: 'via-b-invite' } });
      expect(joined.body.team.id).toBe(b.id);
      const aTeam = await call(app, 'GET', '/v1/team', { token: a.owner.token });
      expect(aTeam.body.members.map((m: { name: string }) => m.name)).not.toContain('via-b-invite');
    },
    'DELETE /v1/invites/:code': async () => {
      const answer = await call(app, 'DELETE', `/v1/invites/${a.inviteCode}`, { token: b.owner.token });
      expect(answer.status).toBe(404);
      const still = await call(app, 'POST', '/v1/join', { body: { code: a.inviteCode, name: 'still-works' } });
      expect(still.status).toBe(201);
      expect(still.body.team.id).toBe(a.id);
    },
    'DELETE /v1/members/:id': async () => {
      const answer = await call(app, 'DELETE', `/v1/members/${a.editor.id}`, { token: b.owner.token });
      expect(answer.status).toBe(404);
      const stillIn = await call(app, 'GET', '/v1/team', { token: a.editor.token });
      expect(stillIn.status).toBe(200);
    },
    'POST /v1/sync/push': async () => {
      // B edits, deletes and unshares "clip-a" and "cat-a": that touches only B's own namespace.
      const answer = await call(app, 'POST', '/v1/sync/push', {
        token: b.owner.token,
        body: {
          clientId: 'b-1',
          mutations: [
            { seq: 1, type: 'clip.put', clipId: 'clip-a', fields: { title: 'hijacked' }, tags: { remove: ['alpha'] } },
            { seq: 2, type: 'clip.delete', clipId: 'clip-a' },
            { seq: 3, type: 'clip.unshare', clipId: 'clip-a' },
            { seq: 4, type: 'taxonomy.put', category: { id: 'cat-a', parentId: null, name: { en: 'hijacked', zh: '' } }, deleted: true },
          ],
        },
      });
      expect(answer.status).toBe(200);
      const aView = await pullAll(app, a.viewer.token);
      const clip = aView.changes.find((c) => c.id === 'clip-a');
      expect(clip.fields.title).toBe('Secret alpha roadmap');
      expect(clip.deleted).toBeNull();
      expect(clip.tags).toEqual(['alpha']);
      const category = aView.changes.find((c) => c.id === 'cat-a');
      expect(category.category.name.en).toBe('Alpha only');
      expect(category.deletedAt).toBeNull();
    },
    'GET /v1/sync/pull': async () => {
      const bView = await pullAll(app, b.viewer.token);
      expect(JSON.stringify(bView.changes)).not.toMatch(/Secret alpha|alpha note/);
      // And the same client id in two teams keeps separate seqs.
      const pulled = await call(app, 'GET', '/v1/sync/pull?clientId=a-1', { token: b.editor.token });
      expect(pulled.body.lastSeq).toBe(0);
    },
    'GET /v1/clips/search': async () => {
      const fromB = await call(app, 'GET', '/v1/clips/search?q=secret', { token: b.viewer.token });
      expect(fromB.status).toBe(200);
      expect(fromB.body.results).toEqual([]);
      const fromA = await call(app, 'GET', '/v1/clips/search?q=secret', { token: a.viewer.token });
      expect(fromA.body.results.map((r: { id: string }) => r.id)).toEqual(['clip-a']);
    },
    'GET /v1/team/insights': async () => {
      // A usage push from B naming A's clip counts nothing anywhere; B's insights show none of A's clips or members.
      const used = await call(app, 'POST', '/v1/sync/push', {
        token: b.editor.token,
        body: { clientId: 'b-usage', mutations: [{ seq: 1, type: 'usage.open', clipId: 'clip-a' }, { seq: 2, type: 'usage.helpful', clipId: 'clip-a', helpful: true }] },
      });
      expect(used.status).toBe(200);
      const fromB = await call(app, 'GET', '/v1/team/insights?staleDays=1', { token: b.viewer.token });
      expect(fromB.status).toBe(200);
      expect(JSON.stringify(fromB.body)).not.toMatch(/Secret alpha|clip-a|alpha-/);
      const fromA = await call(app, 'GET', '/v1/team/insights', { token: a.viewer.token });
      expect(fromA.body.mostUseful).toEqual([]);
      expect(fromA.body.contributors.find((c: { memberId: string }) => c.memberId === a.editor.id).helpfulReceived).toBe(0);
    },
    'GET /v1/feed': async () => {
      const fromB = await call(app, 'GET', '/v1/feed', { token: b.viewer.token });
      expect(fromB.status).toBe(200);
      expect(JSON.stringify(fromB.body)).not.toMatch(/Secret alpha|clip-a/);
      const byCategory = await call(app, 'GET', '/v1/feed?category=cat-a', { token: b.viewer.token });
      expect(byCategory.body.items).toEqual([]);
      const fromA = await call(app, 'GET', '/v1/feed', { token: a.viewer.token });
      expect(fromA.body.items.map((i: { kind: string; clipId: string }) => `${i.kind}:${i.clipId}`)).toEqual(expect.arrayContaining(['shared:clip-a', 'noted:clip-a']));
      expect(fromA.body.items.some((i: { kind: string }) => i.kind === 'helpful')).toBe(false);
    },
    'GET /v1/proposals': async () => {
      await alphaProposal();
      const fromB = await call(app, 'GET', '/v1/proposals', { token: b.viewer.token });
      expect(fromB.status).toBe(200);
      expect(JSON.stringify(fromB.body)).not.toMatch(/Alpha secret topic/);
      const fromA = await call(app, 'GET', '/v1/proposals', { token: a.owner.token });
      expect(fromA.body.proposals.map((p: { name: { en: string } }) => p.name.en)).toContain('Alpha secret topic');
    },
    'POST /v1/proposals': async () => {
      const made = await call(app, 'POST', '/v1/proposals', { token: b.viewer.token, body: { name: { en: 'Beta idea', zh: '乙' }, parentId: 'cat-a', reason: 'x' } });
      expect(made.status).toBe(201);
      const fromA = await call(app, 'GET', '/v1/proposals', { token: a.owner.token });
      expect(JSON.stringify(fromA.body)).not.toContain('Beta idea');
    },
    'POST /v1/proposals/:id/accept': async () => {
      const id = await alphaProposal();
      const answer = await call(app, 'POST', `/v1/proposals/${id}/accept`, { token: b.owner.token });
      expect(answer.status).toBe(404);
      const { changes } = await pullAll(app, b.owner.token);
      expect(JSON.stringify(changes)).not.toContain('Alpha secret topic');
      const still = await call(app, 'GET', '/v1/proposals', { token: a.owner.token });
      expect(still.body.proposals.find((p: { id: string }) => p.id === id).status).toBe('open');
    },
    'POST /v1/proposals/:id/decline': async () => {
      const id = await alphaProposal();
      const answer = await call(app, 'POST', `/v1/proposals/${id}/decline`, { token: b.editor.token });
      expect(answer.status).toBe(404);
      const still = await call(app, 'GET', '/v1/proposals', { token: a.owner.token });
      expect(still.body.proposals.find((p: { id: string }) => p.id === id).status).toBe('open');
    },
  };

  let alphaProposalId: string | null = null;
  /** An open proposal in team A (made once, by A's viewer). */
  async function alphaProposal(): Promise<string> {
    if (!alphaProposalId) {
      const made = await call(app, 'POST', '/v1/proposals', { token: a.viewer.token, body: { name: { en: 'Alpha secret topic', zh: '甲题' }, parentId: null, reason: 'r' } });
      expect(made.status).toBe(201);
      alphaProposalId = made.body.id as string;
    }
    return alphaProposalId;
  }

  for (const [route, check] of Object.entries(checks)) it(route, check);

  it('has a check for every registered route', () => {
    const registered = ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(Object.keys(checks).sort()).toEqual(registered);
  });
});
