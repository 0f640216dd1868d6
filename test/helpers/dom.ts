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
