/** Cards packed for the snapshot cache come back, from the imported index, exactly as cards built live. */
import { describe, expect, it } from 'vitest';
import { packCards, unpackCards } from '../../../lib/recall/card-pack';
import { cardOf, categoryNamer, searchableOf } from '../../../lib/recall/cards';
import { createSearchIndex } from '../../../lib/search';
import { makeClip } from '../db/make-clip';

const namer = categoryNamer([]);
const clips = [
  makeClip({ id: 'a', title: '学习型组织 — the fifth discipline', categoryId: 'learning', tags: ['管理', 'org'], url: 'https://x.cn/a?ref=1', canonicalUrl: 'https://x.cn/a',
    summary: { abstract: '通过知识管理建设学习型组织。'.repeat(40), keyPoints: [] } }),
  makeClip({ id: 'b', title: '', siteName: null as unknown as string, url: 'https://www.Example.org/path', canonicalUrl: 'https://www.example.org/path',
    summary: { abstract: '', keyPoints: ['only a key point, emoji 🧭 and RTL עברית'] }, excerpt: '' }),
  makeClip({ id: 'c', title: 'T'.repeat(500), siteName: 'S'.repeat(150), tags: [], summary: { abstract: '', keyPoints: [] }, excerpt: 'An excerpt.' }),
];

function roundTrip(via: (x: unknown) => unknown) {
  const live = createSearchIndex();
  for (const c of clips) live.add(searchableOf(c, namer));
  const cards = clips.map(cardOf);
  const packed = via({ snapshot: live.exportSnapshot(), cards: packCards(cards) }) as { snapshot: ReturnType<typeof live.exportSnapshot>; cards: ReturnType<typeof packCards> };
  const index = createSearchIndex();
  index.importSnapshot(packed.snapshot);
  return { cards, index, packed: packed.cards, back: unpackCards(packed.cards, (id) => index.storedDoc(id)) };
}

describe('card-pack', () => {
  it('rebuilds through structured clone the very cards built live (Chinese, no title or site, long fields)', () => {
    const { cards, back } = roundTrip(structuredClone);
    expect([...back.keys()]).toEqual(['a', 'b', 'c']);
    expect([...back.values()]).toEqual(cards);
    expect(back.get('b')!.title).toBe('https://www.Example.org/path'); // no title: the URL
    expect(back.get('b')!.site).toBe('example.org'); // no site name: the host
    expect(back.get('b')!.blurb).toContain('only a key point');
    expect(back.get('a')!.keys).toEqual(['https://x.cn/a', 'https://x.cn/a?ref=1']); // canonical and as visited
  });

  it('drops a card whose clip is not in the index', () => {
    const { index, packed } = roundTrip(structuredClone);
    expect([...unpackCards(packed, (id) => (id === 'b' ? undefined : index.storedDoc(id))).keys()]).toEqual(['a', 'c']);
  });
});
