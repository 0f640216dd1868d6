/** `cairn related` run for real: pages are clipped like `cairn clip` and matched against a clipped library. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCairn } from './run-cairn';
import { makeLibrary, page, SEED, type TestLibrary } from './library-fixture';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
}, 120_000);

type Result = { id: string; url: string; title: string; score: number; why: string };

describe('cairn related', () => {
  it('puts a page’s own clip first, per input in input order, with a why', async () => {
    const run = await runCairn(['related', '--library', lib.file, page('qq'), SEED, page('wikipedia'), '--limit', '3']);
    expect(run.code).toBe(0);
    const lines = jsonLines(run);
    expect(lines.map((l) => l.input)).toEqual([page('qq'), SEED, page('wikipedia')]);
    for (const line of lines) {
      const results = line.results as Result[];
      expect(results[0]!.id).toBe(lib.idOf.get(line.input as string));
      expect(results.length).toBeLessThanOrEqual(3);
      expect(results[0]!.why).toMatch(/shared: /);
      expect(Object.keys(results[0]!).sort()).toEqual(['id', 'score', 'title', 'url', 'why']);
    }
  });

  it('gives sensible results for a page not in the library (a Mozilla page → the Mozilla clips)', async () => {
    const lines = jsonLines(await runCairn(['related', '--library', lib.file, page('mozilla-2'), '--limit', '2']));
    const ids = (lines[0]!.results as Result[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect([lib.idOf.get(page('mozilla-1')), lib.idOf.get(page('wikipedia'))]).toContain(id);
  });

  it('prints an error line in place of a failing input and exits 1 after the rest', async () => {
    const missing = path.join(lib.dir, 'missing.html');
    const run = await runCairn(['related', '--library', lib.file, missing, page('gmw')]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run);
    expect(lines[0]).toEqual({ input: missing, error: expect.stringContaining('no such file') });
    expect((lines[1]!.results as Result[])[0]!.id).toBe(lib.idOf.get(page('gmw')));
  });

  it('exits 2 on bad usage', async () => {
    expect((await runCairn(['related', page('qq')])).code).toBe(2);
    expect((await runCairn(['related', '--library', lib.file])).code).toBe(2);
    expect((await runCairn(['related', '--library', lib.file, page('qq'), '--limit', 'many'])).code).toBe(2);
  });
});
