/** Push/pull: replay idempotence, pagination, tombstones, unshare, tag and note merging, LWW, and convergence of interleaved clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, clipPut, makeTeam, pullAll, testApp, type TestDatabase, type TestTeam } from './helpers';
import { seededRandom as rng } from '../helpers/seeded-random';

/** Apply pulled changes to a local replica (what a client's sync does): the latest state per id wins. */
function applyChanges(replica: Map<string, any>, changes: any[]): void {
  for (const change of changes) replica.set(`${change.kind}:${change.id}`, change);
}

describe.each(backends())('sync ($name)', (backend) => {
  let db: TestDatabase;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    db = await backend.open();
    app = testApp(db.database);
  });
  afterAll(() => db.cleanup());

  const push = (token: string, clientId: string, mutations: unknown[]) => call(app, 'POST', '/v1/sync/push', { token, body: { clientId, mutations } });

  it('a replayed push changes nothing, and lastSeq reports what was applied', async () => {
    const team = await makeTeam(app, db.database, 'replay');
    const body = [clipPut(1, 'r1', 'First', { tags: { add: ['x'] } }), clipPut(2, 'r2', 'Second')];
    const first = await push(team.editor.token, 'dev-1', body);
    expect(first.body.results.map((r: any) => r.status)).toEqual(['applied', 'applied']);
    const before = await pullAll(app, team.editor.token);
    const replay = await push(team.editor.token, 'dev-1', body);
    expect(replay.status).toBe(200);
    expect(replay.body.results.map((r: any) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(replay.body.version).toBe(first.body.version);
    const after = await pullAll(app, team.editor.token);
    expect(after).toEqual(before);
    // A push that overlaps the applied part applies only the new mutation.
    const overlap = await push(team.editor.token, 'dev-1', [clipPut(2, 'r2', 'Second'), { seq: 3, type: 'clip.put', clipId: 'r2', fields: { title: 'Second, edited' } }]);
    expect(overlap.body.results.map((r: any) => r.status)).toEqual(['duplicate', 'applied']);
    expect(overlap.body.lastSeq).toBe(3);
    const pulled = await call(app, 'GET', '/v1/sync/pull?clientId=dev-1', { token: team.editor.token });
    expect(pulled.body.lastSeq).toBe(3);
    // Another client of the same member has its own sequence.
    const other = await push(team.editor.token, 'dev-2', [clipPut(1, 'r3', 'Third')]);
    expect(other.body.results[0].status).toBe('applied');
  });

  it('pulls in pages of N, in version order, without gaps or repeats', async () => {
    const team = await makeTeam(app, db.database, 'pages');
    const mutations = Array.from({ length: 53 }, (_, i) => clipPut(i + 1, `p${String(i).padStart(3, '0')}`, `Clip ${i}`));
    mutations.splice(20, 0, { seq: 0, type: 'taxonomy.put', category: { id: 'c1', parentId: null, name: { en: 'One', zh: '一' } } } as any);
    mutations.forEach((m, i) => (m.seq = i + 1));
    expect((await push(team.editor.token, 'pager', mutations)).status).toBe(200);
    const page = await call(app, 'GET', '/v1/sync/pull?cursor=0&limit=10', { token: team.viewer.token });
    expect(page.body.changes).toHaveLength(10);
    expect(page.body.more).toBe(true);
    const all = await pullAll(app, team.viewer.token, 0, 10);
    expect(all.pages).toBe(6);
    expect(all.changes).toHaveLength(54);
    const versions = all.changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(all.changes.map((c) => c.id)).size).toBe(54);
    expect(all.changes[20]).toMatchObject({ kind: 'category', id: 'c1' });
    const idle = await call(app, 'GET', `/v1/sync/pull?cursor=${all.cursor}&limit=10`, { token: team.viewer.token });
    expect(idle.body).toMatchObject({ changes: [], more: false, cursor: all.cursor });
  });

  it('deletes are final tombstones; unshare is a tombstone the author can undo', async () => {
    const team = await makeTeam(app, db.database, 'tombs');
    await push(team.editor.token, 'e', [clipPut(1, 'd1', 'To delete', { note: 'n' }), clipPut(2, 'u1', 'To unshare')]);
    const { cursor } = await pullAll(app, team.viewer.token);
    // The owner may delete an editor's clip; an editor may not delete the owner's clip.
    await push(team.owner.token, 'o', [clipPut(1, 'o1', 'Owner clip')]);
    const refused = await push(team.editor.token, 'e', [{ seq: 3, type: 'clip.delete', clipId: 'o1' }]);
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected' });
    const removed = await push(team.owner.token, 'o', [{ seq: 2, type: 'clip.delete', clipId: 'd1' }]);
    expect(removed.body.results[0].status).toBe('applied');
    await push(team.editor.token, 'e', [{ seq: 4, type: 'clip.unshare', clipId: 'u1' }]);

    const since = await pullAll(app, team.viewer.token, cursor);
    const d1 = since.changes.find((c) => c.id === 'd1');
    expect(d1).toMatchObject({ fields: null, notes: [], tags: [], deleted: { reason: 'deleted' } });
    expect(since.changes.find((c) => c.id === 'u1')).toMatchObject({ fields: null, deleted: { reason: 'unshared' } });
    const found = await call(app, 'GET', '/v1/clips/search?q=to', { token: team.viewer.token });
    expect(found.body.results).toEqual([]);

    // Later puts to a deleted clip are rejected; the author may share an unshared clip again.
    const late = await push(team.editor.token, 'e', [clipPut(5, 'd1', 'Back?'), clipPut(6, 'u1', 'Shared again')]);
    expect(late.body.results.map((r: any) => r.status)).toEqual(['rejected', 'applied']);
    const otherEditor = await call(app, 'POST', '/v1/join', { body: { code: team.inviteCode, name: 'second editor' } });
    await push(team.editor.token, 'e', [{ seq: 7, type: 'clip.unshare', clipId: 'u1' }]);
    const notAuthor = await push(otherEditor.body.token, 'x', [clipPut(1, 'u1', 'Not mine')]);
    expect(notAuthor.body.results[0].status).toBe('rejected');
    const final = await pullAll(app, team.viewer.token);
    expect(final.changes.find((c) => c.id === 'u1').deleted.reason).toBe('unshared');
    expect(final.changes.find((c) => c.id === 'd1').deleted.reason).toBe('deleted');
  });

  it('merges by field (last writer wins), tags as sets and notes per author', async () => {
    const team = await makeTeam(app, db.database, 'merge');
    await push(team.owner.token, 'o', [clipPut(1, 'm1', 'Original', { tags: { add: ['base'] }, note: 'owner thinks' })]);
    await push(team.editor.token, 'e', [{ seq: 1, type: 'clip.put', clipId: 'm1', fields: { title: 'Editor title' }, tags: { add: ['editor'] }, note: 'editor thinks' }]);
    await push(team.owner.token, 'o', [{ seq: 2, type: 'clip.put', clipId: 'm1', fields: { excerpt: 'Owner excerpt' }, tags: { add: ['owner'], remove: ['base'] } }]);
    const { changes } = await pullAll(app, team.viewer.token);
    const clip = changes.find((c) => c.id === 'm1');
    expect(clip.fields.title).toBe('Editor title');
    expect(clip.fields.excerpt).toBe('Owner excerpt');
    expect(clip.fields.text).toBe('text of Original');
    expect([...clip.tags].sort()).toEqual(['editor', 'owner']);
    const expectedNotes = [
      [team.editor.id, 'editor thinks'],
      [team.owner.id, 'owner thinks'],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    expect(clip.notes.map((n: any) => [n.memberId, n.note])).toEqual(expectedNotes);
    expect(clip.author.name).toBe('merge-owner');
    const teamView = await call(app, 'GET', '/v1/team', { token: team.viewer.token });
    expect(teamView.body.members.find((m: any) => m.role === 'owner').clipsShared).toBe(1);
    expect(teamView.body.members.find((m: any) => m.role === 'editor').clipsShared).toBe(0);
  });

  it('viewers can pull but not push', async () => {
    const team = await makeTeam(app, db.database, 'viewers');
    const refused = await push(team.viewer.token, 'v', [clipPut(1, 'v1', 'Nope')]);
    expect(refused.status).toBe(403);
    const pulled = await call(app, 'GET', '/v1/sync/pull', { token: team.viewer.token });
    expect(pulled.status).toBe(200);
    expect(pulled.body.changes).toEqual([]);
  });

  it('converges: interleaved pushes from several clients in random orders leave every replica equal to the server', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = rng(seed);
      const team = await makeTeam(app, db.database, `conv${seed}`);
      const extra = await call(app, 'POST', '/v1/join', { body: { code: team.inviteCode, name: `conv${seed}-editor2` } });
      const clients = [
        { token: team.owner.token, id: 'c-owner', seq: 0, cursor: 0, replica: new Map<string, any>(), outbox: [] as any[] },
        { token: team.editor.token, id: 'c-editor', seq: 0, cursor: 0, replica: new Map<string, any>(), outbox: [] as any[] },
        { token: extra.body.token, id: 'c-editor2', seq: 0, cursor: 0, replica: new Map<string, any>(), outbox: [] as any[] },
      ];
      const ids = ['k1', 'k2', 'k3', 'k4'];
      const tagPool = ['red', 'green', 'blue'];
      const addedTags = new Set<string>();
      const removedEver = new Set<string>();
      for (let step = 0; step < 60; step++) {
        const client = clients[Math.floor(random() * clients.length)]!;
        const action = random();
        if (action < 0.55) {
          const clipId = ids[Math.floor(random() * ids.length)]!;
          const tag = tagPool[Math.floor(random() * tagPool.length)]!;
          const removing = random() < 0.2;
          (removing ? removedEver : addedTags).add(tag);
          client.outbox.push({
            seq: ++client.seq,
            type: 'clip.put',
            clipId,
            fields: random() < 0.5 ? { title: `${client.id}-${step}` } : { excerpt: `${client.id}-${step}` },
            tags: removing ? { remove: [tag] } : { add: [tag] },
            note: `${client.id} at ${step}`,
          });
        } else if (action < 0.6) {
          client.outbox.push({ seq: ++client.seq, type: 'clip.delete', clipId: ids[Math.floor(random() * ids.length)]! });
        } else if (action < 0.8 && client.outbox.length) {
          // Push a random prefix of the outbox; sometimes send it twice (a lost response).
          const count = 1 + Math.floor(random() * client.outbox.length);
          const batch = client.outbox.slice(0, count);
          const answer = await push(client.token, client.id, batch);
          expect(answer.status).toBe(200);
          if (random() < 0.3) expect((await push(client.token, client.id, batch)).body.results.every((r: any) => r.status === 'duplicate')).toBe(true);
          client.outbox.splice(0, count);
        } else {
          const pulled = await pullAll(app, client.token, client.cursor, 1 + Math.floor(random() * 4));
          applyChanges(client.replica, pulled.changes);
          client.cursor = pulled.cursor;
        }
      }
      for (const client of clients) if (client.outbox.length) await push(client.token, client.id, client.outbox.splice(0));
      const truth = new Map<string, any>();
      applyChanges(truth, (await pullAll(app, team.viewer.token)).changes);
      for (const client of clients) {
        const pulled = await pullAll(app, client.token, client.cursor, 3);
        applyChanges(client.replica, pulled.changes);
        expect(Object.fromEntries(client.replica)).toEqual(Object.fromEntries(truth));
      }
      // Tags never seen removed are present on every live clip they were added to; notes are one per author at most.
      for (const change of truth.values()) {
        expect(new Set(change.notes.map((n: any) => n.memberId)).size).toBe(change.notes.length);
        for (const tag of change.tags) expect(addedTags.has(tag)).toBe(true);
      }
    }
  });
});
