/**
 * Organize figures: knowledge map build and treemap layout over a large library, and a bulk move
 * of many clips in one IndexedDB transaction (fake-indexeddb in Node, so a relative figure).
 * Run: npx tsx bench/organize.ts [clips=10000] [categories=200]
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Category } from '../lib/categorize/types';
import type { Clip } from '../lib/clip/types';
import { ClipStore } from '../lib/db/clip-store';
import { createBulkService } from '../lib/background/bulk';
import { buildKnowledgeMap, type MapNode } from '../lib/map/knowledge-map';
import { nestedTreemap, type TreemapNode } from '../lib/map/treemap';
import { createNearDuplicateFinder } from '../lib/background/near-duplicates';

const clipCount = Number(process.argv[2] ?? 10_000);
const categoryCount = Number(process.argv[3] ?? 200);
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

const taxonomy: Category[] = Array.from({ length: categoryCount }, (_, i) => ({
  id: `c${i}`, parentId: i < 10 ? null : `c${Math.floor(rand() * Math.min(i, 50))}`, name: { en: `Cat ${i}`, zh: `类 ${i}` }, aliases: [], keywords: [],
}));
const now = Date.parse('2026-06-01T00:00:00Z');
const clips: Clip[] = Array.from({ length: clipCount }, (_, i) => {
  const at = new Date(now - Math.floor(rand() * 400) * 86_400_000).toISOString();
  return {
    id: `id${String(i).padStart(7, '0')}`, mode: 'link', url: `https://s${i % 97}.test/${i}`, canonicalUrl: `https://s${i % 97}.test/${i}`, title: `Clip ${i}`, byline: null, siteName: null,
    lang: 'en', dir: null, publishedTime: null, excerpt: '', summary: { abstract: '', keyPoints: [] }, text: '', markdown: '', html: '', wordCount: 0, readingMinutes: 0, fallback: null,
    categoryId: rand() < 0.05 ? null : `c${Math.floor(rand() ** 2 * categoryCount)}`, tags: [], note: '', visibility: 'private', createdAt: at, updatedAt: at, deletedAt: null,
    author: rand() < 0.5 ? { id: `m${Math.floor(rand() * 12)}`, name: `Member ${Math.floor(rand() * 12)}` } : null,
  };
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time(runs: number, fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}
const toTree = (nodes: MapNode[]): TreemapNode[] => nodes.map((n) => ({ id: n.category.id, value: n.direct, children: toTree(n.children) }));

const map = buildKnowledgeMap(taxonomy, clips, new Date(now));
const mapMs = time(15, () => buildKnowledgeMap(taxonomy, clips, new Date(now)));
const tree = toTree(map.roots);
const layoutMs = time(15, () => nestedTreemap(tree, { x: 0, y: 0, w: 320, h: 200 }, { padding: 2, header: 12 }));
const cells = nestedTreemap(tree, { x: 0, y: 0, w: 320, h: 200 }, { padding: 2, header: 12 }).length;

const store = new ClipStore(new IDBFactory());
await store.saveTaxonomy(taxonomy);
const bulkN = Math.min(1000, clipCount);
await store.writeMany(clips.slice(0, bulkN).map((c) => c.id), (id) => clips.find((c) => c.id === id)!);
const service = createBulkService({ store, now: () => new Date(now), share: () => Promise.reject(new Error('no team')) });
const t0 = performance.now();
const moved = await service.bulk(clips.slice(0, bulkN).map((c) => c.id), { kind: 'move', categoryId: 'c1' });
const moveMs = performance.now() - t0;
const t1 = performance.now();
await service.revert(moved.snapshot);
const revertMs = performance.now() - t1;

// Near-duplicates at capture: the first capture builds the MinHash index over the library; later ones query it.
const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
const textOf = () => Array.from({ length: 400 }, () => words[Math.floor(rand() * words.length)]).join(' ');
const dupN = Math.min(5000, clipCount);
const texted = clips.slice(0, dupN).map((c) => ({ ...c, text: textOf() }));
const finder = createNearDuplicateFinder(async () => texted);
const probe = { ...texted[7]!, url: 'https://copy.test/x', canonicalUrl: 'https://copy.test/x' };
const t2 = performance.now();
const firstHits = await finder.find(probe);
const firstMs = performance.now() - t2;
const queryMs = median(await Promise.all(Array.from({ length: 9 }, async () => { const t = performance.now(); await finder.find(probe); return performance.now() - t; })));

console.log(`near-duplicates: first capture over ${dupN} clips of 400 words builds the index in ${firstMs.toFixed(0)} ms (found ${firstHits.length}); later captures ${queryMs.toFixed(2)} ms`);
console.log(`knowledge map: ${clipCount} clips, ${categoryCount} categories: build ${mapMs.toFixed(2)} ms (median of 15); ${map.empty.length} empty, ${map.stale.length} stale`);
console.log(`treemap layout: ${cells} cells in ${layoutMs.toFixed(2)} ms (median of 15)`);
console.log(`bulk move of ${moved.changed} clips in one transaction (fake-indexeddb): ${moveMs.toFixed(0)} ms; undo ${revertMs.toFixed(0)} ms`);
console.log(JSON.stringify({ clips: clipCount, categories: categoryCount, mapMs: +mapMs.toFixed(2), layoutMs: +layoutMs.toFixed(2), cells, bulkClips: moved.changed, bulkMoveMs: Math.round(moveMs), bulkUndoMs: Math.round(revertMs), nearDupClips: dupN, nearDupFirstMs: Math.round(firstMs), nearDupQueryMs: +queryMs.toFixed(2) }));
