/** The fixture pages read as plain text (article text, whole-page text, title, language) for the dedupe and categorize benches and tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { detectLanguage } from '../../lib/text/language';

/** Root of the repository. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared fixtures folder beside the repository. */
export const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
/** The Chinese seed page (with site chrome), id "seed" in the labels. */
export const SEED_FILE = path.join(FIXTURES, 'seed/learning-organization-zh.html');

/** One fixture page as text. */
export interface FixturePage {
  id: string;
  title: string;
  siteName: string | null;
  /** A made-up but stable URL (the fixtures carry none): https://NAME.example/article. */
  url: string;
  /** The article text (Readability's expected output). */
  text: string;
  /** All visible text of the source page (chrome included), scripts and styles dropped; read on first use (slow on big pages). */
  readonly pageText: string;
  /** Detected primary language ("en", "zh", "ja", …). */
  lang: string;
}

/** Visible text of an HTML document's body, block-separated by newlines, whitespace collapsed. */
export function htmlToText(html: string): string {
  const { document } = new JSDOM(html).window;
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  for (const el of document.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, br, tr, section, article, blockquote, pre'))
    el.append(document.createTextNode('\n'));
  const text = document.body?.textContent ?? '';
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

let entityDoc: Document | null = null;
const entityCache = new Map<string, string>();

/** Decode one character reference through a DOM (cached), so every HTML entity name is known. */
function decodeEntity(ref: string): string {
  let out = entityCache.get(ref);
  if (out === undefined) {
    entityDoc ??= new JSDOM('').window.document;
    const el = entityDoc.createElement('textarea');
    el.innerHTML = ref;
    entityCache.set(ref, (out = el.value));
  }
  return out;
}

/**
 * Whole-page text by regular expressions: scripts, styles and comments dropped, tags turned into spaces or
 * line breaks, entities decoded. Much faster than a DOM on 1 MB pages, and markup-blind the way a
 * careless copy of a page is.
 */
export function htmlToTextFast(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|li|h[1-6]|br|tr|section|article|blockquote|pre|header|footer|nav|ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z][a-z0-9]*);?/gi, (m) => decodeEntity(m.endsWith(';') ? m : m + ';'))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function titleOf(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? new JSDOM(`<p>${m[1]}</p>`).window.document.body.textContent!.trim() : '';
}

let cache: FixturePage[] | null = null;

/** Every fixture page with an expected.html, plus the seed page (id "seed"), sorted by id; cached. */
export function loadFixturePages(): FixturePage[] {
  if (cache) return cache;
  const dir = path.join(FIXTURES, 'pages');
  const pages: FixturePage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const base = path.join(dir, name);
    if (!existsSync(path.join(base, 'expected.html'))) continue;
    const meta = JSON.parse(readFileSync(path.join(base, 'expected-metadata.json'), 'utf8')) as { title?: string; siteName?: string | null };
    const source = path.join(base, 'source.html');
    const text = htmlToText(readFileSync(path.join(base, 'expected.html'), 'utf8'));
    const title = meta.title || titleOf(readFileSync(source, 'utf8'));
    pages.push(lazyPage({ id: name, title, siteName: meta.siteName ?? null, url: `https://${name}.example/article`, text, lang: detectLanguage(`${title}\n${text.slice(0, 3000)}`) }, source));
  }
  const seedHtml = readFileSync(SEED_FILE, 'utf8');
  const seedDoc = new JSDOM(seedHtml).window.document;
  const article = seedDoc.querySelector('article, main') ?? seedDoc.body;
  const seedText = htmlToText(`<body>${article.innerHTML}</body>`);
  const seedTitle = titleOf(seedHtml);
  pages.push(lazyPage({ id: 'seed', title: seedTitle, siteName: null, url: 'https://seed.example/learning-organization', text: seedText, lang: detectLanguage(`${seedTitle}\n${seedText.slice(0, 3000)}`) }, SEED_FILE));
  return (cache = pages);
}

/** A page whose whole-page text is computed from its source file on first read. */
function lazyPage(base: Omit<FixturePage, 'pageText'>, sourceFile: string): FixturePage {
  let pageText: string | undefined;
  return Object.defineProperty({ ...base }, 'pageText', {
    enumerable: true,
    get: () => (pageText ??= htmlToTextFast(readFileSync(sourceFile, 'utf8'))),
  }) as FixturePage;
}
