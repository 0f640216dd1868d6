import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipStore } from '@/lib/db';
import type { TeamStatus } from '@/lib/messaging';
import { createSyncService } from '@/lib/background/sync-service';
import { makeClip } from '../db/make-clip';
import { inProcessTeam } from '../../helpers/in-process-team';

type Team = Awaited<ReturnType<typeof inProcessTeam>>;
const open: Team[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

function service(team: Team) {
  const store = new ClipStore(new IDBFactory());
  const timers: { run: () => void; ms: number }[] = [];
  const broadcasts: TeamStatus[] = [];
  let changed = 0;
  const svc = createSyncService({
    store,
    fetch: team.fetch,
    broadcast: (s) => void broadcasts.push(s),
    clipsChanged: () => void changed++,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
    newClientId: () => `client-${Math.random()}`,
  });
  return { store, svc, timers, broadcasts, changes: () => changed };
}

describe('background sync service', () => {
  it('connects with an invite code, hides the token, shares, syncs, and leaves', async () => {
    const team = await inProcessTeam();
    open.push(team);
    const a = service(team);
    const status = await a.svc.connect({ endpoint: `${team.endpoint}/`, code: team.created.invite.code, name: 'Ana' });
    expect(status.connection).toMatchObject({ endpoint: team.endpoint, team: { name: 'Test team' }, member: { name: 'Ana', role: 'editor' } });
    expect(JSON.stringify(status)).not.toContain('cairn_');
    expect(a.timers.at(-1)?.ms).toBe(0);

    await a.store.put(makeClip({ id: 'x' }));
    const shared = await a.svc.handlers['clip:share']({ id: 'x', shared: true }, undefined);
    expect(shared.visibility).toBe('team');
    expect((await a.svc.status()).sync.pending).toBe(1);
    expect(a.timers.at(-1)?.ms).toBe(2_000);

    const after = await a.svc.syncNow();
    expect(after.sync).toMatchObject({ status: 'idle', pending: 0, lastError: null });
    expect(after.sync.lastSyncedAt).not.toBeNull();
    expect(a.broadcasts.some((b) => b.sync.status === 'syncing')).toBe(true);

    const info = await a.svc.handlers['team:info'](undefined, undefined);
    expect(info.members.find((m) => m.name === 'Ana')?.clipsShared).toBe(1);

    const b = service(team);
    await b.svc.connect({ endpoint: team.endpoint, code: team.created.invite.code, name: 'Bo' });
    await b.svc.syncNow();
    expect((await b.store.get('x'))?.author?.name).toBe('Ana');
    expect(b.changes()).toBeGreaterThan(0);
    await expect(b.svc.handlers['clip:share']({ id: 'x', shared: false }, undefined)).rejects.toThrow(/Only Ana/);

    const left = await b.svc.leave();
    expect(left.connection).toBeNull();
    expect((await b.store.list()).map((c) => c.id)).toEqual([]);
  });

  it('refuses to share before a team is connected, and a bad code says why', async () => {
    const team = await inProcessTeam();
    open.push(team);
    const a = service(team);
    await a.store.put(makeClip({ id: 'x' }));
    await expect(a.svc.handlers['clip:share']({ id: 'x', shared: true }, undefined)).rejects.toThrow(/Connect to a team/);
    await expect(a.svc.connect({ endpoint: team.endpoint, code: 'NOPE-NOPE', name: 'Ana' })).rejects.toThrow(/refused|code|invite/i);
    expect((await a.svc.status()).connection).toBeNull();
  });

  it('an offline server leaves the change pending and schedules a retry', async () => {
    const team = await inProcessTeam();
    open.push(team);
    let down = false;
    const a = service({ ...team, fetch: (u, i) => (down ? Promise.reject(new TypeError('fetch failed')) : team.fetch(u, i)) });
    await a.svc.connect({ endpoint: team.endpoint, code: team.created.invite.code, name: 'Ana' });
    await a.store.put(makeClip({ id: 'x', visibility: 'team' }));
    down = true;
    const status = await a.svc.syncNow();
    expect(status.sync.status).toBe('offline');
    expect(status.sync.pending).toBe(1);
    expect(status.sync.lastError?.advice).toMatch(/kept on this device/);
    const retry = a.timers.at(-1)!;
    expect(retry.ms).toBeGreaterThan(0);
    down = false;
    retry.run();
    await new Promise((r) => setTimeout(r, 300));
    expect((await a.svc.status()).sync).toMatchObject({ status: 'idle', pending: 0 });
  });
});
