import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../lib/markdown/index';
import { parseHtml } from '../../helpers/dom';

const md = (html: string) => htmlToMarkdown(html);

describe('htmlToMarkdown', () => {
  it('uses ATX headings, emphasis and links', () => {
    const out = md('<h1>Title</h1><h2>Sub</h2><p>Some <strong>bold</strong> and <em>it</em> with <a href="https://a.example/x">a link</a>.</p>');
    expect(out).toBe('# Title\n\n## Sub\n\nSome **bold** and _it_ with [a link](https://a.example/x).');
  });

  it('fences code and keeps the language from class="language-x"', () => {
    expect(md('<pre><code class="language-ts">const a = 1;\nconst b = 2;</code></pre>')).toBe('```ts\nconst a = 1;\nconst b = 2;\n```');
    expect(md('<pre class="language-python">print(1)</pre>')).toBe('```python\nprint(1)\n```');
    expect(md('<div class="highlight-source-rust"><pre>fn main() {}</pre></div>')).toBe('```rust\nfn main() {}\n```');
  });

  it('lengthens the fence when the code itself holds a fence', () => {
    const out = md('<pre><code>```\ninner\n```</code></pre>');
    expect(out.startsWith('````\n')).toBe(true);
    expect(out.endsWith('\n````')).toBe(true);
  });

  it('converts tables with a header row to GFM tables', () => {
    const out = md('<table><thead><tr><th>Name</th><th>Qty</th></tr></thead><tbody><tr><td>a|b</td><td>1</td></tr><tr><td>c</td><td>2</td></tr></tbody></table>');
    expect(out).toBe('| Name | Qty |\n| --- | --- |\n| a\\|b | 1 |\n| c | 2 |');
  });

  it('converts tables without a header row instead of keeping HTML', () => {
    const out = md('<table><tr><td>x</td><td>y</td><td>z</td></tr><tr><td>1</td><td colspan="2">2</td></tr></table>');
    expect(out).not.toMatch(/<\/?t[a-z]/);
    expect(out.split('\n')[1]).toBe('| --- | --- | --- |');
    expect(out).toContain('| 1 | 2 | |');
  });

  it('flattens layout tables into blocks', () => {
    const out = md('<table><tr><td><p>Para one.</p><p>Para two.</p></td><td><table><tr><td>inner</td></tr></table></td></tr></table>');
    expect(out).not.toContain('|');
    expect(out).toContain('Para one.\n\nPara two.');
    expect(out).toContain('inner');
  });

  it('writes strikethrough and lists', () => {
    expect(md('<p><del>old</del> new</p>')).toBe('~old~ new');
    expect(md('<ul><li>one</li><li>two</li></ul>')).toMatch(/^-\s+one\n-\s+two$/);
    expect(md('<ol><li>one</li><li>two</li></ol>')).toMatch(/^1\.\s+one\n2\.\s+two$/);
  });

  it('leaves no HTML, even from text that looks like tags', () => {
    const out = md('<p>Use the &lt;div&gt; element, not &lt;script&gt;.</p><div><span>plain</span><font color="red">old</font></div>');
    expect(out).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(out).toContain('plain');
    expect(out).toContain('old');
  });

  it('adds no spaces inside Chinese text broken across source lines', () => {
    const out = md('<p>知识管理是\n组织学习的\n基础。<strong>文化</strong>\n<em>变革</em></p><p>English words\nstay apart.</p>');
    expect(out).toContain('知识管理是组织学习的基础。**文化**_变革_');
    expect(out).toContain('English words stay apart.');
  });

  it('keeps the spaces Korean uses between words', () => {
    expect(md('<p>지식 관리는\n중요하다</p>')).toBe('지식 관리는 중요하다');
  });

  it('accepts a DOM node without changing it', () => {
    const { document } = parseHtml('<div id="c"><h3>Head</h3><p>Body</p></div>');
    const node = document.getElementById('c')!;
    const before = node.outerHTML;
    expect(htmlToMarkdown(node)).toBe('### Head\n\nBody');
    expect(node.outerHTML).toBe(before);
  });
});

describe('htmlToMarkdown images', () => {
  it('escapes HTML-looking alt text and brackets', () => {
    const out = htmlToMarkdown('<img src="https://cdn.example/a b.png" alt="<span>Photo</span> [x]" title="A &quot;t&quot;">');
    expect(out).toBe('![\\<span>Photo\\</span> \\[x\\]](https://cdn.example/a%20b.png "A \\"t\\"")');
  });
});
