import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { STARTER_TAXONOMY } from '../categorize/taxonomy';
import { fromJsonClip } from '../clip/interchange';
import type { Clip } from '../clip/types';
import { buildSearchIndex, type SearchableClip, type SearchIndex } from '../search/index';
import type { CliIo } from './io';

/** A library file read into a search index, with its clips by id for printing results. */
export interface LoadedLibrary {
  index: SearchIndex;
  clips: Map<string, Clip>;
}

/** The library file could not be read at all (a bad line is only skipped). */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/**
 * Read a JSON Lines library (the interchange format `cairn clip` prints) and index it with the same
 * lib/search code the side panel uses, full text included (a CLI library is read once per run).
 * A line that is not a valid JSON clip is reported on stderr with its line number and skipped;
 * `{"input", "error"}` lines from a failed `cairn clip` are skipped the same way.
 */
export async function loadLibrary(file: string, io: CliIo, command: string): Promise<LoadedLibrary> {
  const full = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LibraryError(code === 'ENOENT' ? `no such library file: ${full}` : `cannot read ${full}: ${(error as Error).message}`);
  }
  const clips = new Map<string, Clip>();
  const categoryPaths = new Map<string, string | null>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skipped = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const json = JSON.parse(line) as unknown;
      const clip = fromJsonClip(json, STARTER_TAXONOMY);
      clips.set(clip.id, clip);
      categoryPaths.set(clip.id, (json as { category?: string | null }).category ?? null);
    } catch (error) {
      skipped++;
      io.err(`cairn ${command}: ${file} line ${i + 1}: skipped, ${lineProblem(error)}\n`);
    }
  });
  if (skipped) io.err(`cairn ${command}: ${skipped} bad line${skipped === 1 ? '' : 's'} skipped, ${clips.size} clips loaded\n`);
  const searchable = [...clips.values()].map((c): SearchableClip => ({ ...c, category: categoryPaths.get(c.id)?.replace(/\//g, ' ') ?? null }));
  return { index: buildSearchIndex(searchable, { fullText: true }), clips };
}

/** A short reason a line was not a clip: bad JSON, or the first schema issue. */
function lineProblem(error: unknown): string {
  if (error instanceof SyntaxError) return `not JSON (${error.message})`;
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (issues?.length) {
    const first = issues[0]!;
    return `not a clip (${first.path.map(String).join('.') || 'line'}: ${first.message})`;
  }
  return (error as Error).message || String(error);
}
