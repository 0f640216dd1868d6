/** Migration 001: teams, members, invites, clients (replay guard), clips, per-author notes, taxonomy. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('members_team').on('members').column('team_id').execute();
  await db.schema
    .createTable('invites')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('clients')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clients_pk', ['member_id', 'client_id'])
    .execute();
  await db.schema
    .createTable('clips')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_reason', 'text')
    .addPrimaryKeyConstraint('clips_pk', ['team_id', 'id'])
    .execute();
  await db.schema.createIndex('clips_team_version').on('clips').columns(['team_id', 'version']).execute();
  await db.schema
    .createTable('clip_notes')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('clip_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clip_notes_pk', ['team_id', 'clip_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('categories')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('categories_pk', ['team_id', 'id'])
    .execute();
  await db.schema.createIndex('categories_team_version').on('categories').columns(['team_id', 'version']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['categories', 'clip_notes', 'clips', 'clients', 'invites', 'members', 'teams']) {
    await db.schema.dropTable(table).execute();
  }
}
