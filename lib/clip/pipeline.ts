/** The capture pipeline: page → extraction → sanitized HTML → Markdown → summary, language, counts. */
import { extractPage } from '../extract/index';
import { htmlToMarkdown } from '../markdown/index';
import { createSanitizer, type Sanitizer } from '../sanitize/index';
import { summarize } from '../summarize/index';
import { countWords } from '../text/count';
import { detectLanguage } from '../text/language';
import { normalizeUrl } from '../url/canonical';
import type { ClipDraft, ClipMode } from './types';

/** Options for `clipDocument`. */
export interface ClipOptions {
  mode?: ClipMode;
  /** HTML of the user's selection, for mode `selection`. */
  selectionHtml?: string;
  /** The Window that owns `doc` (DOMPurify needs one): `window` in the browser, a jsdom window in Node. */
  window: Window;
}

const sanitizers = new WeakMap<object, Sanitizer>();

function sanitizerFor(win: Window): Sanitizer {
  let sanitizer = sanitizers.get(win);
  if (!sanitizer) sanitizers.set(win, (sanitizer = createSanitizer(win)));
  return sanitizer;
}

/** Second-level labels under which registrations happen one level deeper (example.co.uk, example.com.cn). */
const SHARED_SECOND_LEVEL = /^(?:co|com|net|org|gov|edu|ac|or|ne|go)$/;

/** "example.co.uk" for "news.example.co.uk": close enough to a registrable domain to compare sites. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^[\d.]+$/.test(hostname)) return labels.join('.');
  const keep = SHARED_SECOND_LEVEL.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The page's declared canonical URL when it is trustworthy: http(s), on the same site as the page, and not a
 * bare home page standing in for a deeper article (a common template mistake). Otherwise the page URL.
 */
export function chooseCanonical(pageUrl: string, declared: string | null): string {
  if (!declared) return pageUrl;
  try {
    const page = new URL(pageUrl);
    const canonical = new URL(declared, pageUrl);
    if (canonical.protocol !== 'http:' && canonical.protocol !== 'https:') return pageUrl;
    if (siteOf(canonical.hostname) !== siteOf(page.hostname)) return pageUrl;
    const isHome = (u: URL) => (u.pathname === '/' || u.pathname === '') && !u.search;
    if (isHome(canonical) && !isHome(page)) return pageUrl;
    return canonical.href;
  } catch {
    return pageUrl;
  }
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** Minutes to read: 230 words a minute for space-separated scripts, 400 characters a minute for Chinese/Japanese. */
export function readingMinutes(text: string, wordCount: number): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const otherWords = Math.max(0, wordCount - cjk);
  return Math.max(1, Math.round(otherWords / 230 + cjk / 400));
}

/**
 * Clip `doc` (the live page at `url`; never mutated) into a draft: extraction for the mode, sanitized HTML and
 * Markdown built from one tree (no re-parse), then summary, language, word count, canonical URL. The caller
 * adds the category.
 */
export function clipDocument(doc: Document, url: string, opts: ClipOptions): ClipDraft {
  const mode = opts.mode ?? 'article';
  const extraction = extractPage(doc, url, { mode, selectionHtml: opts.selectionHtml });
  const content = sanitizerFor(opts.window).sanitizeInPlace(extraction.content, extraction.baseUrl);
  const markdown = htmlToMarkdown(content);
  const html = content.innerHTML;
  const text = extraction.text;
  const lang = detectLanguage(text || `${extraction.title}\n${extraction.excerpt}`, extraction.lang);
  const wordCount = countWords(text);
  return {
    mode,
    url,
    canonicalUrl: normalizeUrl(chooseCanonical(url, extraction.canonicalUrl)),
    title: extraction.title,
    byline: extraction.byline,
    siteName: extraction.siteName,
    lang,
    dir: extraction.dir,
    publishedTime: extraction.publishedTime,
    excerpt: extraction.excerpt,
    summary: summarize(text, lang),
    text,
    markdown,
    html,
    wordCount,
    readingMinutes: readingMinutes(text, wordCount),
    fallback: extraction.fallback,
  };
}
