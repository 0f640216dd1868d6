import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../helpers/dom';
import { buildTextIndex, offsetOfPoint, rangeFromOffsets } from '../../../lib/highlight/text-index';
import { describeRange } from '../../../lib/highlight/describe';
import { anchor, anchorAll } from '../../../lib/highlight/anchor';
import { highlightRange, highlightIds, removeHighlight } from '../../../lib/highlight/mark';

const page = (body: string) => parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document;

/** A Range over the first occurrence of `needle` in the normalized text of the body. */
function select(doc: Document, needle: string): Range {
  const index = buildTextIndex(doc.body);
  const at = index.text.indexOf(needle);
  if (at < 0) throw new Error(`not on page: ${needle}`);
  return rangeFromOffsets(index, at, at + needle.length);
}

describe('text index', () => {
  it('collapses whitespace, separates blocks, ignores inline tags and non-rendered or hidden content', () => {
    const doc = page(`
      <h1>Title</h1>
      <p>One   <b>bo</b>ld\n\t word.</p><script>var x = 1;</script><style>p{}</style>
      <div hidden>secret</div><div style="display: none">gone</div><noscript>ns</noscript>
      <p>Two&nbsp;&nbsp;here<br>after break</p>`);
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('Title One bold word. Two here after break');
    expect(index.charNode.length).toBe(index.text.length);
    expect(index.charOffset.length).toBe(index.text.length);
  });

  it('maps DOM points to offsets and back consistently', () => {
    const doc = page('<p>Alpha <i>beta</i> gamma</p><p>delta</p>');
    const index = buildTextIndex(doc.body);
    const i = doc.querySelector('i')!;
    expect(offsetOfPoint(index, i.firstChild!, 0)).toBe(index.text.indexOf('beta'));
    expect(offsetOfPoint(index, i, 0)).toBe(index.text.indexOf('beta'));
    expect(offsetOfPoint(index, doc.body, doc.body.childNodes.length)).toBe(index.text.length);
    const r = rangeFromOffsets(index, index.text.indexOf('gamma'), index.text.indexOf('delta') + 5);
    expect(r.startContainer.textContent).toBe(' gamma');
    expect(r.startOffset).toBe(1);
    expect(r.endContainer.textContent).toBe('delta');
    expect(r.endOffset).toBe(5);
  });
});

describe('describeRange', () => {
  it('gives the exact text, 32 characters of context either side and the position', () => {
    const doc = page('<p>The quick brown fox jumps over the lazy dog near the riverbank today.</p>');
    const a = describeRange(doc.body, select(doc, 'lazy dog'))!;
    expect(a.quote.exact).toBe('lazy dog');
    expect(a.quote.prefix).toBe('The quick brown fox jumps over the '.slice(-32));
    expect(a.quote.suffix).toBe(' near the riverbank today.');
    expect(a.position.end - a.position.start).toBe(8);
  });

  it('trims spaces a selection takes in at its ends and returns null for an empty selection', () => {
    const doc = page('<p>first</p><p>second</p>');
    const r = doc.createRange();
    r.setStart(doc.querySelector('p')!.firstChild!, 0);
    r.setEnd(doc.querySelectorAll('p')[1], 0);
    expect(describeRange(doc.body, r)!.quote.exact).toBe('first');
    r.collapse(true);
    expect(describeRange(doc.body, r)).toBeNull();
  });
});

