import { describe, expect, it } from 'vitest';
import { nestedTreemap, squarify, subtreeValue, type Rect, type TreemapCell } from '../../../lib/map/treemap';

const overlap = (a: Rect, b: Rect) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1e-6 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1e-6;
const inside = (c: Rect, b: Rect) => c.x >= b.x - 1e-6 && c.y >= b.y - 1e-6 && c.x + c.w <= b.x + b.w + 1e-6 && c.y + c.h <= b.y + b.h + 1e-6;

function seeded(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('squarify', () => {
  it('gives areas proportional to values, inside the bounds, without overlap (random inputs)', () => {
    const rand = seeded(7);
    for (let round = 0; round < 50; round++) {
      const bounds = { x: rand() * 10, y: rand() * 10, w: 50 + rand() * 500, h: 50 + rand() * 300 };
      const items = Array.from({ length: 1 + Math.floor(rand() * 30) }, (_, i) => ({ id: `c${i}`, value: 1 + Math.floor(rand() * 100) }));
      const cells = squarify(items, bounds);
      expect(cells).toHaveLength(items.length);
      const total = items.reduce((a, b) => a + b.value, 0);
      for (const cell of cells) {
        expect(cell.w * cell.h).toBeCloseTo((cell.value / total) * bounds.w * bounds.h, 3);
        expect(inside(cell, bounds)).toBe(true);
      }
      for (let i = 0; i < cells.length; i++) for (let j = i + 1; j < cells.length; j++) expect(overlap(cells[i]!, cells[j]!)).toBe(false);
      const covered = cells.reduce((a, c) => a + c.w * c.h, 0);
      expect(covered).toBeCloseTo(bounds.w * bounds.h, 3);
    }
  });

  it('keeps cells near square for equal values (better than slicing into strips)', () => {
    const cells = squarify(Array.from({ length: 16 }, (_, i) => ({ id: String(i), value: 1 })), { x: 0, y: 0, w: 400, h: 400 });
    const worst = Math.max(...cells.map((c) => Math.max(c.w / c.h, c.h / c.w)));
    expect(worst).toBeLessThan(2.5);
  });

  it('drops zero and invalid values and handles empty input', () => {
    expect(squarify([], { x: 0, y: 0, w: 10, h: 10 })).toEqual([]);
    const cells = squarify([{ id: 'a', value: 0 }, { id: 'b', value: 3 }, { id: 'c', value: Number.NaN }], { x: 0, y: 0, w: 10, h: 10 });
    expect(cells.map((c) => c.id)).toEqual(['b']);
    expect(cells[0]).toMatchObject({ x: 0, y: 0, w: 10, h: 10 });
  });
});

describe('nestedTreemap', () => {
  const tree = [
    { id: 'a', value: 2, children: [{ id: 'a1', value: 5 }, { id: 'a2', value: 3 }] },
    { id: 'b', value: 6 },
    { id: 'c', value: 0 },
  ];
  it('sizes parents by subtree, nests children inside their parent, and keeps a slice for the parent\'s own clips', () => {
    const bounds = { x: 0, y: 0, w: 320, h: 200 };
    const cells = nestedTreemap(tree, bounds, { padding: 2, header: 10 });
    const top = cells.filter((c) => c.depth === 0);
    expect(top.map((c) => c.id).sort()).toEqual(['a', 'b']);
    const a = top.find((c) => c.id === 'a')!;
    expect(a.w * a.h).toBeCloseTo((10 / 16) * bounds.w * bounds.h, 3);
    const inner = cells.filter((c) => c.depth === 1);
    expect(inner.map((c) => `${c.id}${c.own ? '*' : ''}`).sort()).toEqual(['a*', 'a1', 'a2']);
    for (const c of inner) expect(inside(c, { x: a.x + 2, y: a.y + 12, w: a.w - 4, h: a.h - 14 })).toBe(true);
    const a1 = inner.find((c) => c.id === 'a1')!;
    const own = inner.find((c) => c.own)!;
    expect((a1.w * a1.h) / (own.w * own.h)).toBeCloseTo(5 / 2, 3);
    expect(subtreeValue(tree[0]!)).toBe(10);
  });

  it('stops at maxDepth', () => {
    const cells = nestedTreemap(tree, { x: 0, y: 0, w: 300, h: 300 }, { maxDepth: 1 });
    expect(cells.every((c: TreemapCell & { depth: number }) => c.depth === 0)).toBe(true);
  });
});
