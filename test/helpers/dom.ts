import { JSDOM } from 'jsdom';

/** A parsed page for tests and benchmarks: the Document, its Window and the URL it was parsed at. */
export interface ParsedPage {
  document: Document;
  window: Window;
  url: string;
}

/** Parse HTML with jsdom at `url` (scripts never run), so lib/ code gets a real Document and Window in Node. */
export function parseHtml(html: string, url = 'https://example.com/'): ParsedPage {
  const dom = new JSDOM(html, { url, contentType: 'text/html' });
  return { document: dom.window.document, window: dom.window as unknown as Window, url };
}

let sharedWindow: Window | null = null;

/** One blank jsdom Window reused across tests that only need a DOM factory (sanitizer, Markdown). */
export function blankWindow(): Window {
  sharedWindow ??= parseHtml('<!doctype html><html><head></head><body></body></html>').window;
  return sharedWindow;
}

/**
 * A page of `total` elements nested in chains `depth` deep (browsers' HTML parsers cap nesting near 512, so a
 * real page is never deeper; jsdom recurses per level, so chains are built bottom-up and attached whole).
 */
export function buildDeepPage(total = 200_000, depth = 1_000, url = 'https://example.org/deep'): ParsedPage {
  const page = parseHtml('<!doctype html><html><head><title>Deep</title></head><body></body></html>', url);
  const doc = page.document;
  for (let chain = 0; chain < Math.ceil(total / depth); chain++) {
    let node: Element = doc.createElement('div');
    node.textContent = `leaf ${chain} `;
    for (let level = 1; level < depth; level++) {
      const parent = doc.createElement(level % 2 ? 'div' : 'span');
      parent.appendChild(node);
      node = parent;
    }
    doc.body.appendChild(node);
  }
  return page;
}

/** A page holding at least `chars` characters of text in paragraphs of about 10,000 characters. */
export function buildHugeTextPage(chars = 20_000_000, url = 'https://example.org/huge'): ParsedPage {
  const page = parseHtml('<!doctype html><html><head><title>Huge</title></head><body></body></html>', url);
  const doc = page.document;
  const paragraph = 'lorem ipsum dolor sit amet '.repeat(370);
  for (let i = 0; i * paragraph.length < chars; i++) {
    const p = doc.createElement('p');
    p.textContent = `${i} ${paragraph}`;
    doc.body.appendChild(p);
  }
  return page;
}
