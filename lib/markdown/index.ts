/** HTML → Markdown for clips: GFM tables and strikethrough, ATX headings, fenced code, no raw HTML left. */
import TurndownService from 'turndown';
import { strikethrough, taskListItems } from 'turndown-plugin-gfm';
import { useTableRules } from './tables';

const LANGUAGE_CLASS = /(?:^|\s)(?:language-|lang-|highlight-source-|brush:?\s*)([A-Za-z0-9_+#.-]+)/;

/** Code language named by a class on the <code>, the <pre> or the wrapper around it. */
function codeLanguage(pre: Element): string {
  const candidates = [pre.querySelector('code'), pre, pre.parentElement];
  for (const el of candidates) {
    const match = el?.getAttribute('class')?.match(LANGUAGE_CLASS);
    if (match) return match[1]!.toLowerCase();
  }
  return '';
}

/** Escape text so Markdown renderers cannot read it as HTML, on top of Turndown's own escapes. */
function escapeHtmlLike(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use([strikethrough, taskListItems]);
  useTableRules(service);
  service.addRule('fencedPre', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      let longest = 2;
      for (const run of code.match(/`{3,}/g) ?? []) longest = Math.max(longest, run.length);
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}${codeLanguage(node as Element)}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as Element;
      const src = img.getAttribute('src');
      if (!src) return '';
      const alt = escapeHtmlLike((img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/[[\]\\]/g, '\\$&'));
      const title = img.getAttribute('title');
      const titlePart = title ? ` "${title.replace(/\s+/g, ' ').replace(/"/g, '\\"')}"` : '';
      return `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)}${titlePart})`;
    },
  });
  // Anything Turndown has no rule for is dropped as a tag (its text stays); never keep raw HTML.
  service.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'input'] as never);
  const baseEscape = service.escape.bind(service);
  service.escape = (text: string) => escapeHtmlLike(baseEscape(text));
  return service;
}

let shared: TurndownService | null = null;

const CJK = '[\\u2e80-\\u2fdf\\u3000-\\u303f\\u3040-\\u30ff\\u3100-\\u312f\\u3190-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef]';
/** A space Turndown made from a source line break between two CJK characters (Chinese and Japanese use none). */
const SPACE_BETWEEN_CJK = new RegExp(`(${CJK}(?:\\*\\*|_)?) ((?:\\*\\*|_)?${CJK})`, 'g');

/** Remove stray spaces between CJK characters, outside fenced code. Hangul is not touched: Korean uses spaces. */
function tidyCjkSpacing(markdown: string): string {
  return markdown
    .split(/(^```+[^\n]*\n[\s\S]*?\n```+$)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SPACE_BETWEEN_CJK, '$1$2').replace(SPACE_BETWEEN_CJK, '$1$2')))
    .join('');
}

/**
 * Convert HTML (a string, or a DOM node to skip re-parsing) to Markdown. Works in the browser and in Node;
 * pass sanitized HTML, since link and image URLs are copied as they are.
 */
export function htmlToMarkdown(html: string | Node): string {
  shared ??= createService();
  const markdown = shared.turndown(html as string | TurndownService.Node);
  return tidyCjkSpacing(markdown).replace(/\n{3,}/g, '\n\n').trim();
}
