/**
 * Sanitize a clip's HTML again right before the panel renders it (the stored HTML is untrusted even
 * though capture sanitized it). Strict allow-list: text structure, links, images, tables; no
 * scripts, handlers, styles, classes, ids, forms, frames, SVG or MathML. Links open in a new tab
 * without opener or referrer; images load lazily without a referrer.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers', 'lang', 'dir',
  'cite', 'datetime', 'start', 'reversed', 'open', 'abbr',
];
const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SAFE_IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;
const URL_ATTRS = new Set(['href', 'src', 'cite']);

/** Options for rendering. */
export interface RenderOptions {
  /** The clip's URL: relative links and images resolve against it; without it they are dropped. */
  baseUrl?: string | null;
}

/** Resolve and vet a URL attribute; null means drop the attribute. */
export function safeUrl(raw: string, attr: string, baseUrl: string | null | undefined): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (attr === 'src' && SAFE_DATA_IMAGE.test(value)) return value;
  let url: URL;
  try {
    url = baseUrl ? new URL(value, baseUrl) : new URL(value);
  } catch {
    return null; // relative without a base, or not a URL at all
  }
  const allowed = attr === 'src' ? SAFE_IMAGE_PROTOCOLS : SAFE_LINK_PROTOCOLS;
  if (!allowed.has(url.protocol)) return null;
  // A link to a fragment of the clipped page means nothing inside the reader.
  if (attr === 'href' && baseUrl && value.startsWith('#')) return null;
  return url.href;
}

interface Instance {
  purify: DOMPurify;
  baseUrl: string | null | undefined;
}
const instances = new WeakMap<object, Instance>();

function instanceFor(win: Window | WindowLike): Instance {
  const cached = instances.get(win);
  if (cached) return cached;
  const purify = createDOMPurify(win as WindowLike);
  const instance: Instance = { purify, baseUrl: null };
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (/^on/i.test(data.attrName)) { data.keepAttr = false; return; }
    if (!URL_ATTRS.has(data.attrName)) return;
    const url = safeUrl(data.attrValue, data.attrName, instance.baseUrl);
    if (url === null) data.keepAttr = false;
    else data.attrValue = url;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeName === 'A' && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    if (el.nodeName === 'IMG') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  instances.set(win, instance);
  return instance;
}

/** Sanitize clip HTML for `innerHTML` in the reader, using the given window's DOM. */
export function renderClipHtml(html: string, win: Window | WindowLike, options: RenderOptions = {}): string {
  const instance = instanceFor(win);
  instance.baseUrl = options.baseUrl ?? null;
  return instance.purify.sanitize(html ?? '', {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ADD_ATTR: ['target', 'rel', 'loading', 'referrerpolicy'],
    FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea',
      'select', 'option', 'svg', 'math', 'link', 'meta', 'base', 'template', 'noscript', 'audio', 'video', 'source'],
    FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'formaction', 'ping', 'background', 'xlink:href'],
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
}
