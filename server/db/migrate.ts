/** Versioned migrations (server/db/migrations/NNN-name.ts), applied in name order and recorded in kysely_migration. */
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import * as m001 from './migrations/001-initial';
import * as m002 from './migrations/002-usage';
import * as m003 from './migrations/003-proposals';
import * as m004 from './migrations/004-highlights';
import type { Database } from './schema';

/** Every migration, keyed by file name. Add new ones here in order. */
export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-usage': m002,
  '003-proposals': m003,
  '004-highlights': m004,
};

/** Bring the database to the latest schema; throws (naming the migration) when one fails. Safe to run from several processes at once. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? 'unknown error'}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
