import { describe, expect, it } from 'vitest';
import { chooseCanonical, clipDocument, readingMinutes } from '../../../lib/clip/pipeline';
import { buildDeepPage, buildHugeTextPage, parseHtml } from '../../helpers/dom';
import { loadFixturePage, loadSeedPage } from '../../helpers/fixtures';

const SEED_URL = 'https://example.com/news/learning-organization.html?utm_source=feed';
const CJK_SPACE_CJK = /[\u4e00-\u9fff，。：；！？、“”] [\u4e00-\u9fff，。：；！？、“”]/;

describe('the Chinese seed article', () => {
  const { document, window } = parseHtml(loadSeedPage(), SEED_URL);
  const draft = clipDocument(document, SEED_URL, { window });

  it('keeps the article and drops the site chrome', () => {
    expect(draft.fallback).toBeNull();
    expect(draft.text).toContain('知识管理');
    expect(draft.text).toContain('领导力培养');
    for (const chrome of ['首页', '解决方案', '热门文章', '数字化转型的五个阶段', '版权所有', '隐私政策', '联系方式']) {
      expect(draft.text, chrome).not.toContain(chrome);
      expect(draft.markdown, chrome).not.toContain(chrome);
    }
  });

  it('reads its metadata', () => {
    expect(draft.title).toBe('学习型组织建设:知识管理与组织学习的深度融合');
    expect(draft.lang).toBe('zh');
    expect(draft.publishedTime).toBe('2024-08-05T10:49:36.000Z');
    expect(draft.canonicalUrl.startsWith('https://example.com/news/learning-organization.html')).toBe(true);
    expect(draft.excerpt).toContain('知识管理与组织学习');
    expect(draft.mode).toBe('article');
    expect(draft.url).toBe(SEED_URL);
  });

  it('makes Markdown with headings and lists and no stray spaces in Chinese', () => {
    expect(draft.markdown).toMatch(/^#{2,4} 知识管理与组织学习的基础$/m);
    expect(draft.markdown).toMatch(/^-\s+\*\*文化变革\*\*/m);
    expect(draft.markdown).not.toMatch(CJK_SPACE_CJK);
    expect(draft.markdown).not.toMatch(/<[a-z]/i);
  });

  it('gives sanitized HTML and a reading time', () => {
    expect(draft.html).toContain('<h3>');
    expect(draft.html).not.toMatch(/class="(?!language-)/);
    expect(draft.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(draft.wordCount).toBeGreaterThan(0);
  });
});

describe('article mode', () => {
  it('does not mutate the live document', () => {
    const page = loadFixturePage('nytimes-1');
    const { document, window } = parseHtml(page.source, page.url);
    const before = document.documentElement.outerHTML;
    const draft = clipDocument(document, page.url, { window });
    expect(draft.text.length).toBeGreaterThan(1000);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('falls back to the page body, saying so, when Readability finds no text', () => {
    const html = '<html><head><title>Picture</title></head><body><img src="/a.png" alt="a"><script>x()</script></body></html>';
    const { document, window } = parseHtml(html, 'https://example.org/p/');
    const draft = clipDocument(document, 'https://example.org/p/', { window });
    expect(draft.fallback).toMatch(/no article/);
    expect(draft.html).toContain('src="https://example.org/a.png"');
    expect(draft.html).not.toContain('script');
  });

  it('falls back to plain text on a page of 200,000 deeply nested elements', () => {
    const { document, window } = buildDeepPage(200_000, 1_000);
    const draft = clipDocument(document, 'https://example.org/deep', { window });
    expect(draft.fallback).toMatch(/200\d{3} elements/);
    expect(draft.text).toContain('leaf 0');
    expect(draft.text).toContain('leaf 199');
    expect(draft.title).toBe('Deep');
  });

  it('falls back to capped plain text on a page with 20 MB of text', () => {
    const { document, window } = buildHugeTextPage(20_000_000);
    expect(document.body.textContent!.length).toBeGreaterThan(20_000_000);
    const draft = clipDocument(document, 'https://example.org/huge', { window });
    expect(draft.fallback).toMatch(/characters of text/);
    expect(draft.text.length).toBeLessThanOrEqual(1_000_000);
    expect(draft.text.length).toBeGreaterThan(900_000);
    expect(draft.markdown.length).toBeGreaterThan(900_000);
  });
});

describe('selection, page and link modes', () => {
  const { document, window } = parseHtml(loadSeedPage(), SEED_URL);

  it('selection keeps only the selection, sanitized, with the page metadata', () => {
    const selectionHtml = '<p>Selected <b>text</b> <a href="/x" onclick="steal()">link</a></p><script>bad()</script><img src="y.png" onerror="bad()">';
    const draft = clipDocument(document, SEED_URL, { window, mode: 'selection', selectionHtml });
    expect(draft.mode).toBe('selection');
    expect(draft.text).toBe('Selected text link');
    expect(draft.markdown).toContain('**text**');
    expect(draft.markdown).toContain('[link](https://example.com/x)');
    expect(draft.html).not.toMatch(/script|onclick|onerror|bad\(\)/);
    expect(draft.html).toContain('src="https://example.com/news/y.png"');
    expect(draft.title).toBe('学习型组织建设:知识管理与组织学习的深度融合');
    expect(draft.publishedTime).toBe('2024-08-05T10:49:36.000Z');
  });

  it('page keeps the whole body without scripts', () => {
    const draft = clipDocument(document, SEED_URL, { window, mode: 'page' });
    expect(draft.text).toContain('首页');
    expect(draft.text).toContain('知识管理');
    expect(draft.text).toContain('版权所有');
    expect(draft.fallback).toBeNull();
  });

  it('link keeps metadata only, excerpt from the description', () => {
    const draft = clipDocument(document, SEED_URL, { window, mode: 'link' });
    expect(draft.text).toBe('');
    expect(draft.markdown).toBe('');
    expect(draft.html).toBe('');
    expect(draft.excerpt).toBe('本文探讨知识管理与组织学习的基本概念、两者之间的关系、深度融合的实践策略以及面临的挑战与应对措施。');
    expect(draft.title).toBe('学习型组织建设:知识管理与组织学习的深度融合');
  });
});

describe('helpers', () => {
  it('chooses the declared canonical URL only when it is on the same site and not a bare home page', () => {
    expect(chooseCanonical('https://www.example.com/a?x=1', 'https://example.com/a')).toBe('https://example.com/a');
    expect(chooseCanonical('https://news.example.co.uk/a', 'https://www.example.co.uk/b')).toBe('https://www.example.co.uk/b');
    expect(chooseCanonical('https://example.com/a', 'https://other.com/a')).toBe('https://example.com/a');
    expect(chooseCanonical('https://a.co.uk/x', 'https://b.co.uk/x')).toBe('https://a.co.uk/x');
    expect(chooseCanonical('https://example.com/story/1', 'https://example.com/')).toBe('https://example.com/story/1');
    expect(chooseCanonical('https://example.com/a', 'javascript:alert(1)')).toBe('https://example.com/a');
    expect(chooseCanonical('https://example.com/a', null)).toBe('https://example.com/a');
  });

  it('estimates reading time for Latin and CJK text', () => {
    expect(readingMinutes('word '.repeat(2300), 2300)).toBe(10);
    expect(readingMinutes('字'.repeat(4000), 4000)).toBe(10);
    expect(readingMinutes('', 0)).toBe(1);
  });
});

describe('hostile article content', () => {
  it('comes out of the pipeline with no active content in HTML or Markdown', () => {
    const para = 'This paragraph is long enough to look like the article body, with commas, clauses, and words. '.repeat(4);
    const html = `<html><head><title>Hostile article about cairns and trails</title></head><body><article>
      <h1>Hostile</h1><p>${para}<a href="javascript:alert(1)">click</a></p>
      <p style="background:url(https://evil.example/leak)">${para}<img src="x.png" onerror="alert(1)"></p>
      <svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>
      <p>${para}<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="/ok">fine link</a></p>
      <iframe srcdoc="<script>alert(1)</script>"></iframe><form action="https://evil.example"><input name="p"></form>
    </article></body></html>`;
    const { document, window } = parseHtml(html, 'https://example.org/posts/1');
    const draft = clipDocument(document, 'https://example.org/posts/1', { window });
    expect(draft.text).toContain('long enough');
    for (const out of [draft.html, draft.markdown]) {
      expect(out).not.toMatch(/javascript:|onerror|<script|<svg|<math|<iframe|<form|evil\.example|style=/i);
    }
    expect(draft.html).toContain('href="https://example.org/ok"');
    expect(draft.markdown).toContain('[fine link](https://example.org/ok)');
  });
});
