/** `cairn search` run for real on a library that `cairn clip` made from English and Chinese fixture pages. */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCairn } from './run-cairn';
import { makeLibrary, page, SEED, type TestLibrary } from './library-fixture';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary();
}, 120_000);

describe('cairn search', () => {
  it('finds the Chinese seed article for a Chinese query, with a plain-text snippet and highlight ranges', async () => {
    const run = await runCairn(['search', '--library', lib.file, '学习型组织']);
    expect(run.code).toBe(0);
    const hits = jsonLines(run);
    expect(hits[0]!.id).toBe(lib.idOf.get(SEED));
    expect(Object.keys(hits[0]!).sort()).toEqual(['highlights', 'id', 'score', 'snippet', 'title', 'url'].sort());
    const snippet = hits[0]!.snippet as string;
    expect(snippet).not.toMatch(/<[a-z]/i);
    const marked = (hits[0]!.highlights as Array<[number, number]>).map(([s, e]) => snippet.slice(s, e));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect('学习型组织').toContain(m.slice(0, 2));
  });

  it('finds the qq article for a mixed query and an English clip for an English query', async () => {
    const zh = jsonLines(await runCairn(['search', '--library', lib.file, 'DeepMind 记忆']));
    expect(zh[0]!.id).toBe(lib.idOf.get(page('qq')));
    const en = jsonLines(await runCairn(['search', '--library', lib.file, 'Firefox add-ons', '--limit', '1']));
    expect(en).toHaveLength(1);
    expect(en[0]!.id).toBe(lib.idOf.get(page('mozilla-1')));
  });

  it('prints nothing (and exits 0) when nothing matches', async () => {
    const run = await runCairn(['search', '--library', lib.file, 'zzzqqxv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('skips a broken library line, names its line number on stderr, and still searches', async () => {
    const lines = readFileSync(lib.file, 'utf8').trimEnd().split('\n');
    const broken = path.join(lib.dir, 'broken.jsonl');
    writeFileSync(broken, [lines[0], '{"id": 42', '{"title": "no id"}', ...lines.slice(1)].join('\n') + '\n');
    const run = await runCairn(['search', '--library', broken, 'DeepMind']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('line 2');
    expect(run.stderr).toContain('line 3');
    expect(jsonLines(run)[0]!.id).toBe(lib.idOf.get(page('qq')));
  });

  it('exits 2 on bad usage and 1 on a missing library file', async () => {
    expect((await runCairn(['search', 'query'])).code).toBe(2);
    expect((await runCairn(['search', '--library', lib.file])).code).toBe(2);
    expect((await runCairn(['search', '--library', lib.file, 'x', '--limit', '0'])).code).toBe(2);
    expect((await runCairn(['search', '--library', lib.file, 'x', '--bogus'])).code).toBe(2);
    const missing = await runCairn(['search', '--library', path.join(lib.dir, 'nope.jsonl'), 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such library file');
  });
});
