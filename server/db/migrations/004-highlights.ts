/** Migration 004: clip highlights — a JSON set of highlights per team clip, keyed by highlight id (lib/sync/protocol.ts HighlightSchema). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clips').addColumn('highlights', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clips').dropColumn('highlights').execute();
}
