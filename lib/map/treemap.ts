/**
 * Squarified treemap layout (Bruls, Huizing & van Wijk): rectangles whose areas are proportional to
 * the values, laid out in rows that keep aspect ratios near 1. Pure: numbers in, rectangles out.
 */

/** A rectangle in the layout's coordinate space. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One laid-out item: its id and rectangle. */
export interface TreemapCell extends Rect {
  id: string;
  value: number;
}

/** Input of the flat layout: an id and a non-negative size. */
export interface TreemapItem {
  id: string;
  value: number;
}

/** Worst aspect ratio of a row of areas laid along a side of length `side`. */
function worst(row: number[], side: number): number {
  const sum = row.reduce((a, b) => a + b, 0);
  if (sum <= 0 || side <= 0) return Infinity;
  let max = -Infinity;
  let min = Infinity;
  for (const r of row) {
    if (r > max) max = r;
    if (r < min) min = r;
  }
  const s2 = side * side;
  const sum2 = sum * sum;
  return Math.max((s2 * max) / sum2, sum2 / (s2 * min));
}

/**
 * Lay out `items` (zero values are dropped) inside `bounds`, biggest first, so each cell's area is
 * value / total × the bounds' area and no two cells overlap.
 */
export function squarify(items: readonly TreemapItem[], bounds: Rect): TreemapCell[] {
  const sorted = items.filter((i) => i.value > 0 && Number.isFinite(i.value)).sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const total = sorted.reduce((a, b) => a + b.value, 0);
  const out: TreemapCell[] = [];
  if (total <= 0 || bounds.w <= 0 || bounds.h <= 0) return out;
  const scale = (bounds.w * bounds.h) / total;
  let free: Rect = { ...bounds };
  let row: TreemapItem[] = [];
  let rowAreas: number[] = [];

  const placeRow = () => {
    const sum = rowAreas.reduce((a, b) => a + b, 0);
    if (sum <= 0) return;
    if (free.w >= free.h) {
      // Column on the left, items stacked top to bottom.
      const colW = Math.min(free.w, sum / free.h);
      let y = free.y;
      row.forEach((item, i) => {
        const h = i === row.length - 1 ? free.y + free.h - y : rowAreas[i]! / colW;
        out.push({ id: item.id, value: item.value, x: free.x, y, w: colW, h });
        y += h;
      });
      free = { x: free.x + colW, y: free.y, w: Math.max(0, free.w - colW), h: free.h };
    } else {
      const rowH = Math.min(free.h, sum / free.w);
      let x = free.x;
      row.forEach((item, i) => {
        const w = i === row.length - 1 ? free.x + free.w - x : rowAreas[i]! / rowH;
        out.push({ id: item.id, value: item.value, x, y: free.y, w, h: rowH });
        x += w;
      });
      free = { x: free.x, y: free.y + rowH, w: free.w, h: Math.max(0, free.h - rowH) };
    }
    row = [];
    rowAreas = [];
  };

  for (const item of sorted) {
    const area = item.value * scale;
    const side = Math.min(free.w, free.h);
    if (row.length === 0 || worst([...rowAreas, area], side) <= worst(rowAreas, side)) {
      row.push(item);
      rowAreas.push(area);
    } else {
      placeRow();
      row.push(item);
      rowAreas.push(area);
    }
  }
  placeRow();
  return out;
}

/** A node of a nested treemap: its own size (clips filed directly) and its children. */
export interface TreemapNode {
  id: string;
  /** Size of the node itself, not counting children (e.g. clips filed directly in a category). */
  value: number;
  children?: readonly TreemapNode[];
}

/** A laid-out node of the nested treemap, with its depth (0 for top-level nodes). */
export interface NestedCell extends TreemapCell {
  depth: number;
  /** True for the slice that stands for the parent's own value beside its children. */
  own: boolean;
}

/** Total value of a node and its subtree. */
export function subtreeValue(node: TreemapNode): number {
  return node.value + (node.children ?? []).reduce((a, c) => a + subtreeValue(c), 0);
}

/**
 * Nested squarified layout: top-level nodes share `bounds` by subtree value; inside each (inset by
 * `padding`, with `header` room on top for a label), its children and a slice for its own value.
 */
export function nestedTreemap(nodes: readonly TreemapNode[], bounds: Rect, options: { padding?: number; header?: number; maxDepth?: number } = {}): NestedCell[] {
  const padding = options.padding ?? 2;
  const header = options.header ?? 0;
  const maxDepth = options.maxDepth ?? 3;
  const out: NestedCell[] = [];
  const walk = (level: readonly TreemapNode[], area: Rect, depth: number, ownOf: TreemapNode | null) => {
    const items = level.map((n) => ({ id: n.id, value: subtreeValue(n) }));
    if (ownOf && ownOf.value > 0) items.push({ id: ownOf.id, value: ownOf.value });
    for (const cell of squarify(items, area)) {
      const isOwn = !!ownOf && cell.id === ownOf.id;
      out.push({ ...cell, depth, own: isOwn });
      if (isOwn) continue;
      const node = level.find((n) => n.id === cell.id)!;
      const kids = node.children ?? [];
      if (kids.length === 0 || depth + 1 >= maxDepth || kids.every((k) => subtreeValue(k) === 0)) continue;
      const inner: Rect = { x: cell.x + padding, y: cell.y + padding + header, w: cell.w - 2 * padding, h: cell.h - 2 * padding - header };
      if (inner.w <= 1 || inner.h <= 1) continue;
      walk(kids, inner, depth + 1, node);
    }
  };
  walk(nodes, bounds, 0, null);
  return out;
}
