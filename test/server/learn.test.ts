/** Usage counters, contributions and the team feed: replays count once, helpful is a per-member toggle, counters (not a visit log), stale and category figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, clipPut, makeTeam, testApp, type TestDatabase, type TestTeam } from './helpers';

const DAY = 86_400_000;

describe.each(backends())('learning: usage, contributions, feed ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let team: TestTeam;
  let now = Date.parse('2026-03-01T00:00:00.000Z');

  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database, { clock: () => now });
    team = await makeTeam(app, db.database, 'learn', now);
    const shared = await call(app, 'POST', '/v1/sync/push', {
      token: team.editor.token,
      body: {
        clientId: 'ed-1',
        mutations: [
          clipPut(1, 'rust', 'Rust ownership', { fields: { ...clipPut(1, 'rust', 'Rust ownership').fields, categoryId: 'cat-lang' }, note: 'read this first' }),
          clipPut(2, 'go', 'Go channels', { fields: { ...clipPut(2, 'go', 'Go channels').fields, categoryId: 'cat-lang' } }),
          clipPut(3, 'ops', 'On-call runbook', { fields: { ...clipPut(3, 'ops', 'On-call runbook').fields, categoryId: 'cat-ops' } }),
        ],
      },
    });
    expect(shared.status).toBe(200);
  });
  afterAll(() => db.cleanup());

  const push = (token: string, clientId: string, mutations: unknown[]) => call(app, 'POST', '/v1/sync/push', { token, body: { clientId, mutations } });
  const insights = async (query = '') => {
    const answer = await call(app, 'GET', `/v1/team/insights${query}`, { token: team.viewer.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const usageOf = (body: any, clipId: string) => [...body.mostUseful, ...body.stale].find((c: { clipId: string }) => c.clipId === clipId);

  it('counts opens and helpful marks, and a replayed push counts nothing again', async () => {
    now += DAY;
    const mutations = [
      { seq: 1, type: 'usage.open', clipId: 'rust' },
      { seq: 2, type: 'usage.open', clipId: 'rust' },
      { seq: 3, type: 'usage.helpful', clipId: 'rust', helpful: true },
      { seq: 4, type: 'usage.open', clipId: 'go' },
    ];
    const first = await push(team.owner.token, 'own-1', mutations);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const before = await insights();
    expect(usageOf(before, 'rust')).toMatchObject({ opens: 2, helpful: 1 });
    expect(usageOf(before, 'go')).toMatchObject({ opens: 1, helpful: 0 });
    const replay = await push(team.owner.token, 'own-1', mutations);
    expect(replay.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    const after = await insights();
    expect(after.mostUseful).toEqual(before.mostUseful);
    // Usage never moves the team version (pulling clients have nothing new to fetch).
    expect(replay.body.version).toBe(first.body.version);
  });

  it('treats helpful as a toggle per member: twice is once, unmark takes it back, another member adds one', async () => {
    await push(team.owner.token, 'own-1', [{ seq: 5, type: 'usage.helpful', clipId: 'rust', helpful: true }]);
    expect(usageOf(await insights(), 'rust').helpful).toBe(1);
    await push(team.editor.token, 'ed-1', [{ seq: 4, type: 'usage.helpful', clipId: 'rust', helpful: true }]);
    expect(usageOf(await insights(), 'rust').helpful).toBe(2);
    await push(team.owner.token, 'own-1', [{ seq: 6, type: 'usage.helpful', clipId: 'rust', helpful: false }, { seq: 7, type: 'usage.helpful', clipId: 'rust', helpful: false }]);
    expect(usageOf(await insights(), 'rust').helpful).toBe(1);
    await push(team.owner.token, 'own-1', [{ seq: 8, type: 'usage.helpful', clipId: 'ops', helpful: true }]);
  });

  it('lets viewers count usage but nothing else', async () => {
    const refused = await push(team.viewer.token, 'view-1', [{ seq: 1, type: 'usage.open', clipId: 'go' }, clipPut(2, 'go', 'hijacked')]);
    expect(refused.status).toBe(403);
    expect(usageOf(await insights(), 'go').opens).toBe(1);
    const counted = await push(team.viewer.token, 'view-1', [{ seq: 1, type: 'usage.open', clipId: 'go' }]);
    expect(counted.status).toBe(200);
    expect(usageOf(await insights(), 'go').opens).toBe(2);
  });

  it('counts nothing for clips the team does not have, without refusing the push', async () => {
    const answer = await push(team.owner.token, 'own-1', [{ seq: 9, type: 'usage.open', clipId: 'https://example.org/not-a-clip' }]);
    expect(answer.body.results[0]).toMatchObject({ status: 'applied', reason: expect.stringContaining('not counted') });
    const rows = await db.database.db.selectFrom('clip_usage').select('clip_id').execute();
    expect(rows.map((r) => r.clip_id).sort()).toEqual(['go', 'ops', 'rust']);
  });

  it('keeps counters, not a log: one row per used clip, marks per member × clip, no URL or visit rows', async () => {
    const before = await db.database.db.selectFrom('clip_usage').selectAll().execute();
    await push(team.owner.token, 'own-1', [10, 11, 12, 13, 14].map((seq) => ({ seq, type: 'usage.open', clipId: 'go' })));
    const after = await db.database.db.selectFrom('clip_usage').selectAll().execute();
    expect(after.length).toBe(before.length);
    expect(Number(after.find((r) => r.clip_id === 'go')!.opens)).toBe(7);
    expect(Object.keys(after[0]!).sort()).toEqual(['clip_id', 'helpful', 'last_opened_at', 'opens', 'team_id']);
    const marks = await db.database.db.selectFrom('helpful_marks').selectAll().execute();
    expect(marks.length).toBe(2); // editor→rust, owner→ops: one row per member × clip marked, whatever the number of toggles
    expect(Object.keys(marks[0]!).sort()).toEqual(['clip_id', 'marked_at', 'member_id', 'team_id']);
    const text = JSON.stringify([after, marks]);
    expect(text).not.toContain('example.org');
  });

  it('ranks most useful by helpful then opens, sums categories at query time, finds stale clips', async () => {
    const body = await insights();
    // rust and ops have one helpful mark each; rust was opened more.
    expect(body.mostUseful.map((c: { clipId: string }) => c.clipId)).toEqual(['rust', 'ops', 'go']);
    const lang = body.categories.find((c: { categoryId: string }) => c.categoryId === 'cat-lang');
    expect(lang).toEqual({ categoryId: 'cat-lang', clips: 2, opens: 9, helpful: 1 });
    expect(body.stale).toEqual([]); // everything was shared a day ago
    now += 100 * DAY;
    await push(team.owner.token, 'own-1', [{ seq: 15, type: 'usage.open', clipId: 'rust' }]);
    const later = await insights();
    expect(later.stale.map((c: { clipId: string }) => c.clipId).sort()).toEqual(['go', 'ops']);
    expect(later.staleCount).toBe(2);
    const strict = await insights('?staleDays=200');
    expect(strict.stale).toEqual([]);
  });

  it('credits contributions: clips shared, notes, helpful marks received from others', async () => {
    const body = await insights();
    const editor = body.contributors.find((c: { memberId: string }) => c.memberId === team.editor.id);
    // The owner's mark on ops counts; the editor's own mark on rust (their clip) does not.
    expect(editor).toMatchObject({ clipsShared: 3, notes: 1, highlights: 0, helpfulReceived: 1 });
    const owner = body.contributors.find((c: { memberId: string }) => c.memberId === team.owner.id);
    expect(owner).toMatchObject({ clipsShared: 0, helpfulReceived: 0 });
    // Marking your own clip helpful is counted on the clip but is not "received".
    await push(team.editor.token, 'ed-1', [{ seq: 5, type: 'usage.helpful', clipId: 'go', helpful: true }]);
    const again = (await insights()).contributors.find((c: { memberId: string }) => c.memberId === team.editor.id);
    expect(again.helpfulReceived).toBe(1);
    await push(team.owner.token, 'own-1', [{ seq: 16, type: 'usage.helpful', clipId: 'go', helpful: true }]);
    const thanked = (await insights()).contributors.find((c: { memberId: string }) => c.memberId === team.editor.id);
    expect(thanked.helpfulReceived).toBe(2);
  });

  it('feeds what the team shared, noted and found helpful, newest first, by category and since', async () => {
    const all = await call(app, 'GET', '/v1/feed', { token: team.viewer.token });
    expect(all.status).toBe(200);
    const kinds = all.body.items.map((i: { kind: string; clipId: string }) => `${i.kind}:${i.clipId}`);
    expect(kinds).toEqual(expect.arrayContaining(['shared:rust', 'shared:go', 'shared:ops', 'noted:rust', 'helpful:rust', 'helpful:ops', 'helpful:go']));
    const times = all.body.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const ops = await call(app, 'GET', '/v1/feed?category=cat-ops', { token: team.viewer.token });
    expect(new Set(ops.body.items.map((i: { clipId: string }) => i.clipId))).toEqual(new Set(['ops']));
    const since = await call(app, 'GET', `/v1/feed?since=${encodeURIComponent(new Date(now - DAY).toISOString())}`, { token: team.viewer.token });
    expect(since.body.items.map((i: { kind: string; clipId: string }) => `${i.kind}:${i.clipId}`)).toEqual(['helpful:go', 'helpful:go']);
    // Unshared clips leave the feed.
    await push(team.editor.token, 'ed-1', [{ seq: 6, type: 'clip.unshare', clipId: 'go' }]);
    const gone = await call(app, 'GET', '/v1/feed', { token: team.viewer.token });
    expect(gone.body.items.some((i: { clipId: string }) => i.clipId === 'go')).toBe(false);
  });
});
