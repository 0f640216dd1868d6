/** Read-only views of the taxonomy tree for pickers, the library filter and the editor. */
import type { Category } from '../categorize/types';

/** A category with its depth in the tree (0 = top level). */
export interface TreeRow {
  category: Category;
  depth: number;
}

/** Children of a parent (null = top level), in stored order. */
export function childrenOf(taxonomy: readonly Category[], parentId: string | null): Category[] {
  return taxonomy.filter((c) => (c.parentId ?? null) === parentId);
}

/** Depth-first rows of the tree; orphans (parent missing) show at top level; cycles are cut. */
export function flattenTree(taxonomy: readonly Category[]): TreeRow[] {
  const ids = new Set(taxonomy.map((c) => c.id));
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (c: Category, depth: number) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    rows.push({ category: c, depth });
    for (const child of taxonomy) if (child.parentId === c.id) visit(child, depth + 1);
  };
  for (const c of taxonomy) if (!c.parentId || !ids.has(c.parentId)) visit(c, 0);
  for (const c of taxonomy) visit(c, 0); // anything left is in a cycle: still list it once
  return rows;
}

/** The id and every descendant id of a category. */
export function subtreeIds(taxonomy: readonly Category[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of taxonomy) if (c.parentId && out.has(c.parentId) && !out.has(c.id)) { out.add(c.id); grew = true; }
  }
  return out;
}
