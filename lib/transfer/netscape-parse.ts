/**
 * Read a Netscape bookmark file (what Chrome, Edge, Firefox, Safari and Pocket's old export write) with a
 * small tolerant tokenizer over its grammar: `<DL>` opens a folder level, `<DT><H3>name</H3>` names the
 * next level, `<DT><A HREF ADD_DATE TAGS>title</A>` is a bookmark, `<DD>text` describes the item before it.
 * No DOM, so it runs in Node and in the browser; unknown tags are ignored, unclosed ones tolerated.
 */
import { decodeHtmlText } from './html-text';

/** One bookmark as the file states it, with the folders it sits in (outermost first). */
export interface RawBookmark {
  /** 1-based line of its `<A` tag. */
  line: number;
  href: string;
  title: string;
  folders: string[];
  /** Lower-cased attribute names → decoded values (add_date, last_modified, tags, …). */
  attributes: Record<string, string>;
  /** The `<DD>` text after it, or ''. */
  description: string;
}

/** A folder as the file states it: its name and whether a browser marks it as a root (toolbar, other). */
interface Folder {
  name: string;
  root: boolean;
}

/** Names browsers give their own top folders; at the top level these are not part of a category path. */
const ROOT_FOLDER_NAMES = new Set(
  [
    'bookmarks bar', 'bookmarks toolbar', 'bookmarks menu', 'other bookmarks', 'mobile bookmarks', 'favorites',
    'favourites', 'favorites bar', 'favourites bar', 'reading list', 'imported', 'unsorted bookmarks',
    '书签栏', '其他书签', '移动设备书签', '书签工具栏', '书签菜单', '收藏夹栏', '收藏夹', '阅读列表',
  ].map((n) => n.toLowerCase()),
);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
/** Fallback for a tag whose quotes do not balance: everything up to the next `>`. */
const LOOSE_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/y;
const DD_END = /<\/?(dt|dl|dd|h3|hr|a)\b/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) out[m[1]!.toLowerCase()] = decodeHtmlText(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

const CLOSERS: Record<string, RegExp> = { a: /<\/a\s*>/gi, h3: /<\/h3\s*>/gi };
const STRUCTURE = /<\/?(dt|dl|dd|h3)\b/gi;

/**
 * Text up to the closing tag `</name>` from `from`, and the index after it. A missing close tag ends the text
 * at the next item (`<DT`, `<DL`, `<DD`, `<H3`) so one broken bookmark does not swallow the ones after it.
 */
function textUntilClose(html: string, from: number, name: 'a' | 'h3'): [string, number] {
  const close = CLOSERS[name]!;
  close.lastIndex = from;
  STRUCTURE.lastIndex = from;
  const m = close.exec(html);
  const next = STRUCTURE.exec(html);
  if (next && (!m || next.index < m.index)) return [html.slice(from, next.index), next.index];
  if (!m) return [html.slice(from), html.length];
  return [html.slice(from, m.index), m.index + m[0].length];
}

/** Strip tags inside element text (`<b>x</b>`) and decode references; whitespace collapsed as HTML shows it. */
function elementText(raw: string): string {
  return decodeHtmlText(raw.replace(/<[^>]*>/g, '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, ''));
}

/** `<DD>` text: raw whitespace trimmed and collapsed, then references decoded (so `&#10;` keeps a line break). */
function descriptionText(raw: string): string {
  return elementText(raw.replace(/<br\s*\/?>/gi, '&#10;'));
}

/** Every bookmark in the file, in order, with its folder path (browser root folders at the top removed). */
export function parseNetscapeBookmarks(html: string): RawBookmark[] {
  const bookmarks: RawBookmark[] = [];
  const stack: Folder[] = [];
  let pendingFolder: Folder | null = null;
  /** What a `<DD>` would describe: the last bookmark, or a folder (ignored). */
  let lastBookmark: RawBookmark | null = null;
  let line = 1;
  let counted = 0;
  const lineAt = (index: number) => {
    for (let i = html.indexOf('\n', counted); i !== -1 && i < index; i = html.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
  const folderPath = () => {
    return stack.filter((f) => !f.root).map((f) => f.name);
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    LOOSE_TAG.lastIndex = lt;
    const m = TAG.exec(html) ?? LOOSE_TAG.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    i = lt + m[0].length;
    if (name === 'dl') {
      if (closing) {
        stack.pop();
      } else {
        // The outermost <DL> is the file's root; later ones open the folder named just before.
        stack.push(pendingFolder ?? { name: '', root: true });
        pendingFolder = null;
      }
      lastBookmark = null;
    } else if (name === 'h3' && !closing) {
      const attributes = parseAttributes(m[3]!);
      const [raw, after] = textUntilClose(html, i, 'h3');
      i = after;
      const folderName = elementText(raw);
      const markedRoot = 'personal_toolbar_folder' in attributes || 'unfiled_bookmarks_folder' in attributes;
      // A folder right under the file's root that a browser made (toolbar, other bookmarks) is no category.
      const atTop = stack.length <= 1;
      pendingFolder = { name: folderName, root: atTop && (markedRoot || ROOT_FOLDER_NAMES.has(folderName.toLowerCase())) };
      lastBookmark = null;
    } else if (name === 'a' && !closing) {
      const attributes = parseAttributes(m[3]!);
      const at = lineAt(lt);
      const [raw, after] = textUntilClose(html, i, 'a');
      i = after;
      lastBookmark = { line: at, href: attributes.href ?? '', title: elementText(raw), folders: folderPath(), attributes, description: '' };
      bookmarks.push(lastBookmark);
    } else if (name === 'dd' && !closing) {
      DD_END.lastIndex = i;
      const next = DD_END.exec(html);
      const end = next ? next.index : html.length;
      if (lastBookmark) lastBookmark.description = descriptionText(html.slice(i, end));
      i = end;
      lastBookmark = null;
    }
  }
  // Paths of the root folder itself are '' (the file's own root): drop empty names.
  for (const b of bookmarks) b.folders = b.folders.filter(Boolean);
  return bookmarks;
}
