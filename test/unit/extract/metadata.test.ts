import { describe, expect, it } from 'vitest';
import { cleanDocumentTitle, readPageMetadata, toIsoDate } from '../../../lib/extract/metadata';
import { blockText } from '../../../lib/extract/text';
import { distribution, qualityTokens, tokenF1 } from '../../../lib/extract/quality';
import { capText, checkBounds } from '../../../lib/extract/bounds';
import { parseHtml } from '../../helpers/dom';

const doc = (head: string, body = '', htmlAttrs = '') =>
  parseHtml(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, 'https://site.example/a/b.html').document;

describe('readPageMetadata', () => {
  it('prefers og/meta data and resolves the canonical link', () => {
    const m = readPageMetadata(
      doc(
        '<title>Story - Site</title><meta property="og:title" content="The Story"><meta property="og:site_name" content="Site"><meta name="author" content="Ann Lee"><meta name="description" content="About it."><meta property="article:published_time" content="2024-01-02T03:04:05+02:00"><link rel="canonical" href="/a/story">',
        '',
        'lang="en-GB" dir="ltr"',
      ),
      'https://site.example/a/b.html',
    );
    expect(m).toEqual({
      title: 'The Story',
      byline: 'Ann Lee',
      siteName: 'Site',
      lang: 'en-GB',
      dir: 'ltr',
      publishedTime: '2024-01-02T01:04:05.000Z',
      canonicalUrl: 'https://site.example/a/story',
      description: 'About it.',
    });
  });

  it('reads JSON-LD and falls back to og:url and <time>', () => {
    const m = readPageMetadata(
      doc(
        '<title>x</title><meta property="og:url" content="https://site.example/c"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Headline here","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"Pub"}}]}</script>',
        '<article><time datetime="2023-05-06">May 6</time></article>',
      ),
      'https://site.example/a/b.html',
    );
    expect(m.title).toBe('Headline here');
    expect(m.byline).toBe('A, B');
    expect(m.siteName).toBe('Pub');
    expect(m.publishedTime).toBe('2023-05-06T00:00:00.000Z');
    expect(m.canonicalUrl).toBe('https://site.example/c');
    expect(m.lang).toBeNull();
  });

  it('reads content-language and rtl, ignores non-http canonical links', () => {
    const m = readPageMetadata(doc('<meta http-equiv="Content-Language" content="ar"><link rel="canonical" href="javascript:x()">', '', 'dir="RTL"'), 'https://site.example/');
    expect(m.lang).toBe('ar');
    expect(m.dir).toBe('rtl');
    expect(m.canonicalUrl).toBeNull();
  });
});

describe('cleanDocumentTitle', () => {
  it('strips site suffixes and prefixes', () => {
    expect(cleanDocumentTitle(doc('<title>How we build cairns today | Trail News</title>'))).toBe('How we build cairns today');
    expect(cleanDocumentTitle(doc('<title>Lorem ipsum dolor sit amet – My website</title>'))).toBe('Lorem ipsum dolor sit amet');
    expect(cleanDocumentTitle(doc('<title>Trail News » How we build cairns today</title>'))).toBe('How we build cairns today');
    expect(cleanDocumentTitle(doc('<title>Trail: How we build cairns today</title>'))).toBe('How we build cairns today');
    expect(cleanDocumentTitle(doc('<title>Short - Site</title>'))).toBe('Short - Site');
  });
});

describe('toIsoDate', () => {
  it('normalizes dates or gives null', () => {
    expect(toIsoDate('2024-08-05 18:49:36Z')).toBe('2024-08-05T18:49:36.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
  });
});

describe('blockText', () => {
  it('separates blocks and keeps pre line breaks', () => {
    const { document } = parseHtml('<div><p>a  b</p><p>c<br>d</p><pre>x\n  y</pre><table><tr><td>1</td><td>2</td></tr></table><script>no</script></div>');
    expect(blockText(document.body)).toBe('a b\n\nc\nd\n\nx\n  y\n\n1 2');
  });
});

describe('quality measures', () => {
  it('tokenizes CJK per character and Latin per word', () => {
    expect(qualityTokens('Hello, World! 知识管理 v2')).toEqual(['hello', 'world', '知', '识', '管', '理', 'v2']);
  });

  it('computes token F1', () => {
    expect(tokenF1('a b c', 'a b c')).toBe(1);
    expect(tokenF1('a b', 'c d')).toBe(0);
    expect(tokenF1('a b', 'a b c d')).toBeCloseTo(2 / 3, 5);
    expect(distribution([1, 0.5, 0.8]).below).toBe(2);
  });
});

describe('bounds', () => {
  it('flags too many elements and too much text', () => {
    const small = parseHtml('<p>hi</p>').document;
    expect(checkBounds(small).overLimit).toBeNull();
    expect(checkBounds(small, { maxElements: 3, maxTextChars: 100 }).overLimit).toMatch(/elements/);
    expect(checkBounds(small, { maxElements: 100, maxTextChars: 1 }).overLimit).toMatch(/characters/);
  });

  it('caps text on a word boundary', () => {
    expect(capText('aaa bbb ccc', 6)).toBe('aaa');
    expect(capText('short', 10)).toBe('short');
  });
});
