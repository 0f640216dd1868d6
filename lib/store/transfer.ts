/**
 * Import and export of the library from the side panel: export writes a file with lib/transfer;
 * import reads a file, merges it against the library (lib/transfer), then stores the result through
 * the background in batches (`clips:import`), with progress and the report of what was skipped.
 * lib/transfer (with zod and the zip writer, a third of the panel's script) is loaded on first use,
 * so opening the panel does not parse it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Category } from '../categorize/types';
import type { Clip } from '../clip/types';
import type { ExportFormat, ImportReport } from '../transfer';
import { errorMessage, type Send } from './send';

/** Clips sent to the background per `clips:import` message (one transaction each). */
export const IMPORT_BATCH = 200;

/** An export ready to download: the bytes or text, a file name and its type. */
export interface ExportDownload {
  data: string | Uint8Array;
  fileName: string;
  mimeType: string;
}

/** Write the live clips in `format`, named `cairn-library-YYYY-MM-DD.ext`. */
export async function exportDownload(clips: readonly Clip[], taxonomy: Category[], format: ExportFormat, now: Date = new Date()): Promise<ExportDownload> {
  const [{ exportLibrary }, { toJsonClip }] = await Promise.all([import('../transfer'), import('../clip/interchange')]);
  const file = exportLibrary(clips.filter((c) => !c.deletedAt).map((c) => toJsonClip(c, taxonomy)), format);
  return { data: file.data, fileName: `cairn-library-${now.toISOString().slice(0, 10)}${file.extension}`, mimeType: file.mimeType };
}

export interface ImportState {
  status: 'idle' | 'reading' | 'saving' | 'done' | 'error';
  fileName: string | null;
  /** Items handled while reading, then clips stored while saving. */
  progress: { done: number; total: number };
  report: ImportReport | null;
  error: string | null;
  importFile(fileName: string, data: string | Uint8Array, library: { clips: readonly Clip[]; taxonomy: Category[] }): Promise<ImportReport | null>;
  reset(): void;
}

/** Create the import store bound to `send`. */
export function createImportStore(send: Send, now: () => number = Date.now): StoreApi<ImportState> {
  return createStore<ImportState>((set) => ({
    status: 'idle',
    fileName: null,
    progress: { done: 0, total: 0 },
    report: null,
    error: null,
    reset() {
      set({ status: 'idle', fileName: null, progress: { done: 0, total: 0 }, report: null, error: null });
    },
    async importFile(fileName, data, { clips, taxonomy }) {
      set({ status: 'reading', fileName, progress: { done: 0, total: 0 }, report: null, error: null });
      try {
        const [{ detectImportFormat, importLibrary }, { toJsonClip }] = await Promise.all([import('../transfer'), import('../clip/interchange')]);
        const format = detectImportFormat(fileName, data);
        if (!format) throw new Error(`Cairn cannot tell what kind of file ${fileName} is: use JSON Lines, a bookmarks HTML file, a Pocket CSV or a Cairn vault zip.`);
        const existing = clips.filter((c) => !c.deletedAt).map((c) => toJsonClip(c, taxonomy));
        const result = await importLibrary(data, format, {
          taxonomy,
          existing,
          now,
          onProgress: (done, total) => { if (done === total || done % 50 === 0) set({ progress: { done, total } }); },
        });
        const toStore = [...result.added, ...result.changed];
        set({ status: 'saving', progress: { done: 0, total: toStore.length } });
        for (let i = 0; i < toStore.length; i += IMPORT_BATCH) {
          const batch = toStore.slice(i, i + IMPORT_BATCH);
          await send('clips:import', { clips: batch });
          set({ progress: { done: i + batch.length, total: toStore.length } });
        }
        set({ status: 'done', report: result.report });
        return result.report;
      } catch (err) {
        set({ status: 'error', error: errorMessage(err) });
        return null;
      }
    },
  }));
}
