/**
 * bench:sync — push and pull throughput of 10k clips over loopback against a real `cairn serve` process,
 * beside a baseline of direct multi-row inserts into the same database, in the same run. SQLite file always;
 * PostgreSQL too when DATABASE_URL is set. Prints figures and a final JSON line.
 *
 *   npm run bench:sync              (CLIPS=10000 BATCH=500 PAGE=1000 by default)
 *   DATABASE_URL=postgres://… npm run bench:sync
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/db/open';
import { createTeam } from '../server/team/service';

const CLIPS = Number(process.env.CLIPS ?? 10_000);
const BATCH = Number(process.env.BATCH ?? 500);
const PAGE = Number(process.env.PAGE ?? 1000);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function clipFields(i: number) {
  const text = `Clip ${i}: ${'knowledge management builds a learning organization 知识管理 学习型组织 '.repeat(20)}`;
  return {
    url: `https://example.com/articles/${i}`,
    canonicalUrl: `https://example.com/articles/${i}`,
    title: `Article number ${i} about team knowledge`,
    excerpt: text.slice(0, 200),
    summary: { abstract: text.slice(0, 300), keyPoints: [text.slice(0, 80), text.slice(80, 160)] },
    text,
    markdown: text,
    createdAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
  };
}

/** Direct multi-row inserts of the same rows into the same database: the floor the server is compared with. */
async function baseline(location: string): Promise<number> {
  const database = await openDatabase(location);
  const team = await createTeam(database.db, { name: 'baseline', now: Date.now() });
  const started = performance.now();
  for (let i = 0; i < CLIPS; i += BATCH) {
    await database.db.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(CLIPS, i + BATCH); j += 200) {
        const rows = [];
        for (let k = j; k < Math.min(CLIPS, i + BATCH, j + 200); k++) {
          const fields = clipFields(k);
          rows.push({
            team_id: team.team.id,
            id: `b${k}`,
            version: k + 1,
            author_id: team.owner.id,
            fields: JSON.stringify(fields),
            tags: '[]',
            search_text: fields.title.toLowerCase(),
            created_at: fields.createdAt,
            updated_at: fields.createdAt,
            deleted_at: null,
            deleted_reason: null,
          });
        }
        await tx.insertInto('clips').values(rows).execute();
      }
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return CLIPS / seconds;
}

function serve(dataDir: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/cairn.js'), 'serve', '--port', '0', '--data', dataDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`cairn serve exited ${code}`)));
  });
}

async function throughServer(label: string, location: string, dataDir: string, databaseUrl: string) {
  const direct = await baseline(location);
  const database = await openDatabase(location);
  const team = await createTeam(database.db, { name: 'bench', now: Date.now() });
  await database.close();
  const { url, child } = await serve(dataDir, databaseUrl);
  try {
    const headers = { authorization: `Bearer ${team.owner.token}`, 'content-type': 'application/json' };
    let started = performance.now();
    for (let i = 0; i < CLIPS; i += BATCH) {
      const mutations = [];
      for (let k = i; k < Math.min(CLIPS, i + BATCH); k++) mutations.push({ seq: k + 1, type: 'clip.put', clipId: `c${k}`, fields: clipFields(k), tags: { add: ['bench'] } });
      const response = await fetch(`${url}/v1/sync/push`, { method: 'POST', headers, body: JSON.stringify({ clientId: 'bench', mutations }) });
      if (response.status !== 200) throw new Error(`push ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
    const push = CLIPS / ((performance.now() - started) / 1000);
    started = performance.now();
    let cursor = 0;
    let pulled = 0;
    for (;;) {
      const response = await fetch(`${url}/v1/sync/pull?cursor=${cursor}&limit=${PAGE}`, { headers });
      const page = (await response.json()) as { changes: unknown[]; cursor: number; more: boolean };
      pulled += page.changes.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    const pull = pulled / ((performance.now() - started) / 1000);
    if (pulled !== CLIPS) throw new Error(`pulled ${pulled} of ${CLIPS}`);
    console.log(`${label}: direct insert ${direct.toFixed(0)} clips/s · push over HTTP ${push.toFixed(0)} clips/s · pull over HTTP ${pull.toFixed(0)} clips/s`);
    return { direct: Math.round(direct), push: Math.round(push), pull: Math.round(pull) };
  } finally {
    child.kill('SIGTERM');
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-sync-'));
const results: Record<string, unknown> = { clips: CLIPS, batch: BATCH, page: PAGE, cpus: os.cpus().length, loadavg1m: Number(os.loadavg()[0]!.toFixed(1)) };
try {
  console.log(`bench:sync — ${CLIPS} clips, pushes of ${BATCH}, pull pages of ${PAGE}, over loopback to a real cairn serve (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`);
  results.sqlite = await throughServer('SQLite file', path.join(dir, 'cairn.sqlite'), dir, '');
  if (process.env.DATABASE_URL) results.postgres = await throughServer('PostgreSQL', process.env.DATABASE_URL, dir, process.env.DATABASE_URL);
  else console.log('PostgreSQL: skipped (DATABASE_URL not set)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
