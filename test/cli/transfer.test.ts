/** `cairn import` and `cairn export`, run as the real command on files in a temporary directory. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonl } from '../../lib/transfer';
import { randomLibrary } from '../unit/transfer/random-library';
import { jsonLines, runCairn } from './run-cairn';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-transfer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BOOKMARKS = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
    <DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><H3>Technology</H3>
        <DL><p>
            <DT><A HREF="https://example.com/a" ADD_DATE="1700000000" TAGS="web">Café &amp; 知识</A>
        </DL><p>
        <DT><A HREF="javascript:void(0)">Bookmarklet</A>
        <DT><A HREF="https://example.com/a?utm_source=x">Same page</A>
    </DL><p>
</DL><p>
`;

/** The report line `cairn import` writes on stderr. */
function report(stderr: string): { imported: number; updated: number; skipped: Array<{ item: number | string; reason: string }>; format: string } {
  const line = stderr.split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line!);
}

describe('cairn import', () => {
  it('prints link clips as JSON Lines and the report as one JSON line on stderr', async () => {
    await writeFile(path.join(dir, 'bookmarks.html'), BOOKMARKS);
    const run = await runCairn(['import', 'bookmarks.html'], { cwd: dir });
    expect(run.code).toBe(0);
    const clips = jsonLines(run);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ url: 'https://example.com/a', title: 'Café & 知识', mode: 'link', category: 'Technology', tags: ['web'], createdAt: '2023-11-14T22:13:20.000Z' });
    expect(report(run.stderr)).toEqual({
      file: 'bookmarks.html',
      format: 'netscape',
      imported: 1,
      updated: 0,
      skipped: [
        { item: 9, reason: 'bookmarklet (javascript:), not a page' },
        { item: 10, reason: 'duplicate of line 7' },
      ],
    });
  });

  it('reads a Pocket CSV by its content when the extension says nothing, and writes --out', async () => {
    await writeFile(path.join(dir, 'pocket.txt'), 'title,url,time_added,tags,status\n"Hello, world",https://p.example/1,1600000000,a|b,unread\n');
    const run = await runCairn(['import', 'pocket.txt', '--out', 'pocket.jsonl'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(report(run.stderr)).toMatchObject({ format: 'pocket', imported: 1 });
    const written = (await readFile(path.join(dir, 'pocket.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(written).toMatchObject([{ title: 'Hello, world', tags: ['a', 'b'] }]);
  });

  it('merges into --library and prints the whole library', async () => {
    const library = randomLibrary(21, 5).filter((c) => !c.deletedAt);
    await writeFile(path.join(dir, 'lib.jsonl'), exportJsonl(library));
    const target = library[0]!;
    await writeFile(path.join(dir, 'more.html'), `<DL><DT><A HREF="${target.url.replace(/&/g, '&amp;')}" TAGS="from-bookmark">x</A><DT><A HREF="https://new.example/">New</A></DL>`);
    const run = await runCairn(['import', 'more.html', '--library', 'lib.jsonl'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(report(run.stderr)).toMatchObject({ imported: 1, updated: 1, skipped: [] });
    const clips = jsonLines(run);
    expect(clips.map((c) => c.id)).toEqual([...library.map((c) => c.id), clips[library.length]!.id]);
    expect(clips[0]!.tags).toEqual([...target.tags, 'from-bookmark']);
    expect(clips[library.length]).toMatchObject({ url: 'https://new.example/', mode: 'link' });
  });

  it('exits 1 when the file is missing or holds nothing valid, 2 when the format cannot be told', async () => {
    const missing = await runCairn(['import', 'missing.html'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read missing.html');

    await writeFile(path.join(dir, 'places.html'), '<DL><DT><A HREF="place:sort=8">Recent</A></DL>');
    const nothing = await runCairn(['import', 'places.html'], { cwd: dir });
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toBe('');
    expect(report(nothing.stderr).skipped).toEqual([{ item: 1, reason: 'Firefox query bookmark (place:), not a page' }]);

    await writeFile(path.join(dir, 'mystery.dat'), 'just some words\n');
    const unknown = await runCairn(['import', 'mystery.dat'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the format');
  });
});

describe('cairn export', () => {
  const library = randomLibrary(33, 40);
  const live = library.filter((c) => !c.deletedAt);

  it('writes a vault zip that imports back to the same clips', async () => {
    await writeFile(path.join(dir, 'big.jsonl'), exportJsonl(library));
    const run = await runCairn(['export', '--library', 'big.jsonl', '--format', 'markdown', '--out', 'vault.zip'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stderr)).toEqual({ library: 'big.jsonl', format: 'markdown', out: 'vault.zip', exported: live.length });
    const entries = unzipSync(new Uint8Array(await readFile(path.join(dir, 'vault.zip'))));
    expect(Object.keys(entries)).toHaveLength(live.length);

    const back = await runCairn(['import', 'vault.zip'], { cwd: dir });
    expect(back.code).toBe(0);
    const clips = jsonLines(back);
    expect(clips.map((c) => [c.id, c.title, c.note, c.category, c.markdown])).toEqual(live.map((c) => [c.id, c.title, c.note, c.category, c.markdown]));
  });

  it('writes bookmarks to stdout and JSON Lines exactly', async () => {
    const bookmarks = await runCairn(['export', '--library', 'big.jsonl', '--format', 'netscape'], { cwd: dir });
    expect(bookmarks.code).toBe(0);
    expect(bookmarks.stdout).toMatch(/^<!DOCTYPE NETSCAPE-Bookmark-file-1>/);
    expect(bookmarks.stdout.match(/<DT><A /g)).toHaveLength(live.length);

    const jsonl = await runCairn(['export', '--library', 'big.jsonl', '--out', 'copy.jsonl'], { cwd: dir });
    expect(jsonl.code).toBe(0);
    expect(await readFile(path.join(dir, 'copy.jsonl'), 'utf8')).toBe(exportJsonl(library));
  });

  it('refuses a zip to stdout and a missing --library', async () => {
    const zip = await runCairn(['export', '--library', 'big.jsonl', '--format', 'markdown'], { cwd: dir });
    expect(zip.code).toBe(2);
    expect(zip.stdout).toBe('');
    const noLibrary = await runCairn(['export', '--format', 'jsonl'], { cwd: dir });
    expect(noLibrary.code).toBe(2);
    expect(noLibrary.stderr).toContain('--library FILE.jsonl is required');
  });
});
