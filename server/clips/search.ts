/**
 * Team search on the server: a plain case-insensitive "contains" (LIKE) over each live clip's title, excerpt,
 * abstract and URL, newest first. Deliberately simple: ranked, segmented (Chinese-aware) search runs in the
 * client against its synced library (lib/search); this is for finding a teammate's clip from anywhere.
 */
import { sql, type Kysely } from 'kysely';
import type { ClipFields, SearchResponse } from '../../lib/sync/protocol';
import type { Database } from '../db/schema';

/** Escape LIKE's wildcards so the query matches literally. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Live clips of `teamId` whose text contains every whitespace-separated word of `q` (any case). */
export async function searchClips(db: Kysely<Database>, teamId: string, q: string, limit: number): Promise<SearchResponse> {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 10);
  let query = db
    .selectFrom('clips')
    .leftJoin('members', 'members.id', 'clips.author_id')
    .select(['clips.id', 'clips.fields', 'clips.author_id', 'clips.updated_at', 'members.name'])
    .where('clips.team_id', '=', teamId)
    .where('clips.deleted_at', 'is', null);
  for (const word of words) query = query.where(sql<boolean>`clips.search_text like ${likePattern(word)} escape '\\'`);
  const rows = await query.orderBy('clips.updated_at', 'desc').orderBy('clips.id').limit(limit).execute();
  return {
    results: rows.map((row) => {
      const fields = JSON.parse(row.fields) as ClipFields;
      return {
        id: row.id,
        title: fields.title,
        url: fields.url,
        excerpt: fields.summary.abstract || fields.excerpt.slice(0, 300),
        author: { memberId: row.author_id, name: row.name ?? '' },
        updatedAt: row.updated_at,
      };
    }),
  };
}
