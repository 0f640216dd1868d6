/**
 * The normalized text of a DOM subtree and a two-way map between its offsets and DOM points. Describing
 * and anchoring highlights both go through this one index, so they agree on every offset.
 *
 * Normalization, chosen so markup and whitespace edits do not move offsets:
 * - text of script/style/noscript/template/textarea/select/svg/iframe/head and of hidden elements (the
 *   `hidden` attribute, inline `display:none`/`visibility:hidden`, `data-cairn-ignore`) is left out;
 * - every run of whitespace (including NBSP) becomes one space, and leading whitespace is dropped;
 * - a block boundary (p, div, li, td, br, headings…) counts as a space, inline tags (span, b, a, mark) as nothing.
 */

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'CANVAS', 'VIDEO', 'AUDIO',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BODY',
  'HTML', 'LEGEND', 'OPTION',
]);

/** Normalized text plus, per character, the text node and offset it came from. */
export interface TextIndex {
  root: Element;
  text: string;
  /** Indexed text nodes in document order. */
  nodes: Text[];
  /** For each normalized character, the index into `nodes` it came from. */
  charNode: Int32Array;
  /** For each normalized character, its offset inside that text node (a block-boundary space points at the node's end). */
  charOffset: Int32Array;
  /** For each node, the normalized offset of its first character (or where it would be). */
  nodeStart: Int32Array;
  nodeIndex: Map<Text, number>;
}

/** Whether an element's content is left out of the normalized text (non-rendered or hidden). */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('data-cairn-ignore')) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** Whether a UTF-16 code unit is whitespace for collapsing (the code units JavaScript's \s matches). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A growable Int32 array (the per-character maps are as long as the page's text). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Build the normalized text index of `root` (iterative walk, so very deep pages do not overflow the stack). */
export function buildTextIndex(root: Element): TextIndex {
  const parts: string[] = [];
  const charNode = new IntList();
  const charOffset = new IntList();
  const nodeStart = new IntList();
  const nodes: Text[] = [];
  let length = 0;
  let lastWasSpace = true; // drops leading whitespace
  let pendingBreak = false;

  // Explicit stack; a null entry after an element marks where the element ends (to see block ends).
  const stack: Array<Node | Element | null> = [];
  const leaving: boolean[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) {
    stack.push(c);
    leaving.push(false);
  }
  while (stack.length) {
    const node = stack.pop()!;
    const isLeaving = leaving.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const idx = nodes.length;
      if (pendingBreak && !lastWasSpace && nodes.length > 0 && /\S/.test(data)) {
        // A block boundary reads as one space, attributed to the end of the previous text node.
        parts.push(' ');
        charNode.push(idx - 1);
        charOffset.push(nodes[idx - 1].data.length);
        length++;
        lastWasSpace = true;
      }
      if (/\S/.test(data)) pendingBreak = false;
      nodes.push(node as Text);
      nodeStart.push(length);
      const chunkStart = length;
      let runFrom = 0; // start of the current run of kept non-space characters in `data`
      let chunk = '';
      for (let i = 0; i < data.length; i++) {
        if (!isSpace(data.charCodeAt(i))) {
          charNode.push(idx);
          charOffset.push(i);
          lastWasSpace = false;
          continue;
        }
        chunk += data.slice(runFrom, i);
        runFrom = i + 1;
        if (lastWasSpace) continue;
        chunk += ' ';
        charNode.push(idx);
        charOffset.push(i);
        lastWasSpace = true;
      }
      chunk += data.slice(runFrom);
      parts.push(chunk);
      length = chunkStart + chunk.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (isLeaving) {
      if (block) pendingBreak = true;
      continue;
    }
    if (isSkippedElement(el)) continue;
    if (block) pendingBreak = true;
    stack.push(el);
    leaving.push(true);
    for (let c = el.lastChild; c; c = c.previousSibling) {
      stack.push(c);
      leaving.push(false);
    }
  }

  const nodeIndex = new Map<Text, number>();
  nodes.forEach((n, i) => nodeIndex.set(n, i));
  return {
    root,
    text: parts.join(''),
    nodes,
    charNode: charNode.done(),
    charOffset: charOffset.done(),
    nodeStart: nodeStart.done(),
    nodeIndex,
  };
}

/** Normalized offset of the first character at or after the DOM boundary point (container, offset). */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  const direct = container.nodeType === 3 ? index.nodeIndex.get(container as Text) : undefined;
  if (direct !== undefined) {
    // First normalized char of this node whose raw offset is >= offset.
    let lo = index.nodeStart[direct];
    let hi = direct + 1 < index.nodes.length ? index.nodeStart[direct + 1] : index.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index.charNode[mid] === direct && index.charOffset[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  // A point between nodes: walk forward in document order to the first indexed text node.
  let node: Node | null;
  let descend: boolean;
  if (container.nodeType !== 3 && offset < container.childNodes.length) {
    node = container.childNodes[offset];
    descend = true;
  } else {
    node = container;
    descend = container.nodeType === 3 && offset === 0;
  }
  while (node) {
    if (node.nodeType === 3) {
      const i = index.nodeIndex.get(node as Text);
      if (i !== undefined && descend) return index.nodeStart[i];
    }
    if (descend && node.firstChild && !(node.nodeType === 1 && isSkippedElement(node as Element))) {
      node = node.firstChild;
      continue;
    }
    descend = true;
    for (;;) {
      if (node === index.root) return index.text.length;
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (!node) return index.text.length;
    }
  }
  return index.text.length;
}

/** A live Range covering normalized offsets [start, end) (end > start, both within the text). */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  const doc = index.root.ownerDocument;
  const range = doc.createRange();
  const s = Math.max(0, Math.min(start, index.text.length - 1));
  const e = Math.max(s + 1, Math.min(end, index.text.length));
  range.setStart(index.nodes[index.charNode[s]], index.charOffset[s]);
  const lastNode = index.nodes[index.charNode[e - 1]];
  range.setEnd(lastNode, Math.min(index.charOffset[e - 1] + 1, lastNode.data.length));
  return range;
}
