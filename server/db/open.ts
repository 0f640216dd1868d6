/** Open the server database: PostgreSQL for a postgres:// URL, else a SQLite file (or ":memory:"). One Kysely API for both. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

/** An open server database. */
export interface ServerDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Whether a location is a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Open (and by default migrate) the database at `location`: a `postgres://` URL or a SQLite file path
 * (":memory:" for tests). SQLite runs in WAL mode with a busy timeout so a second reader never fails at once.
 */
export async function openDatabase(location: string, options: { migrate?: boolean; poolSize?: number } = {}): Promise<ServerDatabase> {
  let server: ServerDatabase;
  if (isPostgresUrl(location)) {
    // int8 (bigint) and numeric come back as strings from pg; every count and seq here fits a double.
    pg.types.setTypeParser(20, (value) => Number(value));
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    server = { db, dialect: 'postgres', close: () => db.destroy() };
  } else {
    if (location !== ':memory:') mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    const sqlite = new SqliteDatabase(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    server = { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(server.db);
    } catch (error) {
      await server.close();
      throw error;
    }
  }
  return server;
}
