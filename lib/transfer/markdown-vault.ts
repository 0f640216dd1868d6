/**
 * The library as a zip of Markdown notes that opens as an Obsidian vault: one `.md` per clip, named from its
 * title, in folders by category path. fflate builds and reads the zip in memory, in Node and in the browser.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { JsonClip } from '../clip/interchange';
import { createUlidFactory } from '../clip/id';
import { createPathAllocator, safeFileName } from './file-names';
import type { ReadItem } from './types';
import { fromVaultDocument, toVaultDocument } from './vault-document';

/** The vault path of every clip, in order: `Category/Sub/Title.md`, unique ignoring case; unfiled at the top. */
export function vaultPaths(clips: JsonClip[]): string[] {
  const allocate = createPathAllocator();
  return clips.map((clip) => {
    const folder = (clip.category ?? '')
      .split('/')
      .filter((p) => p.trim())
      .map((p) => safeFileName(p, 'Unnamed'))
      .join('/');
    return allocate(folder, safeFileName(clip.title, 'Untitled'), '.md');
  });
}

/** Zip the clips as a vault (deleted clips left out). Each entry's time is the clip's last update. */
export function exportMarkdownZip(clips: Iterable<JsonClip>): Uint8Array {
  const live = [...clips].filter((c) => !c.deletedAt);
  const paths = vaultPaths(live);
  const files: Zippable = {};
  live.forEach((clip, i) => {
    const mtime = new Date(clip.updatedAt ?? clip.createdAt);
    // Level 1: notes are small, so it compresses as well as level 6 (measured) in about two thirds of the time.
    // Zip times start in 1980; older dates fall back to fflate's default.
    files[paths[i]!] = [strToU8(toVaultDocument(clip)), { level: 1, mtime: mtime.getUTCFullYear() >= 1980 ? mtime : undefined }];
  });
  return zipSync(files);
}

/** Read a vault zip back: every `.md` file (any folder) as a clip, keyed by its path; other files are skipped. */
export function readMarkdownZipItems(bytes: Uint8Array, now: number): ReadItem[] {
  const entries = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') });
  const makeId = (ms: number) => createUlidFactory()(Number.isFinite(ms) && ms >= 0 ? ms : now);
  return Object.entries(entries).map(([path, data]): ReadItem => {
    if (!/\.md$/i.test(path)) return { item: path, skip: 'not a Markdown note (attachments are not imported)' };
    if (/(^|\/)\.(obsidian|trash)\//.test(path)) return { item: path, skip: 'vault settings, not a note' };
    const read = fromVaultDocument(strFromU8(data), makeId, now);
    return 'clip' in read ? { item: path, clip: read.clip } : { item: path, skip: read.problem };
  });
}
