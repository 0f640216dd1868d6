/**
 * Migration 002: usage as counters, never as a log. Per clip: opens, helpful and the last open time (one
 * row per clip, updated in place); per member × clip: the explicit "helpful" mark (a toggle the member
 * sets, not a visit). Clips get `shared_at`, when the clip (re)entered the team, for the team feed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clip_usage')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('clip_id', 'text', (c) => c.notNull())
    .addColumn('opens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_opened_at', 'text')
    .addPrimaryKeyConstraint('clip_usage_pk', ['team_id', 'clip_id'])
    .execute();
  await db.schema
    .createTable('helpful_marks')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('clip_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('helpful_marks_pk', ['team_id', 'clip_id', 'member_id'])
    .execute();
  await db.schema.alterTable('clips').addColumn('shared_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clips').dropColumn('shared_at').execute();
  await db.schema.dropTable('helpful_marks').execute();
  await db.schema.dropTable('clip_usage').execute();
}
