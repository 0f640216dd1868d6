/**
 * The team feed: what members recently shared, noted and found helpful, newest first. Built from the
 * clips' share times, the per-author notes and the explicit helpful marks — there is no visit log.
 * (Highlights join here as kind "highlighted" once team clips carry them.)
 */
import type { Kysely } from 'kysely';
import type { FeedItem, FeedQuery, FeedResponse } from '../../lib/sync/protocol';
import type { Database } from '../db/schema';
import { liveClipsWithUsage, type Dialect } from './clip-meta';

/** Feed items of `teamId` after `query.since`, in `query.category` when given, at most `query.limit`. */
export async function teamFeed(db: Kysely<Database>, dialect: Dialect, teamId: string, query: FeedQuery): Promise<FeedResponse> {
  const since = query.since ? new Date(query.since).toISOString() : '';
  const clips = new Map((await liveClipsWithUsage(db, dialect, teamId)).filter((c) => !query.category || c.categoryId === query.category).map((c) => [c.id, c]));
  const names = new Map((await db.selectFrom('members').select(['id', 'name']).where('team_id', '=', teamId).execute()).map((m) => [m.id, m.name]));
  const item = (kind: FeedItem['kind'], clipId: string, memberId: string, at: string): FeedItem | null => {
    const clip = clips.get(clipId);
    return clip ? { kind, clipId, title: clip.title, categoryId: clip.categoryId, member: { memberId, name: names.get(memberId) ?? '' }, at } : null;
  };
  const items: (FeedItem | null)[] = [];
  for (const clip of clips.values()) if (clip.sharedAt > since) items.push(item('shared', clip.id, clip.authorId, clip.sharedAt));
  const notes = await db.selectFrom('clip_notes').select(['clip_id', 'member_id', 'updated_at']).where('team_id', '=', teamId).where('note', '!=', '').where('updated_at', '>', since).execute();
  for (const n of notes) items.push(item('noted', n.clip_id, n.member_id, n.updated_at));
  const marks = await db.selectFrom('helpful_marks').select(['clip_id', 'member_id', 'marked_at']).where('team_id', '=', teamId).where('marked_at', '>', since).execute();
  for (const m of marks) items.push(item('helpful', m.clip_id, m.member_id, m.marked_at));
  const live = items.filter((i): i is FeedItem => i !== null).sort((a, b) => b.at.localeCompare(a.at) || a.clipId.localeCompare(b.clipId) || a.kind.localeCompare(b.kind));
  return { items: live.slice(0, query.limit) };
}
