import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import { join, type FetchLike } from '@/lib/sync/api';
import { createSyncClient } from '@/lib/sync/client';
import { makeClip } from '../db/make-clip';
import { inProcessTeam } from '../../helpers/in-process-team';

type Team = Awaited<ReturnType<typeof inProcessTeam>>;
const open: Team[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function member(team: Team, name: string, fetch: FetchLike = team.fetch) {
  const joined = await join({ fetch: team.fetch, endpoint: team.endpoint }, team.created.invite.code, name);
  const store = new ClipStore(new IDBFactory());
  await store.sync.connect(`${name}-device`, joined.member.id);
  const client = createSyncClient({ fetch, store: store.sync, endpoint: team.endpoint, token: joined.token, random: () => 0.5 });
  return { store, client, memberId: joined.member.id };
}

async function start() {
  const team = await inProcessTeam();
  open.push(team);
  return team;
}

const teamIds = async (store: ClipStore) => (await store.list()).filter((c) => c.visibility === 'team').map((c) => c.id).sort();

describe('sync client against the real server app', () => {
  it('a shared clip reaches another member with its author; private clips never leave', async () => {
    const team = await start();
    const ana = await member(team, 'Ana');
    const bo = await member(team, 'Bo');
    await ana.store.put(makeClip({ id: 'shared', visibility: 'private', tags: ['ml'], note: 'Ana says' }));
    await ana.store.put(makeClip({ id: 'secret', visibility: 'private' }));
    await ana.store.update('shared', { visibility: 'team' });
    const pushed = await ana.client.sync();
    expect(pushed).toMatchObject({ ok: true, pushed: 1 });
    expect(ana.client.state()).toMatchObject({ status: 'idle', pending: 0, lastError: null });
    await bo.client.sync();
    const got = await bo.store.get('shared');
    expect(got).toMatchObject({ id: 'shared', visibility: 'team', title: 'Clip shared', tags: ['ml'], note: '', author: { id: ana.memberId, name: 'Ana' } });
    expect(got?.teamNotes?.map((n) => n.note)).toEqual(['Ana says']);
    expect(await bo.store.get('secret')).toBeNull();
  });

  it('unshare removes it from others and keeps the author’s private copy; delete tombstones it', async () => {
    const team = await start();
    const ana = await member(team, 'Ana');
    const bo = await member(team, 'Bo');
    await ana.store.put(makeClip({ id: 'a', visibility: 'team' }));
    await ana.store.put(makeClip({ id: 'b', visibility: 'team' }));
    await ana.client.sync();
    await bo.client.sync();
    expect(await teamIds(bo.store)).toEqual(['a', 'b']);
    await ana.store.update('a', { visibility: 'private' });
    await ana.store.softDelete('b');
    await ana.client.sync();
    await bo.client.sync();
    expect((await bo.store.get('a'))?.deletedAt).not.toBeNull();
    expect((await bo.store.get('a'))?.text).toBe('');
    expect((await bo.store.get('b'))?.deletedAt).not.toBeNull();
    expect((await ana.store.get('a'))?.visibility).toBe('private');
    expect((await ana.store.list()).map((c) => c.id)).toEqual(['a']);
  });

  it('a replayed push and a re-pulled page change nothing', async () => {
    const team = await start();
    let lose = false;
    // A fetch that lets the server handle the push but loses its answer.
    const lossy: FetchLike = async (url, init) => {
      const response = await team.fetch(url, init);
      if (lose && url.includes('/push')) {
        lose = false;
        throw new Error('connection reset');
      }
      return response;
    };
    const ana = await member(team, 'Ana', lossy);
    const bo = await member(team, 'Bo');
    await ana.store.put(makeClip({ id: 'x', visibility: 'team', tags: ['one'] }));
    lose = true;
    const failed = await ana.client.sync();
    expect(failed.ok).toBe(false);
    expect(ana.client.state()).toMatchObject({ status: 'offline', pending: 1, failures: 1 });
    expect(ana.client.state().retryAt).not.toBeNull();
    expect((await ana.client.sync()).ok).toBe(true);
    expect(await ana.store.sync.pendingCount()).toBe(0);
    await bo.client.sync();
    const first = await bo.store.get('x');
    // Pull everything again from the start: same state.
    await bo.store.sync.rewind(true);
    await bo.client.sync();
    expect(await bo.store.get('x')).toEqual(first);
    expect(await teamIds(bo.store)).toEqual(['x']);
    expect(first?.tags).toEqual(['one']);
  });

  it('concurrent tag edits merge and both members converge; the taxonomy syncs', async () => {
    const team = await start();
    const ana = await member(team, 'Ana');
    const bo = await member(team, 'Bo');
    await ana.store.put(makeClip({ id: 'x', visibility: 'team', tags: ['base'] }));
    await ana.client.sync();
    await bo.client.sync();
    await ana.store.update('x', { tags: ['base', 'ana'] });
    await bo.store.update('x', { tags: ['base', 'bo'], title: 'Bo title' });
    const tree = await ana.store.getTaxonomy();
    await ana.store.saveTaxonomy([...tree, { id: 'team-new', parentId: null, name: { en: 'New', zh: '新' }, aliases: [], keywords: [] }]);
    for (let i = 0; i < 2; i++) {
      await ana.client.sync();
      await bo.client.sync();
    }
    const [a, b] = [await ana.store.get('x'), await bo.store.get('x')];
    expect(a?.tags.sort()).toEqual(['ana', 'base', 'bo']);
    expect(b?.tags.sort()).toEqual(['ana', 'base', 'bo']);
    expect(a?.title).toBe('Bo title');
    expect((await bo.store.getTaxonomy()).some((c) => c.id === 'team-new')).toBe(true);
  });

  it('a change skipped while a local edit was pending is pulled again when the server refuses that edit', async () => {
    const team = await start();
    let editDuringPull: (() => Promise<unknown>) | null = null;
    const hooked: FetchLike = async (url, init) => {
      if (editDuringPull && url.includes('/pull')) {
        const edit = editDuringPull;
        editDuringPull = null;
        await edit();
      }
      return team.fetch(url, init);
    };
    const ana = await member(team, 'Ana');
    const bo = await member(team, 'Bo', hooked);
    await ana.store.put(makeClip({ id: 'x', visibility: 'team' }));
    await ana.client.sync();
    await bo.client.sync();
    await ana.store.softDelete('x');
    await ana.client.sync();
    // Bo edits x just as his pull fetches Ana's delete: the pull must skip it (his edit is pending);
    // the server then refuses the edit (x is deleted), so the skipped delete has to come back.
    editDuringPull = () => bo.store.update('x', { title: 'Bo was here' });
    expect((await bo.client.sync()).ok).toBe(true);
    expect((await bo.store.get('x'))?.deletedAt).not.toBeNull();
    expect(await bo.store.sync.pendingCount()).toBe(0);
  });

  it('says what to do on 401 and does not schedule retries for it', async () => {
    const team = await start();
    const ana = await member(team, 'Ana');
    const bad = createSyncClient({ fetch: team.fetch, store: ana.store.sync, endpoint: team.endpoint, token: 'wrong' });
    await ana.store.put(makeClip({ id: 'x', visibility: 'team' }));
    const result = await bad.sync();
    expect(result.ok).toBe(false);
    expect(bad.state()).toMatchObject({ status: 'error', pending: 1, retryAt: null });
    expect(bad.state().lastError?.advice).toMatch(/reconnect in Settings/);
  });

  it('overlapping sync() calls never run at once', async () => {
    const team = await start();
    let inFlight = 0;
    let maxInFlight = 0;
    const counting: FetchLike = async (url, init) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await team.fetch(url, init);
      } finally {
        inFlight--;
      }
    };
    const ana = await member(team, 'Ana', counting);
    await ana.store.put(makeClip({ id: 'x', visibility: 'team' }));
    const results = await Promise.all([ana.client.sync(), ana.client.sync(), ana.client.sync()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(maxInFlight).toBe(1);
  });
});
