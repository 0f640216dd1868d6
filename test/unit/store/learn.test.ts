/** The learn store: opens and helpful toggles go to the background, the feed filter, the new-items badge and the last-visit stamp, and a clip's contributors. */
import { describe, expect, it } from 'vitest';
import { clipContributors, countNew, createLearnStore, type VisitStamp } from '@/lib/store/learn';
import type { Send } from '@/lib/store/send';
import type { FeedItem } from '@/lib/sync/protocol';

const item = (kind: FeedItem['kind'], memberId: string, at: string, categoryId: string | null = null): FeedItem => ({ kind, clipId: `c-${at}`, title: 't', categoryId, member: { memberId, name: memberId }, at });

function fake(feed: FeedItem[]) {
  const calls: { type: string; data: any }[] = [];
  const marks = new Map<string, boolean>();
  const send = (async (type: string, data: any) => {
    calls.push({ type, data });
    if (type === 'usage:open') return { opens: calls.filter((c) => c.type === 'usage:open' && c.data.id === data.id).length, lastOpenedAt: 'now', helpful: marks.get(data.id) ?? false };
    if (type === 'usage:helpful') {
      marks.set(data.id, data.helpful);
      return { opens: 0, lastOpenedAt: null, helpful: data.helpful };
    }
    if (type === 'team:feed') return { items: feed.filter((i) => (!data.since || i.at > data.since) && (!data.category || i.categoryId === data.category)) };
    throw new Error(`unexpected ${type}`);
  }) as unknown as Send;
  let saved: string | null = null;
  const stamp: VisitStamp = { get: () => saved, set: (at) => void (saved = at) };
  return { send, calls, stamp, saved: () => saved };
}

describe('learn store', () => {
  it('counts opens with their source and toggles helpful', async () => {
    const f = fake([]);
    const store = createLearnStore(f.send, f.stamp);
    await store.getState().open('a', 'related');
    await store.getState().open('a', 'search');
    expect(f.calls.map((c) => c.data.from)).toEqual(['related', 'search']);
    expect(store.getState().usage.a?.opens).toBe(2);
    await store.getState().toggleHelpful('a');
    expect(store.getState().usage.a?.helpful).toBe(true);
    await store.getState().toggleHelpful('a');
    expect(store.getState().usage.a?.helpful).toBe(false);
    expect(f.calls.filter((c) => c.type === 'usage:helpful').map((c) => c.data.helpful)).toEqual([true, false]);
  });

  it('counts new feed items by others since the last visit, and a visit clears the badge and saves the stamp', async () => {
    const feed = [item('shared', 'me', '2026-01-03T00:00:00Z'), item('helpful', 'bo', '2026-01-02T00:00:00Z'), item('noted', 'cy', '2026-01-01T00:00:00Z')];
    const f = fake(feed);
    const store = createLearnStore(f.send, f.stamp, () => Date.parse('2026-01-01T12:00:00Z'));
    await store.getState().refreshNew('me');
    expect(store.getState().newCount).toBe(2);
    store.getState().visited();
    expect(f.saved()).toBe('2026-01-01T12:00:00.000Z');
    expect(store.getState().newCount).toBe(0);
    await store.getState().refreshNew('me');
    expect(store.getState().newCount).toBe(1);
    // A new page (panel reopened) starts from the saved stamp.
    const again = createLearnStore(f.send, f.stamp);
    expect(again.getState().lastVisit).toBe('2026-01-01T12:00:00.000Z');
  });

  it('filters the feed by category', async () => {
    const f = fake([item('shared', 'bo', '2026-01-02T00:00:00Z', 'cat-a'), item('shared', 'bo', '2026-01-03T00:00:00Z', 'cat-b')]);
    const store = createLearnStore(f.send, f.stamp);
    await store.getState().loadFeed('cat-b');
    expect(store.getState().feed.map((i) => i.categoryId)).toEqual(['cat-b']);
    await store.getState().loadFeed(null);
    expect(store.getState().feed).toHaveLength(2);
  });

  it('lists a clip’s contributors: the author, then note writers, once each', () => {
    const contributors = clipContributors({
      author: { id: 'm1', name: 'Ana' },
      teamNotes: [
        { memberId: 'm1', name: 'Ana', note: 'mine', updatedAt: '' },
        { memberId: 'm2', name: 'Bo', note: 'good read', updatedAt: '' },
        { memberId: 'm3', name: 'Cy', note: '  ', updatedAt: '' },
      ],
    });
    expect(contributors).toEqual([
      { name: 'Ana', shared: true, noted: true, highlights: 0 },
      { name: 'Bo', shared: false, noted: true, highlights: 0 },
    ]);
    expect(countNew([item('shared', 'x', '1')], 'x')).toBe(0);
  });
});
