/**
 * bench:learn — usage counters and the learning views at team scale, in process (app.request): share CLIPS
 * clips, push EVENTS usage mutations (opens and helpful marks), then time GET /v1/team/insights and
 * GET /v1/feed (median of RUNS). SQLite file always; PostgreSQL too when DATABASE_URL is set. Final JSON line.
 *
 *   npm run bench:learn             (CLIPS=10000 EVENTS=20000 RUNS=5)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/open';
import { createTeam } from '../server/team/service';

const CLIPS = Number(process.env.CLIPS ?? 10_000);
const EVENTS = Number(process.env.EVENTS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 5);
const BATCH = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(name: string, location: string) {
  const database = await openDatabase(location);
  const app = createApp({ db: database.db, dialect: database.dialect, rateLimit: false, log: () => {} });
  const { owner } = await createTeam(database.db, { name: 'bench', ownerName: 'owner', now: Date.now() });
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await app.request(url, { method, headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  let seq = 0;
  const text = 'knowledge management builds a learning organization 知识管理 学习型组织 '.repeat(20);
  for (let i = 0; i < CLIPS; i += BATCH) {
    const mutations = [];
    for (let k = i; k < Math.min(CLIPS, i + BATCH); k++) {
      mutations.push({ seq: ++seq, type: 'clip.put', clipId: `c${k}`, fields: { url: `https://example.com/${k}`, title: `Article ${k}`, text, html: `<p>${text}</p>`, categoryId: `cat-${k % 40}`, createdAt: new Date(1_700_000_000_000 + k * 1000).toISOString() } });
    }
    await call('POST', '/v1/sync/push', { clientId: 'bench', mutations });
  }
  const started = performance.now();
  for (let i = 0; i < EVENTS; i += BATCH) {
    const mutations = [];
    for (let k = i; k < Math.min(EVENTS, i + BATCH); k++) {
      const clipId = `c${(k * 7919) % CLIPS}`;
      mutations.push(k % 5 === 0 ? { seq: ++seq, type: 'usage.helpful', clipId, helpful: k % 10 === 0 } : { seq: ++seq, type: 'usage.open', clipId });
    }
    await call('POST', '/v1/sync/push', { clientId: 'bench', mutations });
  }
  const usageMs = performance.now() - started;
  const insightsMs: number[] = [];
  const feedMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    await call('GET', '/v1/team/insights');
    insightsMs.push(performance.now() - t);
    t = performance.now();
    await call('GET', '/v1/feed?category=cat-3');
    feedMs.push(performance.now() - t);
  }
  const usageRows = await database.db.selectFrom('clip_usage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await database.close();
  const result = { backend: name, clips: CLIPS, events: EVENTS, usageEventsPerSec: Math.round(EVENTS / (usageMs / 1000)), insightsMedianMs: Math.round(median(insightsMs)), feedMedianMs: Math.round(median(feedMs)), usageRows: Number(usageRows.n) };
  console.log(`${name}: ${EVENTS} usage events in ${Math.round(usageMs)} ms (${result.usageEventsPerSec}/s) → ${result.usageRows} counter rows; insights median ${result.insightsMedianMs} ms, feed median ${result.feedMedianMs} ms over ${CLIPS} clips`);
  return result;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-learn-'));
const results = [await run('sqlite', path.join(dir, 'bench.db'))];
if (process.env.DATABASE_URL) results.push(await run('postgres', process.env.DATABASE_URL));
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ bench: 'learn', results }));
