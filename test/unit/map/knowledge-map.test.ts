import { describe, expect, it } from 'vitest';
import type { Category } from '../../../lib/categorize/types';
import type { Clip } from '../../../lib/clip/types';
import { buildKnowledgeMap } from '../../../lib/map/knowledge-map';

const cat = (id: string, parentId: string | null = null): Category => ({ id, parentId, name: { en: id, zh: id }, aliases: [], keywords: [] });
let n = 0;
const clip = (categoryId: string | null, createdAt: string, extra: Partial<Clip> = {}): Clip => ({
  id: `id${n++}`, mode: 'article', url: `https://e.com/${n}`, canonicalUrl: `https://e.com/${n}`, title: 't', byline: null, siteName: null, lang: 'en', dir: null,
  publishedTime: null, excerpt: '', summary: { abstract: '', keyPoints: [] }, text: '', markdown: '', html: '', wordCount: 0, readingMinutes: 0, fallback: null,
  categoryId, tags: [], note: '', visibility: 'private', createdAt, updatedAt: createdAt, deletedAt: null, ...extra,
});

const taxonomy = [cat('tech'), cat('ai', 'tech'), cat('web', 'tech'), cat('life'), cat('cook', 'life')];
const now = new Date('2026-06-01T00:00:00Z');

describe('buildKnowledgeMap', () => {
  const clips = [
    clip('ai', '2026-05-30T00:00:00Z', { author: { id: 'm1', name: 'Lin' } }),
    clip('ai', '2026-05-01T00:00:00Z'),
    clip('tech', '2026-04-01T00:00:00Z', { author: { id: 'm1', name: 'Lin' } }),
    clip('cook', '2025-12-01T00:00:00Z', { author: { id: 'm2', name: 'Ana' } }),
    clip(null, '2026-05-01T00:00:00Z'),
    clip('unknown-cat', '2026-05-01T00:00:00Z'),
    clip('web', '2026-05-01T00:00:00Z', { deletedAt: '2026-05-02T00:00:00Z' }),
  ];
  const map = buildKnowledgeMap(taxonomy, clips, now);
  const node = (id: string) => map.nodes.find((x) => x.category.id === id)!;

  it('counts clips per category including subcategories, and unfiled ones apart', () => {
    expect(node('tech').count).toBe(3);
    expect(node('tech').direct).toBe(1);
    expect(node('ai').count).toBe(2);
    expect(node('life').count).toBe(1);
    expect(map.total).toBe(6);
    expect(map.unfiled).toBe(2);
    expect(map.roots.map((r) => r.category.id)).toEqual(['tech', 'life']);
    expect(node('tech').children.map((c) => c.category.id)).toEqual(['ai', 'web']);
  });

  it('lists contributors over the subtree, most clips first, with this user as id null', () => {
    expect(node('tech').contributors).toEqual([{ id: 'm1', name: 'Lin', clips: 2 }, { id: null, name: null, clips: 1 }]);
    expect(node('life').contributors).toEqual([{ id: 'm2', name: 'Ana', clips: 1 }]);
  });

  it('finds gaps: empty categories and stale ones (no new clip in 90 days)', () => {
    expect(map.empty.map((x) => x.category.id)).toEqual(['web']);
    expect(map.stale.map((x) => x.category.id)).toEqual(['life', 'cook']);
    expect(node('tech').gap).toBeNull();
    expect(node('tech').latestAt).toBe('2026-05-30T00:00:00Z');
    expect(node('tech').ageDays).toBe(2);
    expect(node('tech').freshness).toBeGreaterThan(0.9);
    expect(node('cook').freshness).toBe(0);
    expect(buildKnowledgeMap(taxonomy, clips, now, { staleDays: 400 }).stale).toEqual([]);
  });

  it('survives cycles and orphans in the taxonomy', () => {
    const odd = [cat('x', 'y'), cat('y', 'x'), cat('o', 'missing')];
    const m = buildKnowledgeMap(odd, [clip('x', '2026-05-01T00:00:00Z')], now);
    expect(m.nodes.map((x) => x.category.id).sort()).toEqual(['o', 'x', 'y']);
    expect(m.total).toBe(1);
  });
});
