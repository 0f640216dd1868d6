/**
 * Real `cairn serve` processes: one on a SQLite file (always), and two on one PostgreSQL database at once
 * (when TEST_DATABASE_URL is set), with clients pushing and pulling through both concurrently.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCairn } from '../cli/run-cairn';
import { call, clipPut, freshPostgres, postgresUrl, pullAll, remote, type TestDatabase } from './helpers';

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGTERM');
});

/** Start `node bin/cairn.js serve --port 0` and resolve with its URL once it prints "listening on". */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/cairn.js'), 'serve', '--port', '0', ...args], { env: { ...process.env, ...env } });
    started.push(child);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`cairn serve exited ${code}: ${out}`)));
  });
}

describe('cairn serve processes', () => {
  it('serves a team created with `cairn team create` from a SQLite file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-serve-'));
    try {
      const env = { ...process.env, DATABASE_URL: '' };
      const created = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/cairn.js'), 'team', 'create', 'Field notes', '--data', dir, '--json'], { env });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      });
      expect(created.code).toBe(0);
      const team = JSON.parse(created.stdout);
      expect(team).toMatchObject({ team: { name: 'Field notes' }, owner: { token: expect.stringMatching(/^cairn_/) }, invite: { code: expect.any(String) } });
      const url = await serve(['--data', dir], { DATABASE_URL: '' });
      const server = remote(url);
      expect((await call(server, 'GET', '/v1/health')).body).toMatchObject({ ok: true, database: 'sqlite' });
      const joined = await call(server, 'POST', '/v1/join', { body: { code: team.invite.code, name: 'ana' } });
      expect(joined.status).toBe(201);
      expect((await call(server, 'POST', '/v1/sync/push', { token: joined.body.token, body: { clientId: 'c', mutations: [clipPut(1, 'f1', '田野笔记 field notes')] } })).status).toBe(200);
      const pulled = await pullAll(server, team.owner.token);
      expect(pulled.changes.map((c) => c.fields.title)).toEqual(['田野笔记 field notes']);
      const help = await runCairn(['serve', '--help']);
      expect(help.stdout).toContain('cairn serve');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const pgUrl = postgresUrl();
  if (!pgUrl) console.log('processes.test.ts: two-process PostgreSQL test skipped (TEST_DATABASE_URL is not set)');
  it.skipIf(!pgUrl)('two server processes on one PostgreSQL serve one team consistently', async () => {
    const database: TestDatabase = await freshPostgres(pgUrl!);
    try {
      const [first, second] = await Promise.all([serve([], { DATABASE_URL: database.url! }), serve([], { DATABASE_URL: database.url! })]);
      const servers = [remote(first), remote(second)];
      const { createTeam } = await import('../../server/team/service');
      const team = await createTeam(database.database.db, { name: 'pg', now: Date.now() });
      const members = await Promise.all(
        ['a', 'b', 'c', 'd'].map((name, i) => call(servers[i % 2]!, 'POST', '/v1/join', { body: { code: team.invite.code, name } })),
      );
      // Each member pushes 10 batches of 5 clips, alternating servers, all at once; one shared clip is edited by all.
      await Promise.all(
        members.map(async (member, m) => {
          for (let batch = 0; batch < 10; batch++) {
            const mutations = Array.from({ length: 5 }, (_, i) => clipPut(batch * 6 + i + 1, `m${m}-${batch}-${i}`, `clip ${m} ${batch} ${i}`));
            mutations.push({ seq: batch * 6 + 6, type: 'clip.put', clipId: 'shared', fields: { title: `by ${m}` } as any, tags: { add: [`t${m}`] } } as any);
            const answer = await call(servers[(m + batch) % 2]!, 'POST', '/v1/sync/push', { token: member.body.token, body: { clientId: `c${m}`, mutations } });
            expect(answer.status).toBe(200);
          }
        }),
      );
      const viaFirst = await pullAll(servers[0]!, team.owner.token, 0, 37);
      const viaSecond = await pullAll(servers[1]!, members[0]!.body.token, 0, 11);
      expect(viaFirst.changes).toHaveLength(4 * 50 + 1);
      expect(viaSecond.changes).toEqual(viaFirst.changes);
      const versions = viaFirst.changes.map((c) => c.version);
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect([...viaFirst.changes.find((c) => c.id === 'shared').tags].sort()).toEqual(['t0', 't1', 't2', 't3']);
    } finally {
      for (const child of started.splice(0)) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await database.cleanup();
    }
  });
});
