/** Turn a page into an Extraction (metadata + the content to keep) for one of the four clip modes. */
import { Readability } from '@mozilla/readability';
import type { ClipMode } from '../clip/types';
import { capText, checkBounds, FALLBACK_TEXT_CHARS, MAX_ELEMENTS } from './bounds';
import { readPageMetadata, toIsoDate, type PageMetadata } from './metadata';
import { blockText } from './text';

/** What extraction keeps from a page, before sanitizing. */
export interface Extraction {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Language the page declares (a hint for detection), or null. */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  publishedTime: string | null;
  /** Canonical URL the page declares, resolved against the page URL, or null. */
  canonicalUrl: string | null;
  excerpt: string;
  /** Detached element holding the kept content, owned by this extraction (safe to sanitize in place). Untrusted. */
  content: Element;
  /** UNSANITIZED HTML of `content` (serialized on demand). */
  readonly contentHtml: string;
  text: string;
  /** Why extraction fell back to a simpler result, or null. */
  fallback: string | null;
  /** Base URL for relative links in `content` (honours the page's <base href>). */
  baseUrl: string;
}

/** Options for `extractPage`. */
export interface ExtractOptions {
  mode: ClipMode;
  /** HTML of the user's selection (mode `selection`). */
  selectionHtml?: string;
}

const DROPPED_FROM_PAGE = 'script, style, noscript, template, iframe, object, embed, link, meta, base';

/** A document that never loads resources or runs handlers: safe for parsing untrusted HTML. */
function inertDocument(doc: Document): Document {
  return doc.implementation.createHTMLDocument('');
}

function makeExtraction(meta: PageMetadata, baseUrl: string, content: Element, text: string, fallback: string | null, overrides: Partial<Extraction> = {}): Extraction {
  const extraction = {
    title: meta.title,
    byline: meta.byline,
    siteName: meta.siteName,
    lang: meta.lang,
    dir: meta.dir,
    publishedTime: meta.publishedTime,
    canonicalUrl: meta.canonicalUrl,
    excerpt: meta.description ?? excerptFrom(text),
    content,
    text,
    fallback,
    baseUrl,
    ...overrides,
  };
  return Object.defineProperty(extraction, 'contentHtml', { get: () => content.innerHTML, enumerable: true }) as Extraction;
}

/** First ~200 characters of text, cut at a word or sentence boundary. */
function excerptFrom(text: string): string {
  const first = text.split(/\n\n/).find((p) => p.trim().length > 0)?.trim() ?? '';
  if (first.length <= 240) return first;
  const cut = first.slice(0, 240);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '), cut.lastIndexOf(' '));
  return (stop > 120 ? cut.slice(0, stop + 1) : cut).trim() + '…';
}

/** The page body without scripts, styles and embedded frames, copied into an inert document. */
function cleanedBody(doc: Document): Element {
  const inert = inertDocument(doc);
  const body = doc.body ? (inert.importNode(doc.body, true) as Element) : inert.createElement('body');
  const container = inert.createElement('div');
  while (body.firstChild) container.appendChild(body.firstChild);
  for (const el of Array.from(container.querySelectorAll(DROPPED_FROM_PAGE))) el.remove();
  return container;
}

/** Plain-text fallback for pages too big to parse: paragraphs of (capped) text in an inert document. */
function plainTextContent(doc: Document): { content: Element; text: string } {
  // Cut before normalizing: collapsing whitespace only shrinks text, and regexes over 20 MB cost seconds.
  const raw = (doc.body?.textContent ?? doc.documentElement?.textContent ?? '').slice(0, 2 * FALLBACK_TEXT_CHARS);
  const text = capText(raw.replace(/[ \t\f\u00a0]{2,}|[\t\f\u00a0]/g, ' ').replace(/\s*\n\s*\n\s*/g, '\n\n').replace(/ ?\n ?/g, '\n').trim());
  const inert = inertDocument(doc);
  const content = inert.createElement('div');
  for (const para of text.split('\n\n')) {
    const p = inert.createElement('p');
    p.textContent = para;
    content.appendChild(p);
  }
  return { content, text };
}

function extractArticle(doc: Document, meta: PageMetadata, baseUrl: string): Extraction {
  const bounds = checkBounds(doc);
  if (bounds.overLimit) {
    const { content, text } = plainTextContent(doc);
    return makeExtraction(meta, baseUrl, content, text, bounds.overLimit);
  }
  const clone = doc.cloneNode(true) as Document;
  let article: ReturnType<Readability<Element>['parse']> = null;
  let failure: string | null = null;
  try {
    article = new Readability<Element>(clone, { maxElemsToParse: MAX_ELEMENTS, keepClasses: true, serializer: (node) => node as Element }).parse();
  } catch (error) {
    failure = `reader view failed (${(error as Error).message}); kept the page body`;
  }
  const content = article?.content;
  const text = content ? blockText(content) : '';
  if (!article || !content || !text) {
    const body = cleanedBody(doc);
    return makeExtraction(meta, baseUrl, body, blockText(body), failure ?? 'no article found; kept the page body');
  }
  const dir = article.dir?.toLowerCase();
  return makeExtraction(meta, baseUrl, content, text, null, {
    // Our metadata title follows the current Readability title rules (en/em-dash separators), which the
    // packaged Readability 0.6.0 predates; its own title is the fallback.
    title: meta.title || article.title?.trim() || '',
    byline: article.byline?.trim() || meta.byline,
    siteName: article.siteName?.trim() || meta.siteName,
    lang: article.lang?.trim() || meta.lang,
    dir: dir === 'rtl' || dir === 'ltr' ? dir : meta.dir,
    publishedTime: toIsoDate(article.publishedTime) ?? meta.publishedTime,
    excerpt: article.excerpt?.trim() || meta.description || excerptFrom(text),
  });
}

/**
 * Extract what a clip keeps from `doc` (the live page; never mutated). `article` runs Readability on a clone,
 * `selection` keeps the given selection HTML, `page` keeps the cleaned body, `link` keeps metadata only.
 * Oversized pages fall back to plain text with `fallback` saying why.
 */
export function extractPage(doc: Document, url: string, opts: ExtractOptions): Extraction {
  const meta = readPageMetadata(doc, url);
  const baseUrl = doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : url;
  switch (opts.mode) {
    case 'article':
      return extractArticle(doc, meta, baseUrl);
    case 'selection': {
      const inert = inertDocument(doc);
      const content = inert.createElement('div');
      content.innerHTML = opts.selectionHtml ?? '';
      for (const el of Array.from(content.querySelectorAll(DROPPED_FROM_PAGE))) el.remove();
      const text = blockText(content);
      return makeExtraction(meta, baseUrl, content, text, null, { excerpt: excerptFrom(text) || meta.description || '' });
    }
    case 'page': {
      const bounds = checkBounds(doc);
      if (bounds.overLimit) {
        const { content, text } = plainTextContent(doc);
        return makeExtraction(meta, baseUrl, content, text, bounds.overLimit);
      }
      const content = cleanedBody(doc);
      return makeExtraction(meta, baseUrl, content, blockText(content), null);
    }
    case 'link': {
      const content = inertDocument(doc).createElement('div');
      return makeExtraction(meta, baseUrl, content, '', null, { excerpt: meta.description ?? '' });
    }
  }
}
