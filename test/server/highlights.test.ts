/** Highlights in sync: a per-id set merged in server order, author stamped by the server, only the author changes one, tombstones stick. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, clipPut, makeTeam, pullAll, testApp, type TestDatabase } from './helpers';

const anchor = (exact: string, start: number) => ({ quote: { exact, prefix: 'before ', suffix: ' after' }, position: { start, end: start + exact.length } });
const hl = (id: string, exact: string, extra: Record<string, unknown> = {}) => ({ id, anchor: anchor(exact, 10), color: 'yellow', note: '', createdAt: '2026-11-28T10:00:00.000Z', ...extra });

describe.each(backends())('highlights sync ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database);
  });
  afterAll(() => db.cleanup());

  const push = (token: string, clientId: string, mutations: unknown[]) => call(app, 'POST', '/v1/sync/push', { token, body: { clientId, mutations } });
  const clipOf = async (token: string, id: string) => (await pullAll(app, token)).changes.find((c: any) => c.kind === 'clip' && c.id === id);

  it('two members highlighting the same clip both keep theirs, each stamped with its author', async () => {
    const team = await makeTeam(app, db.database, 'hl-merge');
    await push(team.owner.token, 'a', [clipPut(1, 'c1', 'Page', { highlights: [hl('h-owner', 'owner words', { author: { id: 'forged', name: 'x' } })] })]);
    await push(team.editor.token, 'b', [{ seq: 1, type: 'clip.put', clipId: 'c1', fields: {}, highlights: [hl('h-editor', 'editor words', { color: 'green' })] }]);
    const clip = await clipOf(team.viewer.token, 'c1');
    const byId = Object.fromEntries(clip.highlights.map((h: any) => [h.id, h]));
    expect(Object.keys(byId).sort()).toEqual(['h-editor', 'h-owner']);
    expect(byId['h-owner'].author).toEqual({ id: team.owner.id, name: 'hl-merge-owner' });
    expect(byId['h-editor'].author).toEqual({ id: team.editor.id, name: 'hl-merge-editor' });
    expect(byId['h-editor'].color).toBe('green');
    expect(byId['h-owner'].anchor.quote.exact).toBe('owner words');
  });

  it('the later put wins for one id; a put of other fields leaves highlights alone', async () => {
    const team = await makeTeam(app, db.database, 'hl-lww');
    await push(team.editor.token, 'a', [clipPut(1, 'c2', 'Page', { highlights: [hl('h1', 'words')] })]);
    await push(team.editor.token, 'b', [{ seq: 1, type: 'clip.put', clipId: 'c2', fields: {}, highlights: [hl('h1', 'words', { note: 'second device', updatedAt: '2026-11-28T11:00:00.000Z' })] }]);
    await push(team.editor.token, 'a', [{ seq: 2, type: 'clip.put', clipId: 'c2', fields: { title: 'Renamed' } }]);
    const clip = await clipOf(team.owner.token, 'c2');
    expect(clip.fields.title).toBe('Renamed');
    expect(clip.highlights).toHaveLength(1);
    expect(clip.highlights[0].note).toBe('second device');
  });

  it("a member cannot change or remove a teammate's highlight, and a removal is final", async () => {
    const team = await makeTeam(app, db.database, 'hl-author');
    await push(team.owner.token, 'a', [clipPut(1, 'c3', 'Page', { highlights: [hl('h1', 'mine'), hl('h2', 'also mine')] })]);
    await push(team.editor.token, 'b', [{ seq: 1, type: 'clip.put', clipId: 'c3', fields: {}, highlights: [hl('h1', 'mine', { note: 'hijack', deletedAt: '2026-11-28T12:00:00.000Z' })] }]);
    await push(team.owner.token, 'a', [{ seq: 2, type: 'clip.put', clipId: 'c3', fields: {}, highlights: [hl('h2', 'also mine', { deletedAt: '2026-11-28T12:00:00.000Z', updatedAt: '2026-11-28T12:00:00.000Z' })] }]);
    // A late replay from another device of the owner does not bring h2 back.
    await push(team.owner.token, 'a2', [{ seq: 1, type: 'clip.put', clipId: 'c3', fields: {}, highlights: [hl('h2', 'also mine', { note: 'stale' })] }]);
    const clip = await clipOf(team.editor.token, 'c3');
    const byId = Object.fromEntries(clip.highlights.map((h: any) => [h.id, h]));
    expect(byId.h1.note).toBe('');
    expect(byId.h1.deletedAt ?? null).toBeNull();
    expect(byId.h2.deletedAt).toBe('2026-11-28T12:00:00.000Z');
    expect(byId.h2.note).toBe('');
  });

  it('a deleted clip pulls without highlights', async () => {
    const team = await makeTeam(app, db.database, 'hl-delete');
    await push(team.owner.token, 'a', [clipPut(1, 'c4', 'Page', { highlights: [hl('h1', 'gone soon')] }), { seq: 2, type: 'clip.delete', clipId: 'c4' }]);
    const clip = await clipOf(team.editor.token, 'c4');
    expect(clip.deleted).not.toBeNull();
    expect(clip.highlights).toEqual([]);
  });

  it("counts each member's live highlights in the team's contributions", async () => {
    const team = await makeTeam(app, db.database, 'hl-count');
    await push(team.owner.token, 'a', [clipPut(1, 'k1', 'Page', { highlights: [hl('h1', 'one'), hl('h2', 'two'), hl('h3', 'three', { deletedAt: '2026-11-28T12:00:00.000Z' })] })]);
    await push(team.editor.token, 'b', [{ seq: 1, type: 'clip.put', clipId: 'k1', fields: {}, highlights: [hl('h4', 'four')] }]);
    await push(team.editor.token, 'b', [clipPut(2, 'k2', 'Gone', { highlights: [hl('h5', 'five')] }), { seq: 3, type: 'clip.delete', clipId: 'k2' }]);
    const answer = await call(app, 'GET', '/v1/team/insights', { token: team.viewer.token });
    expect(answer.status).toBe(200);
    const count = (id: string) => answer.body.contributors.find((c: any) => c.memberId === id)?.highlights;
    expect(count(team.owner.id)).toBe(2);
    expect(count(team.editor.id)).toBe(1);
    expect(count(team.viewer.id)).toBe(0);
  });

  it('refuses a malformed highlight', async () => {
    const team = await makeTeam(app, db.database, 'hl-invalid');
    const res = await push(team.owner.token, 'a', [clipPut(1, 'c5', 'Page', { highlights: [{ ...hl('h1', 'x'), color: 'octarine' }] })]);
    expect(res.status).toBe(400);
  });
});
