/** Category proposals: any member proposes; owners and editors accept (the category reaches every member by pull) or decline; viewers cannot decide. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, makeTeam, pullAll, testApp, type TestDatabase, type TestTeam } from './helpers';

describe.each(backends())('category proposals ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let team: TestTeam;

  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database);
    team = await makeTeam(app, db.database, 'delta');
    const parent = { id: 'learning', parentId: null, name: { en: 'Learning', zh: '学习' } };
    await call(app, 'POST', '/v1/sync/push', { token: team.editor.token, body: { clientId: 'e', mutations: [{ seq: 1, type: 'taxonomy.put', category: parent }] } });
  });
  afterAll(() => db.cleanup());

  const propose = (token: string, body: unknown) => call(app, 'POST', '/v1/proposals', { token, body });

  it('validates: a name in at least one language', async () => {
    const answer = await propose(team.viewer.token, { name: { en: ' ', zh: '' }, parentId: null });
    expect(answer.status).toBe(400);
  });

  it('a viewer proposes, cannot decide; an editor accepts and everyone pulls the new category under its parent', async () => {
    const made = await propose(team.viewer.token, { name: { en: 'Knowledge maps', zh: '知识地图' }, parentId: 'learning', reason: 'we clip many of these' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'open', proposer: { memberId: team.viewer.id, name: 'delta-viewer' }, parentId: 'learning' });
    expect((await call(app, 'POST', `/v1/proposals/${made.body.id}/accept`, { token: team.viewer.token })).status).toBe(403);

    const accepted = await call(app, 'POST', `/v1/proposals/${made.body.id}/accept`, { token: team.editor.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const categoryId = accepted.body.categoryId as string;
    expect(categoryId).toBe('knowledge-maps');
    const { changes } = await pullAll(app, team.viewer.token);
    const node = changes.find((c) => c.kind === 'category' && c.id === categoryId);
    expect(node.category).toMatchObject({ parentId: 'learning', name: { en: 'Knowledge maps', zh: '知识地图' }, description: 'we clip many of these' });

    const again = await call(app, 'POST', `/v1/proposals/${made.body.id}/decline`, { token: team.owner.token });
    expect(again.status).toBe(409);
  });

  it('an owner declines; nothing is created; open proposals list first', async () => {
    const made = await propose(team.editor.token, { name: { en: '', zh: '杂项' }, parentId: null });
    const open = await propose(team.viewer.token, { name: { en: 'Later', zh: '' }, parentId: null });
    const before = await pullAll(app, team.owner.token);
    const declined = await call(app, 'POST', `/v1/proposals/${made.body.id}/decline`, { token: team.owner.token });
    expect(declined.body).toMatchObject({ status: 'declined', categoryId: null });
    const after = await pullAll(app, team.owner.token, before.cursor);
    expect(after.changes).toEqual([]);
    const list = await call(app, 'GET', '/v1/proposals', { token: team.viewer.token });
    expect(list.body.proposals[0].id).toBe(open.body.id);
    expect(list.body.proposals.map((p: { status: string }) => p.status)).toEqual(['open', 'declined', 'accepted']);
    expect((await call(app, 'POST', '/v1/proposals/nope/accept', { token: team.owner.token })).status).toBe(404);
  });
});
