/**
 * Turndown rules for tables. turndown-plugin-gfm converts only tables whose first row is all <th> and keeps
 * every other table as raw HTML; clips must hold no HTML, so every data table becomes a GFM table (with an
 * empty header when the page has none) and layout tables (nested tables, cells full of blocks) become blocks.
 */
import type TurndownService from 'turndown';

const BLOCK_TAGS_IN_CELL = new Set(['P', 'DIV', 'UL', 'OL', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'TABLE']);
const layoutCache = new WeakMap<Element, boolean>();

/**
 * True when a table arranges page parts rather than holding data (nested tables, a single cell, cells with
 * several blocks or long prose); such tables are flattened. One walk over the table's elements, no selectors:
 * jsdom's live collections are slow and Turndown's Node parser (domino) mishandles some selectors.
 */
function isLayoutTable(table: Element): boolean {
  let cached = layoutCache.get(table);
  if (cached !== undefined) return cached;
  let cells = 0;
  cached = false;
  const stack: Array<{ el: Element; cell: Element | null }> = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, cell: null });
  const blocksInCell = new Map<Element, number>();
  while (stack.length && !cached) {
    const { el, cell } = stack.pop()!;
    const name = el.nodeName.toUpperCase();
    let owner = cell;
    if (name === 'TABLE') cached = true;
    else if (!cell && (name === 'TD' || name === 'TH')) {
      cells++;
      owner = el;
      if ((el.textContent ?? '').length > 600) cached = true;
    } else if (cell && BLOCK_TAGS_IN_CELL.has(name)) {
      const n = (blocksInCell.get(cell) ?? 0) + 1;
      blocksInCell.set(cell, n);
      if (n > 1) cached = true;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, cell: owner });
  }
  if (cells <= 1) cached = true;
  layoutCache.set(table, cached);
  return cached;
}

function tableOf(node: Node): Element | null {
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) if (n.nodeName === 'TABLE') return n as Element;
  return null;
}

const firstRowCache = new WeakMap<Element, Element | null>();

/** The table's own first row (not a nested table's); cached, since every row asks. */
function firstRowOf(table: Element): Element | null {
  let first = firstRowCache.get(table);
  if (first === undefined) {
    first = Array.from(table.getElementsByTagName('tr')).find((tr) => tableOf(tr) === table) ?? null;
    firstRowCache.set(table, first);
  }
  return first;
}

function rowsOf(table: Element): Element[] {
  return Array.from(table.getElementsByTagName('tr')).filter((tr) => tableOf(tr) === table);
}

function columnCount(table: Element): number {
  let max = 0;
  for (const tr of rowsOf(table)) {
    let n = 0;
    for (const cell of Array.from(tr.children)) if (cell.nodeName === 'TD' || cell.nodeName === 'TH') n += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
    max = Math.max(max, n);
  }
  return Math.max(max, 1);
}

const inDataTable = (node: Node) => {
  const table = tableOf(node);
  return !!table && !isLayoutTable(table);
};

/** Add the table rules to a Turndown service (call after any plugin that defines table rules). */
export function useTableRules(service: TurndownService): void {
  // Turndown tries the most recently added rule first: the catch-all for layout tables goes in first.
  service.addRule('layoutTablePart', {
    filter: (node) => ['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH'].includes(node.nodeName),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  service.addRule('dataTableCell', {
    filter: (node) => (node.nodeName === 'TD' || node.nodeName === 'TH') && inDataTable(node),
    replacement: (content, node) => {
      const text = content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
      const span = Math.max(1, Number((node as Element).getAttribute('colspan')) || 1);
      return ` ${text} |` + ' |'.repeat(span - 1);
    },
  });
  service.addRule('dataTableRow', {
    filter: (node) => node.nodeName === 'TR' && inDataTable(node),
    replacement: (content, node) => {
      const table = tableOf(node)!;
      const row = '\n|' + content;
      if (firstRowOf(table) !== node) return row;
      const columns = columnCount(table);
      const cellsHere = (content.match(/(?<!\\)\|/g) ?? []).length;
      const padded = row + ' |'.repeat(Math.max(0, columns - cellsHere));
      return padded + '\n|' + ' --- |'.repeat(columns);
    },
  });
  service.addRule('dataTableSection', {
    filter: (node) => ['THEAD', 'TBODY', 'TFOOT'].includes(node.nodeName) && inDataTable(node),
    replacement: (content) => content,
  });
  service.addRule('tableCaption', {
    filter: 'caption',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule('dataTable', {
    filter: (node) => node.nodeName === 'TABLE' && !isLayoutTable(node as Element),
    replacement: (content) => {
      const lines = content.split('\n').filter((l) => l.trim());
      const caption = lines.filter((l) => !l.startsWith('|'));
      const rows = lines.filter((l) => l.startsWith('|'));
      return '\n\n' + (caption.length ? caption.join('\n') + '\n\n' : '') + rows.join('\n') + '\n\n';
    },
  });
}
