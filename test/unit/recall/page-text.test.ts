import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { readPageInfo } from '@/lib/recall/page-text';

const fixtures = path.resolve(__dirname, '../../../../shared/fixtures');

describe('readPageInfo', () => {
  it('reads title, site, language and the main text without the chrome', () => {
    const html = `<html lang="en"><head><title>T</title><meta property="og:site_name" content="Example"></head><body>
      <nav>Home About Contact</nav><header>Site header</header>
      <main><h1>Knowledge management</h1><p>${'Teams share what they learn. '.repeat(30)}</p><p hidden>secret</p>
      <script>var x = 1;</script><aside>Ads here</aside></main><footer>Copyright</footer></body></html>`;
    const { window } = new JSDOM(html);
    const info = readPageInfo(window.document, 'https://example.com/a');
    expect(info).toMatchObject({ url: 'https://example.com/a', title: 'T', siteName: 'Example', lang: 'en' });
    expect(info.text).toContain('Knowledge management Teams share');
    expect(info.text).not.toMatch(/Home About|Site header|Copyright|Ads here|secret|var x/);
  });

  it('caps the text', () => {
    const { window } = new JSDOM(`<body><p>${'字'.repeat(5000)}</p><p>${'word '.repeat(5000)}</p></body>`);
    expect(readPageInfo(window.document, 'https://x.test/', { cap: 1000 }).text.length).toBeLessThanOrEqual(1000);
  });

  it('reads the Chinese seed article', () => {
    const html = readFileSync(path.join(fixtures, 'seed/learning-organization-zh.html'), 'utf8');
    const { window } = new JSDOM(html);
    const info = readPageInfo(window.document, 'https://example.cn/a');
    expect(info.title).toContain('学习型组织');
    expect(info.text).toContain('知识管理');
    expect(info.lang).toMatch(/^zh/);
  });
});
