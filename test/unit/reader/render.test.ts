import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderClipHtml, safeUrl } from '../../../lib/reader/render';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'chrome-extension://abc/sidepanel.html' });

/** Render into a container the way the reader does, and return the container. */
function mount(html: string, baseUrl?: string): HTMLElement {
  const container = window.document.createElement('div');
  container.innerHTML = renderClipHtml(html, window, { baseUrl });
  return container;
}

const HOSTILE = `
  <h2 onclick="alert(1)" style="color:red" class="x" id="y">Heading</h2>
  <script>alert('s')</script>
  <p>Safe <b>bold</b> text <a href="javascript:alert(1)">js link</a> <a href="JaVaScRiPt&colon;alert(1)">encoded</a>
     <a href="data:text/html,<script>alert(1)</script>">data link</a> <a href="vbscript:msgbox">vb</a>
     <a href="https://example.com/ok" target="_self" ping="https://track.test">good link</a>
     <a href="/relative/page">relative</a> <a href="#section">fragment</a></p>
  <img src="x" onerror="alert(1)"> <img src="https://img.test/a.png" srcset="javascript:alert(1) 1x" alt="ok">
  <img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="> <img src="data:image/png;base64,iVBORw0KGgo=" alt="png">
  <iframe src="https://evil.test"></iframe><frame src="x"><object data="x"></object><embed src="x">
  <form action="https://evil.test"><input name="q"><button formaction="javascript:alert(1)">go</button></form>
  <svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>
  <math><mi xlink:href="javascript:alert(1)">m</mi></math>
  <style>body{display:none}</style><link rel="stylesheet" href="https://evil.test/x.css">
  <meta http-equiv="refresh" content="0;url=https://evil.test"><base href="https://evil.test/">
  <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>
  <template><img src=x onerror=alert(1)></template>
  <details open ontoggle="alert(1)"><summary>More</summary>hidden</details>
  <div data-x="1" aria-hidden="true"><table><tr><td colspan="2" background="javascript:alert(1)">cell</td></tr></table></div>
`;

describe('renderClipHtml', () => {
  const out = mount(HOSTILE, 'https://site.test/articles/one.html');

  it('removes scripts, frames, forms, styles, svg, math and other active elements', () => {
    for (const tag of ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'style', 'link', 'meta', 'base', 'template', 'noscript']) {
      expect(out.querySelectorAll(tag).length, tag).toBe(0);
    }
  });

  it('leaves no event handler, style, class, id, srcset or data attribute anywhere', () => {
    for (const el of out.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr, `${el.tagName} ${attr}`).not.toMatch(/^on|^style$|^class$|^id$|^srcset$|^data-|^ping$|^background$|^formaction$|^aria-/);
      }
    }
  });

  it('keeps only http(s)/mailto links, resolved, opening in a new tab without opener', () => {
    const links = [...out.querySelectorAll('a[href]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/ok', 'https://site.test/relative/page']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // Link text survives even where the dangerous href was removed.
    expect(out.textContent).toContain('js link');
    expect(out.textContent).toContain('fragment');
  });

  it('keeps safe images only, lazily and without referrer', () => {
    const srcs = [...out.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(srcs.filter(Boolean)).toEqual(['https://site.test/articles/x', 'https://img.test/a.png', 'data:image/png;base64,iVBORw0KGgo=']);
    for (const img of out.querySelectorAll('img')) {
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(img.getAttribute('loading')).toBe('lazy');
    }
  });

  it('keeps the readable structure', () => {
    expect(out.querySelector('h2')?.textContent).toBe('Heading');
    expect(out.querySelector('b')?.textContent).toBe('bold');
    // (The hostile payload's noscript trick makes the parser drop what follows it: safe by removal.)
    const structure = mount(`<details open ontoggle="alert(1)"><summary>More</summary>hidden</details>
      <div data-x="1" aria-hidden="true"><table><tr><td colspan="2" background="javascript:alert(1)">cell</td></tr></table></div>`);
    expect(structure.querySelector('details')?.hasAttribute('ontoggle')).toBe(false);
    expect(structure.querySelector('td')?.hasAttribute('background')).toBe(false);
    expect(structure.querySelector('div')?.getAttributeNames()).toEqual([]);
    expect(structure.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(structure.querySelector('details')?.hasAttribute('open')).toBe(true);
  });

  it('drops relative URLs when no base URL is known', () => {
    const noBase = mount('<a href="/x">x</a><img src="y.png">');
    expect(noBase.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(noBase.querySelector('img')?.hasAttribute('src')).toBe(false);
  });

  it('keeps CJK text intact', () => {
    const zh = mount('<p lang="zh">学习型组织：知识管理的实践。</p>');
    expect(zh.innerHTML).toBe('<p lang="zh">学习型组织：知识管理的实践。</p>');
  });
});

describe('safeUrl', () => {
  it('vets protocols per attribute', () => {
    expect(safeUrl('mailto:a@b.c', 'href', null)).toBe('mailto:a@b.c');
    expect(safeUrl('mailto:a@b.c', 'src', null)).toBeNull();
    expect(safeUrl(' javascript:alert(1)', 'href', 'https://a.test/')).toBeNull();
    expect(safeUrl('chrome-extension://x/y', 'href', null)).toBeNull();
    expect(safeUrl('//cdn.test/i.png', 'src', 'https://a.test/')).toBe('https://cdn.test/i.png');
  });
});
