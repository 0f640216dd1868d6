/** Page metadata read from a Document without changing it: title, byline, site, language, dates, canonical link. */

export interface PageMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Language the page declares (html lang or content-language), raw, or null. */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** ISO 8601, or null when the page states no parsable date. */
  publishedTime: string | null;
  /** Absolute canonical URL the page declares (link rel=canonical, then og:url), or null. */
  canonicalUrl: string | null;
  description: string | null;
}

type MetaValues = Map<string, string>;

const PROPERTY_PATTERN = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|modified_time|title|site_name|url)\s*/gi;
const NAME_PATTERN = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|date|description|title|site_name)\s*$/i;
const JSON_LD_ARTICLE_TYPES = /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage|BlogPosting)$/;

/** Collect meta tag values keyed like `og:title`, `article:published_time`, `author`. */
function readMetaValues(doc: Document): MetaValues {
  const values: MetaValues = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    const property = el.getAttribute('property');
    let matched = false;
    if (property) {
      for (const m of property.matchAll(PROPERTY_PATTERN)) {
        values.set(m[0].toLowerCase().replace(/\s/g, ''), content);
        matched = true;
      }
    }
    const name = el.getAttribute('name') ?? el.getAttribute('itemprop');
    if (!matched && name && NAME_PATTERN.test(name)) {
      values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content);
    }
    const httpEquiv = el.getAttribute('http-equiv');
    if (httpEquiv && httpEquiv.toLowerCase() === 'content-language') values.set('content-language', content);
  }
  return values;
}

interface JsonLdFacts {
  title?: string;
  headline?: string;
  byline?: string;
  description?: string;
  siteName?: string;
  datePublished?: string;
}

/** The first article-like JSON-LD object on the page, reduced to the facts we use. */
function readJsonLd(doc: Document): JsonLdFacts {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const candidates: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    for (const c of [...candidates]) {
      if (c && typeof c === 'object' && Array.isArray((c as Record<string, unknown>)['@graph'])) {
        candidates.push(...((c as Record<string, unknown>)['@graph'] as unknown[]));
      }
    }
    for (const c of candidates) {
      if (!c || typeof c !== 'object') continue;
      const o = c as Record<string, any>;
      const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
      if (!types.some((t: unknown) => typeof t === 'string' && JSON_LD_ARTICLE_TYPES.test(t))) continue;
      const authors = Array.isArray(o.author) ? o.author : o.author ? [o.author] : [];
      const names = authors.map((a: any) => (typeof a === 'string' ? a : a?.name)).filter((n: unknown) => typeof n === 'string');
      return {
        title: typeof o.name === 'string' ? o.name.trim() : undefined,
        headline: typeof o.headline === 'string' ? o.headline.trim() : undefined,
        byline: names.length ? names.map((n: string) => n.trim()).join(', ') : undefined,
        description: typeof o.description === 'string' ? o.description.trim() : undefined,
        siteName: typeof o.publisher?.name === 'string' ? o.publisher.name.trim() : undefined,
        datePublished: typeof o.datePublished === 'string' ? o.datePublished.trim() : undefined,
      };
    }
  }
  return {};
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The page's own title cleaned of site-name suffixes ("Story - Site", "Site | Story"), following the same
 * rules as Readability so a page gets one title whichever path extracted it.
 */
export function cleanDocumentTitle(doc: Document): string {
  const original = (doc.title || doc.getElementsByTagName('title')[0]?.textContent || '').trim();
  let title = original;
  const separators = /\s[|\-–—\\/>»]\s/;
  const hierarchical = /\s[\\/>»]\s/.test(original);
  if (separators.test(original)) {
    title = original.replace(/(.*)\s[|\-–—\\/>»]\s.*/s, '$1');
    if (wordCount(title) < 3) title = original.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]\s/s, '');
  } else if (original.includes(': ')) {
    const headings = Array.from(doc.querySelectorAll('h1, h2')).map((h) => (h.textContent ?? '').trim());
    if (!headings.includes(original)) {
      title = original.slice(original.lastIndexOf(':') + 1).trim();
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1).trim();
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (original.length > 150 || original.length < 15) {
    const h1s = doc.getElementsByTagName('h1');
    if (h1s.length === 1) title = (h1s[0]!.textContent ?? '').trim();
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-–—\\/>»]+/g, '')) - 1)) title = original;
  return title;
}

