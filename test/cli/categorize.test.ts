/** `cairn categorize` run for real: a library clipped from fixtures and filed by hand teaches the suggestions. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCairn } from './run-cairn';
import { page, SEED } from './library-fixture';

/** The team files everything about Mozilla under Reference — a choice the seed words alone would not make. */
const FILING: Array<[string, string]> = [
  [page('mozilla-1'), 'Reference'],
  [page('wikipedia'), 'Reference'],
  [page('firefox-nightly-blog'), '参考资料'],
  [page('v8-blog'), 'Technology/Software Development'],
  [page('webmd-1'), 'Health'],
  [page('qq'), '科技/人工智能与数据'],
  [page('nytimes-1'), 'News & Society/Politics & World'],
];

let dir: string;
let library: string;
beforeAll(async () => {
  const run = await runCairn(['clip', ...FILING.map(([input]) => input)]);
  if (run.code !== 0) throw new Error(`cairn clip failed: ${run.stderr}`);
  const clips = jsonLines(run).map((clip, i) => ({ ...clip, category: FILING[i]![1] }));
  dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-categorize-'));
  library = path.join(dir, 'library.jsonl');
  writeFileSync(library, clips.map((c) => JSON.stringify(c)).join('\n') + '\n');
}, 120_000);

type Suggestion = { category: string; score: number; why: string };

describe('cairn categorize', () => {
  it('prints up to 3 suggestions per input, in input order, learned from the library’s filing', async () => {
    const run = await runCairn(['categorize', '--library', library, page('mozilla-2'), SEED, page('webmd-2')]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run);
    expect(lines.map((l) => l.input)).toEqual([page('mozilla-2'), SEED, page('webmd-2')]);
    for (const line of lines) {
      const s = line.suggestions as Suggestion[];
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(3);
      for (const x of s) {
        expect(Object.keys(x).sort()).toEqual(['category', 'score', 'why']);
        expect(x.score).toBeGreaterThan(0);
        expect(x.score).toBeLessThanOrEqual(1);
      }
    }
    const mozilla = lines[0]!.suggestions as Suggestion[];
    const reference = mozilla.find((x) => x.category === 'Reference');
    expect(reference, JSON.stringify(mozilla)).toBeDefined();
    expect(reference!.why).toMatch(/like 3 filed clips/);
    expect((lines[1]!.suggestions as Suggestion[])[0]!.category).toBe('Learning & Knowledge/Learning Organization');
    expect((lines[2]!.suggestions as Suggestion[])[0]!.category).toBe('Health');
  });

  it('honours --limit, prints an error line for a failing input and exits 1 after the rest', async () => {
    const missing = path.join(dir, 'missing.html');
    const run = await runCairn(['categorize', '--library', library, '--limit', '1', missing, page('qq')]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run);
    expect(lines[0]).toEqual({ input: missing, error: expect.stringContaining('no such file') });
    expect(lines[1]!.suggestions).toEqual([expect.objectContaining({ category: 'Technology/AI & Data' })]);
  });

  it('exits 2 on bad usage and 1 on a missing library', async () => {
    expect((await runCairn(['categorize', page('qq')])).code).toBe(2);
    expect((await runCairn(['categorize', '--library', library])).code).toBe(2);
    expect((await runCairn(['categorize', '--library', path.join(dir, 'nope.jsonl'), page('qq')])).code).toBe(1);
  });
});
