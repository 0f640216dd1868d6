/**
 * Show and remove highlights in the page's own DOM: each selected piece of text is wrapped in
 * `<mark data-cairn-highlight="ID" class="cairn-hl cairn-hl-COLOR">`, one mark per text node, so a highlight
 * never spans table cells or list items and the page's structure (and its normalized text) stays the same.
 */
import type { HighlightColor } from './types';
import { isSkippedElement } from './text-index';

/** Attribute that carries a highlight's id on each of its <mark> elements. */
export const HIGHLIGHT_ATTR = 'data-cairn-highlight';

/** Parents inside which a whitespace-only text node is layout, not text: wrapping it would break the structure. */
const STRUCTURAL_PARENTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT', 'DATALIST', 'HTML', 'HEAD']);

/** Options for a highlight's marks. */
export interface HighlightOptions {
  id: string;
  color: HighlightColor;
}

/** Wrap the text in `range` in <mark> elements for highlight `id`; returns the marks made, in document order. */
export function highlightRange(doc: Document, range: Range, { id, color }: HighlightOptions): HTMLElement[] {
  const pieces = textPieces(range);
  const marks: HTMLElement[] = [];
  for (const { node, from, to } of pieces) {
    let target = node;
    if (to < target.data.length) target.splitText(to);
    if (from > 0) target = target.splitText(from);
    const mark = doc.createElement('mark');
    mark.setAttribute(HIGHLIGHT_ATTR, id);
    mark.className = `cairn-hl cairn-hl-${color}`;
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return marks;
}

/** Remove every mark of highlight `id`, putting its text back and re-joining text nodes the marks had split. */
export function removeHighlight(doc: Document, id: string): number {
  const marks = Array.from(doc.querySelectorAll<HTMLElement>(`[${HIGHLIGHT_ATTR}]`)).filter((m) => m.getAttribute(HIGHLIGHT_ATTR) === id);
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const first = mark.firstChild;
    const last = mark.lastChild;
    const before = mark.previousSibling;
    const after = mark.nextSibling;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    joinText(before, first);
    joinText(last === first && before?.nodeType === 3 && first?.nodeType === 3 ? before : last, after);
  }
  return marks.length;
}

/** Every id with marks on the page (to list what is shown). */
export function highlightIds(doc: Document): string[] {
  const ids = new Set<string>();
  doc.querySelectorAll(`[${HIGHLIGHT_ATTR}]`).forEach((m) => ids.add(m.getAttribute(HIGHLIGHT_ATTR)!));
  return [...ids];
}

/** Merge text node `b` into the text node `a` right before it, when both are text and adjacent. */
function joinText(a: Node | null, b: Node | null): void {
  if (!a || !b || a === b || a.nodeType !== 3 || b.nodeType !== 3 || a.nextSibling !== b) return;
  (a as Text).appendData((b as Text).data);
  b.parentNode!.removeChild(b);
}

interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The non-empty, visible parts of text nodes inside the range, in document order. */
function textPieces(range: Range): Piece[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const common = range.commonAncestorContainer;
  const out: Piece[] = [];
  const visit = (t: Text) => {
    const from = t === range.startContainer ? range.startOffset : 0;
    const to = t === range.endContainer ? range.endOffset : t.data.length;
    if (to <= from || inSkipped(t)) return;
    if (/^\s*$/.test(t.data) && STRUCTURAL_PARENTS.has((t.parentNode as Element | null)?.tagName?.toUpperCase() ?? '')) return;
    out.push({ node: t, from, to });
  };
  if (common.nodeType === 3) {
    visit(common as Text);
    return out;
  }
  const walker = doc.createTreeWalker(common, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) visit(n as Text);
  }
  return out;
}

function inSkipped(t: Text): boolean {
  for (let el = t.parentElement; el; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}
