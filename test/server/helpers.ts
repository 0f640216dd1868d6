/** Test helpers for the team server: a fresh database per backend (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), and a small API client over app.request(). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp, type AppOptions } from '../../server/app';
import { openDatabase, type ServerDatabase } from '../../server/db/open';
import { createTeam } from '../../server/team/service';

export interface TestDatabase {
  database: ServerDatabase;
  /** The location a separate process could open (a postgres URL), or null for in-memory SQLite. */
  url: string | null;
  cleanup(): Promise<void>;
}

/**
 * The PostgreSQL to test against (TEST_DATABASE_URL), or undefined to skip those tests. CI sets
 * CAIRN_REQUIRE_POSTGRES so a missing database fails the run instead of silently skipping.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CAIRN_REQUIRE_POSTGRES) throw new Error('CAIRN_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not: the PostgreSQL tests would be skipped');
  return url;
}

/** The backends this run tests: always SQLite in memory; PostgreSQL too when TEST_DATABASE_URL is set. */
export function backends(): { name: 'sqlite' | 'postgres'; open: () => Promise<TestDatabase> }[] {
  const list: { name: 'sqlite' | 'postgres'; open: () => Promise<TestDatabase> }[] = [
    {
      name: 'sqlite',
      open: async () => {
        const database = await openDatabase(':memory:');
        return { database, url: null, cleanup: () => database.close() };
      },
    },
  ];
  const base = postgresUrl();
  if (base) list.push({ name: 'postgres', open: () => freshPostgres(base) });
  return list;
}

/** A new, migrated PostgreSQL database next to the one at `baseUrl`, dropped on cleanup. */
export async function freshPostgres(baseUrl: string): Promise<TestDatabase> {
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase(url.toString());
  return {
    database,
    url: url.toString(),
    cleanup: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: baseUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** Something that answers Requests: a Hono app, or a real server reached over fetch. */
export type Fetcher = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** Call the API: JSON in (or a raw string body), JSON out. */
export async function call(app: Fetcher, method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await app.request(path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text so a failing assertion shows it.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A fetch-backed Fetcher for a real server at `baseUrl`. */
export function remote(baseUrl: string): Fetcher {
  return { request: (path, init) => fetch(new URL(path, baseUrl), init) };
}

/** A team with an owner, an editor and a viewer, each with a token. */
export interface TestTeam {
  id: string;
  name: string;
  owner: { id: string; token: string };
  editor: { id: string; token: string };
  viewer: { id: string; token: string };
  inviteCode: string;
}

/** Create a team directly in the database, then join an editor and a viewer through the API. */
export async function makeTeam(app: Fetcher, database: ServerDatabase, name: string, now = Date.now()): Promise<TestTeam> {
  const created = await createTeam(database.db, { name, ownerName: `${name}-owner`, now });
  const editorJoin = await call(app, 'POST', '/v1/join', { body: { code: created.invite.code, name: `${name}-editor` } });
  const viewerInvite = await call(app, 'POST', '/v1/invites', { token: created.owner.token, body: { role: 'viewer' } });
  const viewerJoin = await call(app, 'POST', '/v1/join', { body: { code: viewerInvite.body.code, name: `${name}-viewer` } });
  if (editorJoin.status !== 201 || viewerJoin.status !== 201) throw new Error(`join failed: ${JSON.stringify([editorJoin.body, viewerJoin.body])}`);
  return {
    id: created.team.id,
    name,
    owner: { id: created.owner.id, token: created.owner.token },
    editor: { id: editorJoin.body.member.id, token: editorJoin.body.token },
    viewer: { id: viewerJoin.body.member.id, token: viewerJoin.body.token },
    inviteCode: created.invite.code,
  };
}

/** An app over `database` with the rate limit off unless asked for. */
export function testApp(database: ServerDatabase, options: Partial<AppOptions> = {}) {
  return createApp({ db: database.db, dialect: database.dialect, rateLimit: false, log: () => {}, ...options });
}

/** A full clip put mutation (all fields), for tests. */
export function clipPut(seq: number, clipId: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    seq,
    type: 'clip.put' as const,
    clipId,
    fields: {
      url: `https://example.com/${clipId}`,
      canonicalUrl: `https://example.com/${clipId}`,
      title,
      excerpt: `excerpt of ${title}`,
      summary: { abstract: `abstract of ${title}`, keyPoints: [] },
      text: `text of ${title}`,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    ...extra,
  };
}

/** Pull every page from `cursor` on; returns all changes and the final cursor. */
export async function pullAll(app: Fetcher, token: string, cursor = 0, limit = 100): Promise<{ changes: any[]; cursor: number; pages: number }> {
  const changes: any[] = [];
  let pages = 0;
  for (;;) {
    const answer = await call(app, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    if (answer.status !== 200) throw new Error(`pull failed ${answer.status}: ${JSON.stringify(answer.body)}`);
    pages++;
    changes.push(...answer.body.changes);
    cursor = answer.body.cursor;
    if (!answer.body.more) return { changes, cursor, pages };
  }
}
