/** Shared shapes of the library's import and export: formats, options, the import report. */
import type { Category } from '../categorize/types';
import type { JsonClip } from '../clip/interchange';

/** File formats the library can be written to. */
export type ExportFormat = 'jsonl' | 'markdown' | 'netscape';

/** File formats the library can be read from (`markdown` is a zip of front-matter documents, as exported). */
export type ImportFormat = 'jsonl' | 'netscape' | 'pocket' | 'markdown';

/** One input item that did not become a clip (or was merged into another), and why. */
export interface SkippedItem {
  /** Where it was: a line number (JSON Lines, CSV record start, bookmark's line) or a path inside a zip. */
  item: number | string;
  reason: string;
}

/** What an import did: nothing is dropped without an entry here. */
export interface ImportReport {
  /** New clips (not in the library before and not duplicates within the file). */
  imported: number;
  /** Clips already in the library that the import changed (merged tags, note, content). */
  updated: number;
  skipped: SkippedItem[];
}

/** Called as items are read: `done` of `total` input items handled. */
export type ProgressCallback = (done: number, total: number) => void;

/** How to import. */
export interface ImportOptions {
  /** Taxonomy that folder paths and category paths are resolved against. */
  taxonomy: Category[];
  /** The library as it is now (JSON clips); duplicates of these are merged into them, not added. */
  existing?: JsonClip[];
  onProgress?: ProgressCallback;
  /** Clock for `updatedAt` on merged clips and `createdAt` when an item has none (ms since epoch). */
  now?: () => number;
}

/** The result of an import: the clips to store (new ones and changed existing ones) and the report. */
export interface ImportResult {
  /** New clips, in input order. */
  added: JsonClip[];
  /** Existing clips changed by the import (same id as in `existing`), in the order first touched. */
  changed: JsonClip[];
  report: ImportReport;
}

/** One item read from a file before merging: a clip, or the reason it is not one. */
export type ReadItem = { item: number | string; clip: JsonClip } | { item: number | string; skip: string };
