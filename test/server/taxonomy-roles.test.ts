/** Who may change the team taxonomy: owners and editors push taxonomy.put (rules travel with the node); viewers are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, makeTeam, pullAll, testApp, type TestDatabase, type TestTeam } from './helpers';

describe.each(backends())('taxonomy edits by role ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let team: TestTeam;
  const node = { id: 'km', parentId: null, name: { en: 'Knowledge', zh: '知识' }, aliases: ['KM'], keywords: [], rules: [{ site: 'wiki.test', tags: ['wiki'] }] };

  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database);
    team = await makeTeam(app, db.database, 'gamma');
  });
  afterAll(() => db.cleanup());

  it('applies an editor’s taxonomy.put and every member pulls it, rules included', async () => {
    const pushed = await call(app, 'POST', '/v1/sync/push', { token: team.editor.token, body: { clientId: 'e-1', mutations: [{ seq: 1, type: 'taxonomy.put', category: node }] } });
    expect(pushed.status).toBe(200);
    expect(pushed.body.results).toEqual([{ seq: 1, status: 'applied' }]);
    const { changes } = await pullAll(app, team.viewer.token);
    const change = changes.find((c) => c.kind === 'category' && c.id === 'km');
    expect(change.category).toMatchObject({ name: { en: 'Knowledge', zh: '知识' }, rules: [{ site: 'wiki.test', tags: ['wiki'] }] });
  });

  it('refuses a viewer’s taxonomy.put and leaves the node as it was', async () => {
    const pushed = await call(app, 'POST', '/v1/sync/push', {
      token: team.viewer.token,
      body: { clientId: 'v-1', mutations: [{ seq: 1, type: 'taxonomy.put', category: { ...node, name: { en: 'Hijacked', zh: '劫' } } }] },
    });
    expect(pushed.status).toBe(403);
    const { changes } = await pullAll(app, team.owner.token);
    expect(changes.find((c) => c.kind === 'category' && c.id === 'km').category.name.en).toBe('Knowledge');
  });
});
