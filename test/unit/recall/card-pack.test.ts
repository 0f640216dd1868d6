/** Cards and URL maps packed as columns for the snapshot cache come back exactly, odd values included. */
import { describe, expect, it } from 'vitest';
import { packCards, packUrlMap, unpackCards, unpackUrlMap } from '../../../lib/recall/card-pack';
import type { ClipCard } from '../../../lib/recall/cards';

const card = (over: Partial<ClipCard>): ClipCard => ({
  id: 'x', title: 'T', url: 'https://a.example/', keys: ['https://a.example/'], site: 'a.example', categoryId: null, tags: [], createdAt: '2024-01-01T00:00:00.000Z', blurb: '', ...over,
});

describe('card-pack', () => {
  it('round-trips cards through structured clone, with null categories, empty and many keys and tags', () => {
    const cards = [
      card({ id: 'a', title: '学习型组织 — the fifth discipline', categoryId: 'learning', tags: ['管理', 'org', ''], keys: ['https://x.cn/a', 'https://x.cn/a?ref=1'] }),
      card({ id: 'b', title: '', keys: [], tags: [], blurb: 'emoji 🧭 and RTL עברית' }),
      card({ id: 'c', categoryId: '', tags: ['one'], blurb: 'x'.repeat(400) }),
    ];
    const back = unpackCards(structuredClone(packCards(cards)));
    expect([...back.keys()]).toEqual(['a', 'b', 'c']);
    expect([...back.values()]).toEqual(cards);
  });

  it('survives JSON too (typed arrays come back as objects)', () => {
    const cards = [card({ id: 'a', tags: ['t1', 't2'] }), card({ id: 'b', categoryId: 'c' })];
    expect([...unpackCards(JSON.parse(JSON.stringify(packCards(cards)))).values()]).toEqual(cards);
  });

  it('round-trips a URL map in order', () => {
    const m = new Map([['https://a.example/x', 'a'], ['https://b.example/中文', 'b'], ['', 'c']]);
    const back = unpackUrlMap(structuredClone(packUrlMap(m)));
    expect([...back]).toEqual([...m]);
    expect(unpackUrlMap(packUrlMap(new Map())).size).toBe(0);
  });
});
