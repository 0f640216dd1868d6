/** A library file made once by the real `cairn clip` on English and Chinese fixture pages, for search/related tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jsonLines, REPO_ROOT, runCairn } from './run-cairn';

export const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
export const page = (name: string) => path.join(FIXTURES, 'pages', name, 'source.html');
export const SEED = path.join(FIXTURES, 'seed/learning-organization-zh.html');

/** Pages clipped into the library: Chinese (seed, qq, gmw) and English. */
export const LIBRARY_INPUTS = [SEED, page('qq'), page('gmw'), page('wikipedia'), page('mozilla-1'), page('medium-1'), page('nytimes-1')];

export interface TestLibrary {
  dir: string;
  file: string;
  /** Clip id by input path. */
  idOf: Map<string, string>;
}

/** Clip LIBRARY_INPUTS with `cairn clip` into a fresh temp dir's library.jsonl. */
export async function makeLibrary(): Promise<TestLibrary> {
  const run = await runCairn(['clip', ...LIBRARY_INPUTS]);
  if (run.code !== 0) throw new Error(`cairn clip failed: ${run.stderr}`);
  const clips = jsonLines(run);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-lib-'));
  const file = path.join(dir, 'library.jsonl');
  writeFileSync(file, run.stdout);
  const idOf = new Map(LIBRARY_INPUTS.map((input, i) => [input, clips[i]!.id as string]));
  return { dir, file, idOf };
}
