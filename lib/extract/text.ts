/** Readable plain text from a DOM subtree: blocks separated by blank lines, inline whitespace collapsed. */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'MATH', 'math']);

/**
 * Text of `root` with paragraph structure kept. `textContent` glues `<p>a</p><p>b</p>` into "ab", which
 * breaks word counts and summaries; this walks the tree (iteratively, so deep pages cannot overflow the stack).
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const stack: Array<Node | string> = [root];
  let preDepth = 0;
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      if (item === '\u0000pre-end') preDepth--;
      else parts.push(item);
      continue;
    }
    if (item.nodeType === 3) {
      const value = item.nodeValue ?? '';
      // Inside <pre>, line breaks and indentation are content: shield them from whitespace collapsing.
      parts.push(preDepth > 0 ? value.replace(/\r?\n/g, '\u0001').replace(/ /g, '\u0003').replace(/\t/g, '\u0004') : value);
      continue;
    }
    if (item.nodeType !== 1 && item.nodeType !== 9 && item.nodeType !== 11) continue;
    const tag = (item as Element).tagName ?? '';
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      parts.push('\u0001');
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    const cell = tag === 'TD' || tag === 'TH';
    if (block) stack.push(cell ? ' \t ' : '\u0002');
    if (tag === 'PRE') {
      preDepth++;
      stack.push('\u0000pre-end');
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    if (block && !cell) parts.push('\u0002');
  }
  return parts
    .join('')
    .replace(/[ \t\r\n\f\u00a0]+/g, ' ')
    .replace(/ ?\u0001 ?/g, '\n')
    .replace(/ ?(\u0002 ?)+/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '')
    .replace(/\u0003/g, ' ')
    .replace(/\u0004/g, '\t');
}
