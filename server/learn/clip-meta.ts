/** Title, URL and category of team clips without reading their whole JSON (text and HTML can be megabytes). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type Dialect = 'sqlite' | 'postgres';

/** A JSON string field of `clips.fields`, read in the database (json_extract / ->>). */
export function clipField(dialect: Dialect, name: 'title' | 'url' | 'categoryId') {
  return dialect === 'postgres' ? sql<string | null>`(clips.fields::json ->> ${name})` : sql<string | null>`json_extract(clips.fields, ${`$.${name}`})`;
}

/** One live team clip as the learning views need it. */
export interface LiveClip {
  id: string;
  title: string;
  url: string;
  categoryId: string | null;
  authorId: string;
  sharedAt: string;
}

/** Every live clip of `teamId` (small columns only), with its usage counters (0 when never used). */
export async function liveClipsWithUsage(db: Kysely<Database>, dialect: Dialect, teamId: string) {
  const rows = await db
    .selectFrom('clips')
    .leftJoin('clip_usage', (join) => join.onRef('clip_usage.team_id', '=', 'clips.team_id').onRef('clip_usage.clip_id', '=', 'clips.id'))
    .select([
      'clips.id',
      'clips.author_id',
      'clips.created_at',
      'clips.shared_at',
      'clip_usage.opens',
      'clip_usage.helpful',
      'clip_usage.last_opened_at',
      clipField(dialect, 'title').as('title'),
      clipField(dialect, 'url').as('url'),
      clipField(dialect, 'categoryId').as('category_id'),
    ])
    .where('clips.team_id', '=', teamId)
    .where('clips.deleted_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title ?? '',
    url: row.url ?? '',
    categoryId: row.category_id ?? null,
    authorId: row.author_id,
    sharedAt: row.shared_at ?? row.created_at,
    opens: Number(row.opens ?? 0),
    helpful: Number(row.helpful ?? 0),
    lastOpenedAt: row.last_opened_at ?? null,
  }));
}
