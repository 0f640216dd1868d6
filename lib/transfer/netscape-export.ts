/** The library as a Netscape bookmarks file: folders by category path, ADD_DATE, TAGS, the note as `<DD>`. */
import type { JsonClip } from '../clip/interchange';
import { escapeHtml, escapeHtmlExact } from './html-text';

interface FolderNode {
  name: string;
  folders: Map<string, FolderNode>;
  clips: JsonClip[];
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function folderFor(root: FolderNode, category: string | null): FolderNode {
  let node = root;
  for (const name of (category ?? '').split('/').filter((p) => p.trim())) {
    let next = node.folders.get(name);
    if (!next) node.folders.set(name, (next = { name, folders: new Map(), clips: [] }));
    node = next;
  }
  return node;
}

/**
 * Write clips as a bookmarks file every browser imports. Tags go in Firefox's TAGS attribute (comma-separated,
 * so a comma inside a tag splits it on the way back); titles and notes are escaped so line breaks and edge
 * spaces read back exactly. Deleted clips (tombstones) are left out.
 */
export function exportNetscape(clips: Iterable<JsonClip>): string {
  const root: FolderNode = { name: '', folders: new Map(), clips: [] };
  for (const clip of clips) if (!clip.deletedAt) folderFor(root, clip.category).clips.push(clip);
  const out: string[] = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
  ];
  writeLevel(root, out, '');
  return `${out.join('\n')}\n`;
}

function writeLevel(node: FolderNode, out: string[], indent: string): void {
  out.push(`${indent}<DL><p>`);
  const inner = `${indent}    `;
  for (const folder of node.folders.values()) {
    out.push(`${inner}<DT><H3>${escapeHtml(folder.name)}</H3>`);
    writeLevel(folder, out, inner);
  }
  for (const clip of node.clips) {
    const created = seconds(clip.createdAt);
    const modified = seconds(clip.updatedAt ?? clip.createdAt);
    const tags = clip.tags.length ? ` TAGS="${escapeHtml(clip.tags.join(','))}"` : '';
    out.push(`${inner}<DT><A HREF="${escapeHtml(clip.url)}" ADD_DATE="${created}" LAST_MODIFIED="${modified}"${tags}>${escapeHtmlExact(clip.title)}</A>`);
    if (clip.note) out.push(`${inner}<DD>${escapeHtmlExact(clip.note)}`);
  }
  out.push(`${indent}</DL><p>`);
}