describe('anchor', () => {
  const article = (extra = '', changed = false) => `
    ${extra}
    <p>Organizations learn when knowledge flows between people.${changed ? ' <b>Teams</b>   that share' : ' Teams that share'} what they find
       build a memory that outlives any one member.</p>
    <p>The same phrase appears twice: build a memory. Context decides which one was meant.</p>`;

  it('re-finds a quote after text is inserted before it and markup changes inside it', () => {
    const before = page(article());
    const a = describeRange(before.body, select(before, 'Teams that share what they find'))!;
    const after = page(article('<p>A brand new introduction paragraph pushed everything down.</p>', true));
    const m = anchor(after.body, a)!;
    expect(m.range.toString().replace(/\s+/g, ' ')).toBe('Teams that share what they find');
    expect(m.exact).toBe(true);
    expect(m.start).toBeGreaterThan(a.position.start);
  });

  it('uses context to choose between repeated text', () => {
    const doc = page(article());
    const index = buildTextIndex(doc.body);
    const second = index.text.lastIndexOf('build a memory');
    const a = describeRange(doc.body, rangeFromOffsets(index, second, second + 'build a memory'.length))!;
    const moved = page(article('<p>Intro text that shifts every position by a good number of characters.</p>'));
    const m = anchor(moved.body, a)!;
    const movedIndex = buildTextIndex(moved.body);
    expect(m.start).toBe(movedIndex.text.lastIndexOf('build a memory'));
  });

  it('re-finds a quote with a small edit inside it, approximately', () => {
    const doc = page('<p>Before text here. Knowledge management is the practice of capturing and sharing what a team knows. After text.</p>');
    const a = describeRange(doc.body, select(doc, 'Knowledge management is the practice of capturing and sharing what a team knows'))!;
    const edited = page('<p>Before text here. Knowledge management is the discipline of capturing and sharing what a team knows. After text.</p>');
    const m = anchor(edited.body, a)!;
    expect(m.exact).toBe(false);
    expect(m.range.toString()).toBe('Knowledge management is the discipline of capturing and sharing what a team knows');
    expect(m.confidence).toBeLessThan(1);
  });

  it('returns null (an orphan) when the quoted text is gone, instead of attaching elsewhere', () => {
    const doc = page('<p>Alpha paragraph about rivers and boats.</p><p>We decided to migrate the billing service to the new cluster next week.</p>');
    const a = describeRange(doc.body, select(doc, 'migrate the billing service to the new cluster'))!;
    const rewritten = page('<p>Alpha paragraph about rivers and boats.</p><p>The weather was pleasant and nobody wanted to go inside early.</p>');
    expect(anchor(rewritten.body, a)).toBeNull();
  });

  it('anchors Chinese quotes through markup changes', () => {
    const doc = page('<p>学习型组织的核心在于知识的共享。团队成员把经验沉淀下来，新人才能快速上手。</p>');
    const a = describeRange(doc.body, select(doc, '团队成员把经验沉淀下来'))!;
    const changed = page('<div>新增的一段介绍文字。</div><div>学习型组织的<span>核心</span>在于知识的共享。团队<b>成员</b>把经验沉淀下来，新人才能快速上手。</div>');
    const m = anchor(changed.body, a)!;
    expect(m.range.toString()).toBe('团队成员把经验沉淀下来');
  });

  it('anchorAll keeps input order and reports orphans as null', () => {
    const doc = page('<p>one two three four five six seven</p><p>eight nine ten eleven twelve</p>');
    const a1 = describeRange(doc.body, select(doc, 'three four five'))!;
    const a2 = describeRange(doc.body, select(doc, 'nine ten eleven'))!;
    const orphan = { quote: { exact: 'completely different words here', prefix: '', suffix: '' }, position: { start: 0, end: 31 } };
    const res = anchorAll(doc.body, [a2, orphan, a1]);
    expect(res.map((r) => r?.range.toString() ?? null)).toEqual(['nine ten eleven', null, 'three four five']);
  });
});

describe('highlightRange / removeHighlight', () => {
  it('wraps text across inline and block elements without changing the text, and unwraps back to the same HTML', () => {
    const html = '<p>Start <a href="#">linked <em>words</em></a> end.</p><p>Next para here.</p>';
    const doc = page(html);
    const textBefore = buildTextIndex(doc.body).text;
    const htmlBefore = doc.body.innerHTML;
    const marks = highlightRange(doc, select(doc, 'linked words end. Next'), { id: 'h1', color: 'yellow' });
    expect(marks.map((m) => m.textContent).join('|')).toBe('linked |words| end.|Next');
    expect(marks.every((m) => m.className === 'cairn-hl cairn-hl-yellow' && m.getAttribute('data-cairn-highlight') === 'h1')).toBe(true);
    expect(buildTextIndex(doc.body).text).toBe(textBefore);
    expect(highlightIds(doc)).toEqual(['h1']);
    expect(removeHighlight(doc, 'h1')).toBe(4);
    expect(doc.body.innerHTML).toBe(htmlBefore);
    expect(doc.querySelectorAll('p')[0].childNodes.length).toBe(3);
  });

  it('keeps table structure: marks stay inside cells, whitespace between rows is not wrapped', () => {
    const doc = page('<table>\n<tbody>\n<tr><td>cell one</td><td>cell two</td></tr>\n<tr><td>cell three</td></tr>\n</tbody></table>');
    highlightRange(doc, select(doc, 'one cell two cell three'), { id: 't', color: 'green' });
    for (const m of Array.from(doc.querySelectorAll('mark'))) expect(m.parentElement!.tagName).toBe('TD');
    expect(doc.querySelectorAll('tbody > mark, tr > mark, table > mark')).toHaveLength(0);
    expect(Array.from(doc.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['one', 'cell two', 'cell three']);
  });

  it('shows overlapping highlights and removes one without touching the other', () => {
    const doc = page('<p>alpha beta gamma delta epsilon</p>');
    highlightRange(doc, select(doc, 'beta gamma'), { id: 'a', color: 'blue' });
    highlightRange(doc, select(doc, 'gamma delta'), { id: 'b', color: 'pink' });
    removeHighlight(doc, 'a');
    expect(Array.from(doc.querySelectorAll('mark')).map((m) => m.textContent).join('')).toBe('gamma delta');
    removeHighlight(doc, 'b');
    expect(doc.body.innerHTML).toBe('<p>alpha beta gamma delta epsilon</p>');
  });

  it('re-shows anchored highlights one after another on the same page', () => {
    const doc = page('<p>one two three four five six seven eight nine ten</p>');
    const a = describeRange(doc.body, select(doc, 'two three'))!;
    const b = describeRange(doc.body, select(doc, 'six seven eight'))!;
    const [ma, mb] = anchorAll(doc.body, [a, b]);
    highlightRange(doc, mb!.range, { id: 'b', color: 'yellow' });
    highlightRange(doc, ma!.range, { id: 'a', color: 'yellow' });
    expect(Array.from(doc.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['two three', 'six seven eight']);
  });
});