/** How much of `b`'s wording also appears in `a` (1 = all of it), by characters of unique tokens. */
function textSimilarity(a: string, b: string): number {
  const tokens = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const inA = new Set(tokens(a));
  const tokensB = tokens(b);
  if (!tokensB.length) return 0;
  const missing = tokensB.filter((t) => !inA.has(t));
  return 1 - missing.join(' ').length / tokensB.join(' ').length;
}

/**
 * JSON-LD `name` and `headline` should agree; some sites put the site or topic in one of them. Take the one
 * that resembles the page's <title>, `name` when neither or both do (as Readability does).
 */
function pickJsonLdTitle(ld: JsonLdFacts, doc: Document): string | undefined {
  if (ld.title && ld.headline && ld.title !== ld.headline) {
    const pageTitle = cleanDocumentTitle(doc);
    const headlineMatches = textSimilarity(ld.headline, pageTitle) > 0.75;
    const nameMatches = textSimilarity(ld.title, pageTitle) > 0.75;
    return headlineMatches && !nameMatches ? ld.headline : ld.title;
  }
  return ld.title ?? ld.headline;
}

/** Parse a date string into ISO 8601, or null when it is not a date. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2} \d/.test(trimmed) ? trimmed.replace(' ', 'T') : trimmed);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}

/** Resolve `href` against `base`; null when it is not an http(s) URL. */
function absoluteHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Decode the few HTML entities that pages double-escape inside meta content. */
function unescapeEntities(s: string | null | undefined): string | null {
  if (!s) return null;
  return s
    .replace(/&(quot|amp|apos|lt|gt);/g, (_, n: string) => ({ quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' })[n]!)
    .replace(/&#(?:x([0-9a-f]+)|(\d+));/gi, (m, hex: string, dec: string) => {
      const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    });
}

/** Read the page's metadata (never mutates `doc`); `url` resolves the canonical link. */
export function readPageMetadata(doc: Document, url: string): PageMetadata {
  const meta = readMetaValues(doc);
  const ld = readJsonLd(doc);
  const get = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => !!v) ?? null;

  const jsonLdTitle = pickJsonLdTitle(ld, doc);
  const title =
    unescapeEntities(
      jsonLdTitle ??
        get('dc:title', 'dcterm:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title'),
    ) || cleanDocumentTitle(doc);

  const bylineRaw = ld.byline ?? get('dc:creator', 'dcterm:creator', 'author', 'parsely-author');
  const articleAuthor = meta.get('article:author');
  const byline = unescapeEntities(bylineRaw ?? (articleAuthor && !/^https?:\/\//i.test(articleAuthor) ? articleAuthor : null));

  const description = unescapeEntities(
    ld.description ?? get('dc:description', 'dcterm:description', 'og:description', 'weibo:article:description', 'weibo:webpage:description', 'description', 'twitter:description'),
  );
  const siteName = unescapeEntities(ld.siteName ?? get('og:site_name'));

  const timeEl = doc.querySelector('article time[datetime], time[datetime][pubdate], time[datetime]');
  const publishedTime =
    toIsoDate(ld.datePublished) ??
    toIsoDate(get('article:published_time', 'parsely-pub-date', 'pub-date', 'dc:date', 'date')) ??
    toIsoDate(timeEl?.getAttribute('datetime'));

  const htmlEl = doc.documentElement;
  const lang = htmlEl?.getAttribute('lang')?.trim() || htmlEl?.getAttribute('xml:lang')?.trim() || meta.get('content-language')?.split(',')[0]!.trim() || null;
  const dirAttr = (htmlEl?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase();
  const dir = dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : null;

  const canonicalUrl =
    absoluteHttpUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), url) ?? absoluteHttpUrl(meta.get('og:url'), url);

  return { title: title.trim(), byline: byline?.trim() || null, siteName: siteName?.trim() || null, lang, dir, publishedTime, canonicalUrl, description: description?.trim() || null };
}
