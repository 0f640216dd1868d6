import { describe, expect, it } from 'vitest';
import { editDistance, searchApprox } from '../../../lib/highlight/approx-search';
import { seededRandom } from '../../helpers/seeded-random';

/** Textbook O(n·m) semi-global DP: the fewest edits of `pattern` ending at each text position. */
function bruteEnds(text: string, pattern: string): number[] {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) cur[i] = Math.min(prev[i - 1] + (pattern[i - 1] === text[j] ? 0 : 1), prev[i] + 1, cur[i - 1] + 1);
    prev = cur;
    out.push(cur[m]);
  }
  return out;
}

const randomString = (rand: () => number, n: number, alphabet: string) =>
  Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

describe('searchApprox (block Myers)', () => {
  it('agrees with the textbook DP on random patterns of 1–140 characters (several 32-bit blocks)', () => {
    const rand = seededRandom(7);
    let checked = 0;
    for (let t = 0; t < 200; t++) {
      const m = 1 + Math.floor(rand() * 140);
      const text = randomString(rand, 400, 'abcd');
      const pattern = randomString(rand, m, 'abcd');
      const k = Math.floor(m * 0.4);
      const brute = bruteEnds(text, pattern);
      const found = searchApprox(text, pattern, k);
      for (const f of found) {
        expect(f.errors).toBe(brute[f.end - 1]);
        expect(f.errors).toBeLessThanOrEqual(k);
        expect(editDistance(text.slice(f.start, f.end), pattern)).toBe(f.errors);
        checked++;
      }
      const best = Math.min(...brute);
      if (best <= k) expect(found.some((f) => f.errors === best)).toBe(true);
      else expect(found).toEqual([]);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('finds an edited sentence in Chinese and English text and reports its span', () => {
    const text = '前言。我们今天讨论知识管理如何帮助团队学习，以及组织记忆。后记 and then the quick brown fox jumps over the lazy dog.';
    const zh = searchApprox(text, '知识管理怎样帮助团队学习', 3);
    expect(zh).toHaveLength(1);
    expect(text.slice(zh[0].start, zh[0].end)).toBe('知识管理如何帮助团队学习');
    const en = searchApprox(text, 'quick brwn fox jumped over', 4);
    expect(text.slice(en[0].start, en[0].end)).toMatch(/^quick brown fox jump/);
  });

  it('respects the search window', () => {
    const text = 'needle haystack needle haystack needle';
    expect(searchApprox(text, 'needle', 0).map((m) => m.start)).toEqual([0, 16, 32]);
    expect(searchApprox(text, 'needle', 0, 10, 30).map((m) => m.start)).toEqual([16]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('知识管理', '知识的管理')).toBe(1);
  });
});
