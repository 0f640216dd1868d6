/**
 * search() and related() stop reading early (top-k bounds, MaxScore pruning, candidate floors). Those
 * shortcuts must not change results: on a generated library, a small limit gives the same results as
 * the head of an unpruned run (a limit above the library size leaves nothing to prune).
 */
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchableClip, type SearchIndex } from '../../../lib/search/index';
import { seededRandom as rng } from '../../helpers/seeded-random';

const r = rng(7);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'vel', 'dra', 'qu', 'in', 'tor', 'ap', 'zen'];
const WORDS = Array.from({ length: 700 }, () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''));
const HAN = Array.from('知识管理组织学习研究方法数据模型系统设计网络安全语言文化历史经济社会科学技术发展问题工作生活时间空间城市人们国家世界教育');
/** Zipf-like pick: low indexes much more often. */
const zipf = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * r() ** 2.5)]!;
const words = (n: number) => Array.from({ length: n }, () => zipf(WORDS)).join(' ');
const han = (n: number) => Array.from({ length: n }, () => zipf(HAN)).join('');
const SIZE = 2500;

function makeClip(i: number): SearchableClip {
  const zh = i % 4 === 0;
  const text = (n: number) => (zh ? han(n * 2) : words(n));
  // Clips 0–7 share one URL: more copies of the excluded page than any fixed slack would cover.
  const url = i < 8 ? 'https://same.example/page' : `https://site${i % 40}.example/p/${i}`;
  return {
    id: `c${i}`,
    url,
    title: text(6),
    siteName: `Site ${i % 40}`,
    categoryId: `cat${i % 7}`,
    tags: [zipf(WORDS)],
    summary: { abstract: text(30), keyPoints: [text(10)] },
    createdAt: new Date(1.7e12 + i * 60_000).toISOString(),
    lang: zh ? 'zh' : 'en',
  };
}

const index: SearchIndex = createSearchIndex();
for (let i = 0; i < SIZE; i++) index.add(makeClip(i));

const scores = (hits: Array<{ score: number }>) => hits.map((h) => h.score);

/** Same scores as the head of the full list, and every hit is in it with that score. */
function expectHeadOf(pruned: Array<{ id: string; score: number }>, full: Array<{ id: string; score: number }>, k: number) {
  expect(pruned.length).toBe(Math.min(k, full.length));
  expect(scores(pruned)).toEqual(scores(full.slice(0, k)));
  const byId = new Map(full.map((h) => [h.id, h.score]));
  for (const h of pruned) expect(byId.get(h.id)).toBe(h.score);
}

describe('early stopping keeps results exact', () => {
  it('search: one-part (word, prefix, one character) and multi-part queries', () => {
    const queries = [WORDS[3]!, WORDS[40]!, WORDS[2]!.slice(0, 3), WORDS[9]!.slice(0, 2), HAN[0]!, HAN[20]!, `${WORDS[1]} ${WORDS[5]!.slice(0, 3)}`, `${WORDS[0]} ${WORDS[2]} ${WORDS[7]}`, HAN.slice(0, 4).join(''), `${HAN[2]}${HAN[3]} ${WORDS[4]}`];
    let compared = 0;
    for (const q of queries) {
      const full = index.search(q, { limit: SIZE });
      expect(full.length).toBeGreaterThan(0);
      expectHeadOf(index.search(q, { limit: 5 }), full, 5);
      compared++;
    }
    expect(compared).toBe(queries.length);
  });

  it('related: pages with and without site, category and an excluded URL with many clips', () => {
    for (let k = 0; k < 24; k++) {
      const source = makeClip(SIZE + k);
      const page = {
        title: source.title,
        text: `${source.summary!.abstract} ${words(40)}`,
        url: k % 3 === 0 ? `https://site${k}.example/new` : null,
        categoryId: k % 2 === 0 ? `cat${k % 7}` : null,
      };
      const excludeUrl = k % 4 === 1 ? 'https://same.example/page' : null;
      const full = index.related(page, { limit: SIZE, minRelativeScore: 0, excludeUrl });
      expect(full.length).toBeGreaterThan(10);
      if (excludeUrl) expect(full.map((h) => h.id)).not.toContain('c0');
      expectHeadOf(index.related(page, { limit: 10, minRelativeScore: 0, excludeUrl }), full, 10);
    }
  });
});
