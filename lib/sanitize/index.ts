/**
 * Sanitize clipped HTML. Clipped pages are untrusted: the result must be safe to render in an extension
 * page, so anything that can run code, submit data, load styles (CSS can exfiltrate through url()) or
 * re-parse differently (SVG/MathML namespace tricks) is removed, and links are made absolute.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** Sanitizes HTML for one Window (DOMPurify needs a DOM: the browser's, or jsdom's in Node). */
export interface Sanitizer {
  /** Sanitize an HTML string or a copy of a node; relative URLs resolve against `baseUrl`. Returns HTML. */
  sanitizeHtml(html: string | Node, baseUrl: string): string;
  /**
   * Sanitize a detached element in place and return it: no copy, no re-parse. For the clip pipeline, which owns
   * the element Readability produced, so sanitizing, Markdown and serialization all work on one tree.
   */
  sanitizeInPlace(element: Element, baseUrl: string): Element;
}

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'title', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'param', 'portal', 'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output',
  'keygen', 'svg', 'math', 'dialog', 'slot', 'marquee',
];
const FORBID_ATTR = ['style', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'lowsrc', 'dynsrc', 'xmlns', 'is', 'autofocus', 'tabindex', 'contenteditable'];

/** Tags whose src may be a data: URL holding a raster image. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)(?:;[a-z0-9=.+-]+)*(?:;base64)?,/i;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_PROTOCOLS = new Set(['http:', 'https:']);
/** Classes kept on elements: code-language hints that Markdown uses for fenced blocks. */
const KEPT_CLASS = /^(?:language-|lang-|highlight-source-|brush:?)/;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SAFE_FOR_XML: true,
};

/** Resolve a URL attribute; null when it is not one of the allowed schemes. */
function safeUrl(value: string, baseUrl: string, protocols: Set<string>, allowRasterData: boolean): string | null {
  const trimmed = value.trim();
  if (allowRasterData && RASTER_DATA_URL.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, baseUrl);
    return protocols.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Absolute http(s) candidates of a srcset; other candidates are dropped. */
function safeSrcset(value: string, baseUrl: string): string {
  return value
    .split(/,\s+|,(?=\s*https?:)/)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      const safe = url ? safeUrl(url, baseUrl, MEDIA_PROTOCOLS, false) : null;
      return safe ? [safe, ...descriptor].join(' ') : null;
    })
    .filter((c): c is string => !!c)
    .join(', ');
}

function cleanAttributes(el: Element, baseUrl: string): void {
  const tag = el.tagName.toLowerCase();
  const cls = el.getAttribute('class');
  if (cls !== null) {
    const kept = cls.split(/\s+/).filter((c) => KEPT_CLASS.test(c));
    if (kept.length) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
  for (const name of ['href', 'cite', 'longdesc']) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const safe = safeUrl(value, baseUrl, LINK_PROTOCOLS, false);
    if (safe) el.setAttribute(name, safe);
    else el.removeAttribute(name);
  }
  for (const name of ['src', 'poster']) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const safe = safeUrl(value, baseUrl, MEDIA_PROTOCOLS, tag === 'img');
    if (safe) el.setAttribute(name, safe);
    else el.removeAttribute(name);
  }
  const srcset = el.getAttribute('srcset');
  if (srcset !== null) {
    const safe = safeSrcset(srcset, baseUrl);
    if (safe) el.setAttribute('srcset', safe);
    else el.removeAttribute('srcset');
  }
  if (tag === 'a') {
    el.removeAttribute('download');
    if (el.hasAttribute('href')) {
      el.setAttribute('rel', 'noopener noreferrer');
      el.setAttribute('target', '_blank');
    } else {
      el.removeAttribute('target');
    }
  }
}

/** Create a sanitizer bound to `win` (the page's window in the browser, a jsdom window in Node). */
export function createSanitizer(win: Window): Sanitizer {
  const purify: DOMPurify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  let currentBase = 'about:blank';
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) cleanAttributes(node as Element, currentBase);
  });
  return {
    sanitizeHtml(html, baseUrl) {
      currentBase = baseUrl;
      return purify.sanitize(html as string, CONFIG) as unknown as string;
    },
    sanitizeInPlace(element, baseUrl) {
      currentBase = baseUrl;
      purify.sanitize(element, { ...CONFIG, IN_PLACE: true });
      return element;
    },
  };
}
