/**
 * Team insights from the usage counters: the most useful clips (helpful, then opens), stale clips (nobody
 * opened them for N days), usage per category (summed now from the per-clip counters) and each member's
 * contributions. Everything here is read from counters and clips; there is no log of visits to read.
 */
import { parseHighlights } from '../sync/highlights';
import type { Kysely } from 'kysely';
import type { ClipUsage, Contribution, InsightsQuery, InsightsResponse } from '../../lib/sync/protocol';
import type { Database } from '../db/schema';
import { liveClipsWithUsage, type Dialect } from './clip-meta';

const DAY = 86_400_000;

/** Insights for the caller's team at time `now` (ms). */
export async function teamInsights(db: Kysely<Database>, dialect: Dialect, teamId: string, query: InsightsQuery, now: number): Promise<InsightsResponse> {
  const clips = await liveClipsWithUsage(db, dialect, teamId);
  const usage = (c: (typeof clips)[number]): ClipUsage => ({ clipId: c.id, title: c.title, url: c.url, categoryId: c.categoryId, opens: c.opens, helpful: c.helpful, lastOpenedAt: c.lastOpenedAt });

  const mostUseful = clips
    .filter((c) => c.helpful > 0 || c.opens > 0)
    .sort((a, b) => b.helpful - a.helpful || b.opens - a.opens || a.id.localeCompare(b.id))
    .slice(0, query.limit)
    .map(usage);

  // Stale: shared before the cutoff and not opened since (a clip shared yesterday is not stale yet).
  const cutoff = new Date(now - query.staleDays * DAY).toISOString();
  const staleAll = clips
    .filter((c) => c.sharedAt < cutoff && (c.lastOpenedAt === null || c.lastOpenedAt < cutoff))
    .sort((a, b) => (a.lastOpenedAt ?? a.sharedAt).localeCompare(b.lastOpenedAt ?? b.sharedAt) || a.id.localeCompare(b.id));

  const byCategory = new Map<string | null, { categoryId: string | null; clips: number; opens: number; helpful: number }>();
  for (const c of clips) {
    const row = byCategory.get(c.categoryId) ?? { categoryId: c.categoryId, clips: 0, opens: 0, helpful: 0 };
    row.clips++;
    row.opens += c.opens;
    row.helpful += c.helpful;
    byCategory.set(c.categoryId, row);
  }
  const categories = [...byCategory.values()].sort((a, b) => b.opens + b.helpful - (a.opens + a.helpful) || b.clips - a.clips);

  return { staleDays: query.staleDays, mostUseful, stale: staleAll.slice(0, query.limit).map(usage), staleCount: staleAll.length, categories, contributors: await contributions(db, teamId, clips) };
}

/**
 * What each current member gave the team: live clips shared, notes written on live clips, highlights
 * on live clips (per highlight author, removed ones not counted), and helpful marks other members put
 * on their clips.
 */
export async function contributions(db: Kysely<Database>, teamId: string, clips: readonly { id: string; authorId: string }[]): Promise<Contribution[]> {
  const members = await db.selectFrom('members').select(['id', 'name', 'created_at']).where('team_id', '=', teamId).where('removed_at', 'is', null).orderBy('created_at').execute();
  const authorOf = new Map(clips.map((c) => [c.id, c.authorId]));
  const tally = new Map(members.map((m) => [m.id, { memberId: m.id, name: m.name, clipsShared: 0, notes: 0, highlights: 0, helpfulReceived: 0 }]));
  for (const c of clips) {
    const t = tally.get(c.authorId);
    if (t) t.clipsShared++;
  }
  const notes = await db.selectFrom('clip_notes').select(['clip_id', 'member_id']).where('team_id', '=', teamId).where('note', '!=', '').execute();
  for (const n of notes) {
    const t = tally.get(n.member_id);
    if (t && authorOf.has(n.clip_id)) t.notes++;
  }
  const withHighlights = await db.selectFrom('clips').select(['id', 'highlights']).where('team_id', '=', teamId).where('deleted_at', 'is', null).where('highlights', '!=', '[]').execute();
  for (const row of withHighlights) {
    if (!authorOf.has(row.id)) continue;
    for (const h of parseHighlights(row.highlights)) {
      const t = h.deletedAt ? undefined : tally.get(h.authorId);
      if (t) t.highlights++;
    }
  }
  const marks = await db.selectFrom('helpful_marks').select(['clip_id', 'member_id']).where('team_id', '=', teamId).execute();
  for (const m of marks) {
    const author = authorOf.get(m.clip_id);
    const t = author === undefined ? undefined : tally.get(author);
    if (t && author !== m.member_id) t.helpfulReceived++;
  }
  return [...tally.values()].sort((a, b) => b.helpfulReceived + b.clipsShared + b.notes - (a.helpfulReceived + a.clipsShared + a.notes) || a.name.localeCompare(b.name));
}
