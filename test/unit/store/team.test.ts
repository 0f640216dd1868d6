import { describe, expect, it } from 'vitest';
import { createTeamStore, recentTeamClips } from '@/lib/store/team';
import type { Send } from '@/lib/store/send';
import type { TeamStatus } from '@/lib/messaging';
import { makeClip } from '../db/make-clip';

const idle = { status: 'idle' as const, lastSyncedAt: null, pending: 0, lastError: null, failures: 0, retryAt: null };
const connected: TeamStatus = {
  connection: { endpoint: 'https://t.example', clientId: 'c', team: { id: 't', name: 'T' }, member: { id: 'm', name: 'Ana', role: 'editor' }, connectedAt: '2026-01-01T00:00:00Z' },
  sync: idle,
};

function fakeSend(answers: Partial<Record<string, unknown>>, calls: string[] = []): Send {
  return (async (type: string) => {
    calls.push(type);
    const a = answers[type];
    if (a instanceof Error) throw a;
    return a;
  }) as Send;
}

describe('team store', () => {
  it('asks for the server origin before joining, and does not join when refused', async () => {
    const calls: string[] = [];
    const store = createTeamStore(fakeSend({ 'team:connect': connected }, calls));
    const asked: string[] = [];
    const ok = await store.getState().connect({ endpoint: 'https://t.example/team/', code: 'C', name: 'Ana' }, async (o) => (asked.push(o), false));
    expect(ok).toBe(false);
    expect(asked).toEqual(['https://t.example']);
    expect(calls).toEqual([]);
    expect(store.getState().error).toBe('permission:https://t.example');
    expect(await store.getState().connect({ endpoint: 'https://t.example', code: 'C', name: 'Ana' }, async () => true)).toBe(true);
    expect(store.getState().status?.connection?.team.name).toBe('T');
  });

  it('rejects an address that is not a URL without asking anything', async () => {
    const store = createTeamStore(fakeSend({}));
    expect(await store.getState().connect({ endpoint: 'cairn team', code: 'C', name: 'A' }, async () => true)).toBe(false);
    expect(store.getState().error).toMatch(/not a web address/);
  });

  it('times the connection test and keeps the server error when it fails', async () => {
    let t = 0;
    const store = createTeamStore(fakeSend({ 'team:status': connected, 'team:info': { team: { id: 't', name: 'T' }, me: { id: 'm', name: 'Ana', role: 'editor' }, members: [] } }), () => (t += 40));
    await store.getState().load();
    await store.getState().loadInfo();
    expect(store.getState().testMs).toBe(40);
    const failing = createTeamStore(fakeSend({ 'team:status': connected, 'team:info': new Error('401 nope') }));
    await failing.getState().load();
    await failing.getState().loadInfo();
    expect(failing.getState()).toMatchObject({ testMs: null, error: '401 nope' });
  });

  it('recentTeamClips lists live team clips, newest change first', () => {
    const clips = [
      makeClip({ id: 'a', visibility: 'team', updatedAt: '2026-01-02T00:00:00Z' }),
      makeClip({ id: 'b', visibility: 'private', updatedAt: '2026-01-05T00:00:00Z' }),
      makeClip({ id: 'c', visibility: 'team', updatedAt: '2026-01-03T00:00:00Z' }),
      makeClip({ id: 'd', visibility: 'team', updatedAt: '2026-01-04T00:00:00Z', deletedAt: '2026-01-04T00:00:00Z' }),
    ];
    expect(recentTeamClips(clips).map((c) => c.id)).toEqual(['c', 'a']);
  });
});
