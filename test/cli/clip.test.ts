import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '../../lib/categorize/taxonomy';
import { fromJsonClip, JsonClipSchema, toJsonClip } from '../../lib/clip/interchange';
import { parseMarkdownDocuments } from './front-matter';
import { encodeGbk, jsonLines, REPO_ROOT, runCairn } from './run-cairn';

const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
const SEED = path.join(FIXTURES, 'seed/learning-organization-zh.html');
const page = (name: string) => path.join(FIXTURES, 'pages', name, 'source.html');
const expectedTitle = (name: string) =>
  (JSON.parse(readFileSync(path.join(FIXTURES, 'pages', name, 'expected-metadata.json'), 'utf8')) as { title: string }).title;
const seedHtml = readFileSync(SEED, 'utf8');
const HAN = /\p{Script=Han}/u;

let server: http.Server;
let base = '';

beforeAll(async () => {
  const gbkSeed = encodeGbk(seedHtml.replace('<meta charset="utf-8">', '<meta charset="gbk">'));
  const latin1 = Buffer.from('<html><head><title>Café \x93crème\x94 à Noël</title></head><body><article><h1>Café</h1><p>Un café crème coûte deux euros à Noël, déjà.</p></article></body></html>', 'latin1');
  server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/article':
        return send(200, 'text/html; charset=utf-8', seedHtml);
      case '/moved':
        return send(302, 'text/plain', 'moved', { location: '/article' });
      case '/missing':
        return send(404, 'text/html', '<h1>Not found</h1>');
      case '/report.pdf':
        return send(200, 'application/pdf', '%PDF-1.4');
      case '/gbk-header':
        return send(200, 'text/html; charset=GBK', gbkSeed);
      case '/gbk-meta':
        return send(200, 'text/html', gbkSeed);
      case '/latin1':
        return send(200, 'text/html; charset=iso-8859-1', latin1);
      case '/huge': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let i = 0; i < 21; i++) res.write(chunk);
        return res.end();
      }
      case '/slow':
        return; // Never answers.
      default:
        return send(404, 'text/plain', 'no route');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('cairn clip on files', () => {
  it('clips the Chinese seed page: zh, a Chinese abstract, a category, a valid JSON clip', async () => {
    const run = await runCairn(['clip', SEED]);
    expect(run.code).toBe(0);
    const [clip, ...more] = jsonLines(run);
    expect(more).toHaveLength(0);
    const parsed = JsonClipSchema.parse(clip);
    expect(parsed.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(parsed.url).toBe(pathToFileURL(SEED).href);
    expect(parsed.lang).toBe('zh');
    expect(parsed.title).toContain('学习型组织');
    expect(parsed.summary.abstract).toMatch(HAN);
    expect(parsed.category).toEqual(expect.any(String));
    expect(parsed.category!.length).toBeGreaterThan(0);
    expect(parsed.wordCount).toBeGreaterThan(500);
    expect(parsed.markdown).toContain('知识管理');
    expect(Date.parse(parsed.createdAt)).not.toBeNaN();
    // Site chrome stays out of an article clip.
    expect(parsed.text).not.toContain('浏览次数');
    // The printed clip reads back into a filed Clip and writes out the same again.
    const stored = fromJsonClip(clip, STARTER_TAXONOMY);
    expect(stored.categoryId).not.toBeNull();
    expect(toJsonClip(stored, STARTER_TAXONOMY)).toEqual(clip);
  });

  it('trusts valid UTF-8 bytes over a stale <meta charset=gb2312> (qq fixture) and keeps input order', async () => {
    const run = await runCairn(['clip', page('qq'), page('001')]);
    expect(run.code).toBe(0);
    const clips = jsonLines(run);
    expect(clips.map((c) => c.title)).toEqual([expectedTitle('qq'), expectedTitle('001')]);
  });

  it('--url sets url and canonicalUrl', async () => {
    const run = await runCairn(['clip', page('001'), '--url', 'https://blog.example.org/posts/code-coverage']);
    expect(run.code).toBe(0);
    const [clip] = jsonLines(run);
    expect(clip!.url).toBe('https://blog.example.org/posts/code-coverage');
    expect(clip!.canonicalUrl).toBe('https://blog.example.org/posts/code-coverage');
  });

  it('--mode page keeps more of the page than article mode', async () => {
    const [article, whole] = await Promise.all([runCairn(['clip', SEED]), runCairn(['clip', SEED, '--mode', 'page'])]);
    const a = jsonLines(article)[0]!;
    const p = jsonLines(whole)[0]!;
    expect(p.mode).toBe('page');
    expect((p.text as string).length).toBeGreaterThan((a.text as string).length);
  });

  it('reads a page from standard input with -', async () => {
    const run = await runCairn(['clip', '-', '--url', 'https://example.cn/learning'], { input: seedHtml });
    expect(run.code).toBe(0);
    const [clip] = jsonLines(run);
    expect(clip!.url).toBe('https://example.cn/learning');
    expect(clip!.lang).toBe('zh');
  });
});

describe('cairn clip on web pages', () => {
  it('follows a redirect and reports the final URL', async () => {
    const run = await runCairn(['clip', `${base}/moved`]);
    expect(run.code).toBe(0);
    const [clip] = jsonLines(run);
    expect(clip!.url).toBe(`${base}/article`);
    expect(clip!.title).toContain('学习型组织');
  });

  it('decodes GBK pages from the Content-Type charset and from <meta charset>', async () => {
    const run = await runCairn(['clip', `${base}/gbk-header`, `${base}/gbk-meta`]);
    expect(run.code).toBe(0);
    const clips = jsonLines(run);
    expect(clips).toHaveLength(2);
    for (const clip of clips) {
      expect(clip.title).toContain('学习型组织建设');
      expect(clip.lang).toBe('zh');
      expect(clip.text).toContain('知识管理与组织学习');
    }
  });

  it('decodes an iso-8859-1 page as browsers do (windows-1252: curly quotes at 0x93/0x94)', async () => {
    const run = await runCairn(['clip', `${base}/latin1`]);
    expect(run.code).toBe(0);
    expect(jsonLines(run)[0]!.title).toBe('Café \u201ccrème\u201d à Noël');
  });

  it('prints an error line in place of each failed input, goes on, and exits 1', async () => {
    const run = await runCairn(['clip', SEED, 'no-such-page.html', `${base}/missing`, `${base}/report.pdf`, `${base}/huge`, `${base}/article`]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run);
    expect(lines).toHaveLength(6);
    expect(lines[0]!.lang).toBe('zh');
    expect(lines[1]).toEqual({ input: 'no-such-page.html', error: expect.stringContaining('no such file') });
    expect(lines[2]).toEqual({ input: `${base}/missing`, error: expect.stringContaining('HTTP 404') });
    expect(lines[3]).toEqual({ input: `${base}/report.pdf`, error: expect.stringMatching(/not an HTML page.*application\/pdf/) });
    expect(lines[4]).toEqual({ input: `${base}/huge`, error: expect.stringContaining('too large') });
    expect(lines[5]!.url).toBe(`${base}/article`);
    expect(run.stderr).toContain('4 of 6 inputs failed');
  });

  it('gives up on a page that does not answer within --timeout', async () => {
    const run = await runCairn(['clip', `${base}/slow`, '--timeout', '0.5']);
    expect(run.code).toBe(1);
    expect(jsonLines(run)[0]).toEqual({ input: `${base}/slow`, error: expect.stringContaining('timed out') });
  });
});

describe('cairn clip --format md', () => {
  it('prints one Markdown document per input whose front matter reads back', async () => {
    const run = await runCairn(['clip', SEED, page('001'), 'missing.html', '--format', 'md']);
    expect(run.code).toBe(1);
    const docs = parseMarkdownDocuments(run.stdout);
    expect(docs).toHaveLength(3);
    const [seed, english, failed] = docs;
    expect(seed!.data).toMatchObject({ lang: 'zh', url: pathToFileURL(SEED).href, title: expect.stringContaining('学习型组织') });
    expect((seed!.data.summary as { abstract: string }).abstract).toMatch(HAN);
    expect(seed!.data.category).toEqual(expect.any(String));
    expect(seed!.body).toContain('知识管理');
    expect(english!.data.title).toBe(expectedTitle('001'));
    expect(english!.data.tags).toEqual(expect.any(Array));
    expect(failed!.data).toEqual({ input: 'missing.html', error: expect.stringContaining('no such file') });
  });
});

describe('cairn usage', () => {
  it('--help prints usage for every command and exits 0', async () => {
    const run = await runCairn(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cairn clip <file-or-url>');
  });

  it.each([
    [['clip', SEED, '--bogus']],
    [['clip']],
    [['clip', SEED, page('001'), '--url', 'https://example.org/']],
    [['clip', SEED, '--url', 'not a url']],
    [['clip', SEED, '--mode', 'selection']],
    [['clip', SEED, '--format', 'yaml']],
    [['frobnicate']],
  ])('%j is a usage error: help on stderr, exit 2, nothing on stdout', async (args) => {
    const run = await runCairn(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('cairn clip <file-or-url>');
  });
});
