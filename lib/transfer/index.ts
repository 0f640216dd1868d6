/**
 * Import and export of the library, for the CLI and the extension's Library alike: plain data in and out
 * (JSON clips, strings, bytes), no file system, no DOM.
 *
 * Export: JSON Lines (the interchange format), a zip of Markdown notes (an Obsidian vault), a Netscape
 * bookmarks file. Import: JSON Lines, bookmarks HTML from any browser, Pocket's CSV, and the vault zip back.
 */
import type { JsonClip } from '../clip/interchange';
import { exportJsonl, readJsonlItems } from './jsonl';
import { exportMarkdownZip, readMarkdownZipItems } from './markdown-vault';
import { mergeItems } from './merge';
import { exportNetscape } from './netscape-export';
import { readNetscapeItems } from './netscape-import';
import { readPocketItems } from './pocket-import';
import type { ExportFormat, ImportFormat, ImportOptions, ImportResult, ReadItem } from './types';

export type * from './types';
export { exportJsonl, readJsonlItems } from './jsonl';
export { exportMarkdownZip, readMarkdownZipItems, vaultPaths } from './markdown-vault';
export { exportNetscape } from './netscape-export';
export { parseNetscapeBookmarks } from './netscape-parse';
export { parseCsv } from './csv';
export { parseMarkdownDocument } from './front-matter';
export { toVaultDocument, fromVaultDocument } from './vault-document';
export { mergeClip, duplicateKey } from './merge';
export { fileByFolders } from './folders';
export { safeFileName } from './file-names';
export { PocketFormatError } from './pocket-import';

/** An exported file: text for JSON Lines and bookmarks, bytes for the zip; with its usual extension and type. */
export interface ExportedFile {
  data: string | Uint8Array;
  extension: string;
  mimeType: string;
}

/** Write the library in one of the export formats. */
export function exportLibrary(clips: JsonClip[], format: ExportFormat): ExportedFile {
  switch (format) {
    case 'jsonl':
      return { data: exportJsonl(clips), extension: '.jsonl', mimeType: 'application/x-ndjson' };
    case 'markdown':
      return { data: exportMarkdownZip(clips), extension: '.zip', mimeType: 'application/zip' };
    case 'netscape':
      return { data: exportNetscape(clips), extension: '.html', mimeType: 'text/html' };
  }
}

/** Guess a file's format from its name, else its first bytes; null when neither tells. */
export function detectImportFormat(fileName: string, data: string | Uint8Array): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  if (ext === 'html' || ext === 'htm') return 'netscape';
  if (ext === 'csv') return 'pocket';
  if (ext === 'zip') return 'markdown';
  const bytes = typeof data === 'string' ? null : data;
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'markdown';
  const head = (typeof data === 'string' ? data.slice(0, 4096) : new TextDecoder().decode(data.subarray(0, 4096))).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'jsonl';
  if (/^<!DOCTYPE NETSCAPE-Bookmark|<DL\b|<DT\b/i.test(head)) return 'netscape';
  if (/^[^\n]*\burl\b[^\n]*,|^[^\n]*,[^\n]*\burl\b/i.test(head)) return 'pocket';
  return null;
}

function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
}

/** Read a file of the given format into items (clips or reasons), before merging. */
export function readImportItems(data: string | Uint8Array, format: ImportFormat, options: Pick<ImportOptions, 'taxonomy'> & { now: number }): ReadItem[] {
  switch (format) {
    case 'jsonl':
      return readJsonlItems(asText(data));
    case 'netscape':
      return readNetscapeItems(asText(data), options.taxonomy, options.now);
    case 'pocket':
      return readPocketItems(asText(data), options.taxonomy, options.now);
    case 'markdown':
      if (typeof data === 'string') throw new TypeError('a Markdown vault is a zip: pass its bytes');
      return readMarkdownZipItems(data, options.now);
  }
}

/**
 * Import a file into the library: read every item, merge duplicates (same normalized URL) with each other
 * and with `options.existing`, and report what happened to each item. A bad item never stops the rest.
 * Throws only when the file as a whole is not of the format (a CSV without a `url` column, a broken zip).
 */
export async function importLibrary(data: string | Uint8Array, format: ImportFormat, options: ImportOptions): Promise<ImportResult> {
  const now = (options.now ?? Date.now)();
  const items = readImportItems(data, format, { taxonomy: options.taxonomy, now });
  return mergeItems(items, options.existing ?? [], { now, onProgress: options.onProgress });
}
