/**
 * Read what "Related to this page" needs from a document — title, URL, site name, language and the
 * main text, capped — without Readability: a cheap walk over text nodes that skips navigation,
 * chrome and invisible elements. Runs in the page (the page-reader content script) and in Node tests.
 */

/** What the side panel learns about the page. Never leaves the device. */
export interface PageInfo {
  url: string;
  title: string;
  siteName: string | null;
  lang: string | null;
  text: string;
}

/** Default cap on the text read (related() only looks at the first tens of thousands anyway). */
export const PAGE_TEXT_CAP = 20_000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'OPTION']);
const CHROME_ROLE = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog)$/i;

function meta(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v ? v : null;
}

/** The element holding the main text: <article> or <main> when they hold enough, else <body>. */
function mainElement(doc: Document): Element | null {
  for (const sel of ['article', 'main', '[role="main"]']) {
    const el = doc.querySelector(sel);
    if (el && (el.textContent ?? '').trim().length > 400) return el;
  }
  return doc.body;
}

/** Visible-ish text of `root`, skipping chrome elements, joined by spaces, cut at `cap` characters. */
export function collectText(root: Element, cap: number): string {
  const out: string[] = [];
  let length = 0;
  const walk = (el: Element) => {
    for (let node = el.firstChild; node && length < cap; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const t = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (t) {
          out.push(t);
          length += t.length + 1;
        }
      } else if (node.nodeType === 1) {
        const child = node as Element;
        if (SKIP.has(child.tagName.toUpperCase())) continue;
        if (child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true') continue;
        const role = child.getAttribute('role');
        if (role && CHROME_ROLE.test(role)) continue;
        walk(child);
      }
    }
  };
  walk(root);
  return out.join(' ').slice(0, cap);
}

/** Read the page: the one function the page-reader content script calls. */
export function readPageInfo(doc: Document, url: string, options: { cap?: number } = {}): PageInfo {
  const cap = options.cap ?? PAGE_TEXT_CAP;
  const title = meta(doc, 'meta[property="og:title"]') ?? (doc.title || '').trim();
  const root = mainElement(doc);
  const lang = doc.documentElement.getAttribute('lang')?.trim() || meta(doc, 'meta[http-equiv="content-language" i]');
  return {
    url,
    title,
    siteName: meta(doc, 'meta[property="og:site_name"]') ?? meta(doc, 'meta[name="application-name"]'),
    lang: lang || null,
    text: root ? collectText(root, cap) : '',
  };
}
