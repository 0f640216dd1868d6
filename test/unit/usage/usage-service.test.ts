/** Usage end to end in-process: opens and helpful marks counted locally, team clips' usage reaches the team once (even when a push answer is lost), private clips' usage never leaves. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import { createSyncService } from '@/lib/background/sync-service';
import { createUsageService } from '@/lib/background/usage-service';
import type { FetchLike } from '@/lib/sync/api';
import { makeClip } from '../db/make-clip';
import { inProcessTeam } from '../../helpers/in-process-team';

type Team = Awaited<ReturnType<typeof inProcessTeam>>;
const open: Team[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

function member(team: Team, fetch: FetchLike = team.fetch) {
  const store = new ClipStore(new IDBFactory());
  let queued = 0;
  const sync = createSyncService({ store, fetch, broadcast: () => undefined, clipsChanged: () => undefined, setTimer: () => 0, clearTimer: () => undefined });
  const usage = createUsageService({ store, fetch, onQueued: () => void queued++ });
  return { store, sync, usage, queued: () => queued };
}

describe('usage service', () => {
  it('counts opens and helpful marks locally and for the team, once, and keeps private usage on the device', async () => {
    const team = await inProcessTeam();
    open.push(team);
    const a = member(team);
    await a.sync.connect({ endpoint: team.endpoint, code: team.created.invite.code, name: 'Ana' });
    await a.store.put(makeClip({ id: 'shared-1', title: 'Team runbook' }));
    await a.sync.handlers['clip:share']({ id: 'shared-1', shared: true }, undefined);
    await a.sync.syncNow();

    // B's first push answer is lost after the server applied it: the client must retry without double counting.
    let dropNextPush = false;
    const flaky: FetchLike = async (url, init) => {
      const answer = await team.fetch(url, init);
      if (dropNextPush && String(url).includes('/v1/sync/push')) {
        dropNextPush = false;
        throw new TypeError('network connection lost');
      }
      return answer;
    };
    const b = member(team, flaky);
    await b.sync.connect({ endpoint: team.endpoint, code: team.created.invite.code, name: 'Bo' });
    await b.sync.syncNow();
    await b.store.put(makeClip({ id: 'private-1', title: 'My own notes', url: 'https://private.example/secret' }));

    await b.usage['usage:open']({ id: 'shared-1', from: 'related' }, undefined);
    const second = await b.usage['usage:open']({ id: 'shared-1', from: 'search' }, undefined);
    expect(second).toMatchObject({ opens: 2, helpful: false });
    const marked = await b.usage['usage:helpful']({ id: 'shared-1', helpful: true }, undefined);
    expect(marked.helpful).toBe(true);
    await b.usage['usage:helpful']({ id: 'shared-1', helpful: true }, undefined); // unchanged: no second mutation
    const privateOpen = await b.usage['usage:open']({ id: 'private-1', from: 'related' }, undefined);
    expect(privateOpen.opens).toBe(1);
    await b.usage['usage:helpful']({ id: 'private-1', helpful: true }, undefined);

    const pending = await b.store.sync.pending(100);
    expect(pending.map((p) => p.mutation.type)).toEqual(['usage.open', 'usage.open', 'usage.helpful']);
    expect(JSON.stringify(pending)).not.toContain('private');
    expect(b.queued()).toBe(3);

    dropNextPush = true;
    const failed = await b.sync.syncNow();
    expect(failed.sync.lastError).not.toBeNull();
    await b.sync.syncNow();
    expect((await b.sync.status()).sync.pending).toBe(0);

    const insights = await a.usage['team:insights'](undefined, undefined);
    expect(insights.mostUseful).toEqual([expect.objectContaining({ clipId: 'shared-1', opens: 2, helpful: 1 })]);
    expect(insights.contributors.find((c) => c.name === 'Ana')).toMatchObject({ clipsShared: 1, helpfulReceived: 1 });
    expect(JSON.stringify(insights)).not.toContain('private');

    const feed = await a.usage['team:feed']({}, undefined);
    expect(feed.items.map((i) => `${i.kind}:${i.member.name}`)).toEqual(expect.arrayContaining(['shared:Ana', 'helpful:Bo']));
    const local = await b.usage['usage:get']({ id: 'private-1' }, undefined);
    expect(local).toMatchObject({ opens: 1, helpful: true });
  });

  it('refuses to count a clip that is not in the library', async () => {
    const team = await inProcessTeam();
    open.push(team);
    const a = member(team);
    await expect(a.usage['usage:open']({ id: 'https://example.org/any-page', from: 'related' }, undefined)).rejects.toThrow(/No clip/);
    expect(await a.store.getMeta('usage.local')).toBeUndefined();
  });
});
