/**
 * The knowledge map: the taxonomy as a tree annotated with what the library holds — clip counts
 * (subcategories included), contributors, latest activity, and gaps (empty or stale categories).
 * Pure: taxonomy, clips and a clock in, a tree out; the side panel's Map view draws it.
 */
import type { Category } from '../categorize/types';
import type { ClipListItem } from '../clip/types';

/** Who filed clips into a category: a teammate (author id) or this user (`id: null`). */
export interface Contributor {
  id: string | null;
  name: string | null;
  clips: number;
}

/** Why a category needs attention: nothing in it, or nothing new for `staleDays`. */
export type Gap = 'empty' | 'stale' | null;

/** One category of the map. */
export interface MapNode {
  category: Category;
  depth: number;
  /** Clips filed directly here. */
  direct: number;
  /** Clips here and in every subcategory. */
  count: number;
  /** Contributors over the subtree, most clips first. */
  contributors: Contributor[];
  /** Newest clip activity (createdAt or updatedAt) over the subtree, ISO; null when empty. */
  latestAt: string | null;
  /** Days since latestAt (rounded down); null when empty. */
  ageDays: number | null;
  gap: Gap;
  /** 1 = activity today, 0 = at or beyond `staleDays` (or empty). */
  freshness: number;
  children: MapNode[];
}

/** The whole map: roots in taxonomy order, unfiled clips, and the gaps listed. */
export interface KnowledgeMap {
  roots: MapNode[];
  /** Every node, depth-first (handy for lists and lookups). */
  nodes: MapNode[];
  total: number;
  unfiled: number;
  empty: MapNode[];
  stale: MapNode[];
  contributors: Contributor[];
  staleDays: number;
}

const DAY = 86_400_000;

/** Options of the map: how many days without a new clip make a category stale (default 90). */
export interface MapOptions {
  staleDays?: number;
}

function activityOf(clip: ClipListItem): string {
  return clip.updatedAt > clip.createdAt ? clip.updatedAt : clip.createdAt;
}

function addContributor(into: Map<string, Contributor>, c: Contributor): void {
  const key = c.id ?? '\u0000me';
  const seen = into.get(key);
  if (seen) seen.clips += c.clips;
  else into.set(key, { ...c });
}

function sortContributors(m: Map<string, Contributor>): Contributor[] {
  return [...m.values()].sort((a, b) => b.clips - a.clips || (a.name ?? '').localeCompare(b.name ?? ''));
}

/**
 * Build the knowledge map of `clips` (tombstones ignored) over `taxonomy` at time `now`.
 * A category is stale when it has clips but none created within `staleDays`.
 */
export function buildKnowledgeMap(taxonomy: readonly Category[], clips: readonly ClipListItem[], now: Date, options: MapOptions = {}): KnowledgeMap {
  const staleDays = options.staleDays ?? 90;
  const known = new Set(taxonomy.map((c) => c.id));
  const live = clips.filter((c) => !c.deletedAt);
  const byCategory = new Map<string, ClipListItem[]>();
  let unfiled = 0;
  for (const clip of live) {
    if (!clip.categoryId || !known.has(clip.categoryId)) { unfiled++; continue; }
    const list = byCategory.get(clip.categoryId);
    if (list) list.push(clip);
    else byCategory.set(clip.categoryId, [clip]);
  }

  const childrenOf = new Map<string, Category[]>();
  for (const c of taxonomy) {
    if (!c.parentId || !known.has(c.parentId)) continue;
    const list = childrenOf.get(c.parentId);
    if (list) list.push(c);
    else childrenOf.set(c.parentId, [c]);
  }
  const nodes: MapNode[] = [];
  const seen = new Set<string>();
  const all = new Map<string, Contributor>();
  const newestCreatedOf = new Map<MapNode, string | null>();
  const build = (category: Category, depth: number): MapNode => {
    seen.add(category.id);
    const own = byCategory.get(category.id) ?? [];
    const contributors = new Map<string, Contributor>();
    let latestAt: string | null = null;
    let newestCreated: string | null = null;
    for (const clip of own) {
      addContributor(contributors, { id: clip.author?.id ?? null, name: clip.author?.name ?? null, clips: 1 });
      const at = activityOf(clip);
      if (!latestAt || at > latestAt) latestAt = at;
      if (!newestCreated || clip.createdAt > newestCreated) newestCreated = clip.createdAt;
    }
    const node: MapNode = { category, depth, direct: own.length, count: own.length, contributors: [], latestAt: null, ageDays: null, gap: null, freshness: 0, children: [] };
    nodes.push(node);
    for (const child of childrenOf.get(category.id) ?? []) {
      if (seen.has(child.id)) continue;
      const sub = build(child, depth + 1);
      node.children.push(sub);
      node.count += sub.count;
      for (const c of sub.contributors) addContributor(contributors, c);
      if (sub.latestAt && (!latestAt || sub.latestAt > latestAt)) latestAt = sub.latestAt;
      const subCreated = newestCreatedOf.get(sub) ?? null;
      if (subCreated && (!newestCreated || subCreated > newestCreated)) newestCreated = subCreated;
    }
    node.contributors = sortContributors(contributors);
    node.latestAt = latestAt;
    newestCreatedOf.set(node, newestCreated);
    if (latestAt) {
      const age = Math.max(0, now.getTime() - Date.parse(latestAt));
      node.ageDays = Math.floor(age / DAY);
      node.freshness = Math.max(0, 1 - age / (staleDays * DAY));
    }
    const createdAge = newestCreated ? (now.getTime() - Date.parse(newestCreated)) / DAY : Infinity;
    node.gap = node.count === 0 ? 'empty' : createdAge >= staleDays ? 'stale' : null;
    return node;
  };

  const roots: MapNode[] = [];
  for (const c of taxonomy) if (!c.parentId || !known.has(c.parentId)) roots.push(build(c, 0));
  for (const c of taxonomy) if (!seen.has(c.id)) roots.push(build(c, 0)); // cycles: still shown once
  for (const clip of live) addContributor(all, { id: clip.author?.id ?? null, name: clip.author?.name ?? null, clips: 1 });

  return {
    roots,
    nodes,
    total: live.length,
    unfiled,
    empty: nodes.filter((n) => n.gap === 'empty'),
    stale: nodes.filter((n) => n.gap === 'stale'),
    contributors: sortContributors(all),
    staleDays,
  };
}
