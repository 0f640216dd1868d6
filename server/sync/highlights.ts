/**
 * Team highlights on a clip: a set keyed by highlight id. A put's highlights replace those ids in server
 * order (the later put wins for an id, other ids are untouched, so two members highlighting at once both
 * keep theirs); a removal is a tombstone (`deletedAt`) so it cannot be undone by an older put. Only the
 * member who made a highlight may change or remove it; the server, not the client, stamps its author.
 */
import type { PulledHighlight, SyncHighlight } from '../../lib/sync/protocol';

/** A highlight as the server stores it (in clips.highlights, JSON). */
export interface StoredHighlight extends SyncHighlight {
  authorId: string;
}

/** Apply one put's highlights from `memberId` to `stored`; returns the new set (input untouched). */
export function applyHighlightPuts(stored: readonly StoredHighlight[], incoming: readonly SyncHighlight[], memberId: string): StoredHighlight[] {
  const byId = new Map(stored.map((h) => [h.id, h]));
  for (const h of incoming) {
    const existing = byId.get(h.id);
    if (existing && existing.authorId !== memberId) continue; // someone else's highlight: theirs to change
    if (existing?.deletedAt) continue; // removed for good: a late put does not bring it back
    byId.set(h.id, { ...h, authorId: memberId });
  }
  return [...byId.values()];
}

/** The stored set as a pull returns it: each highlight with its author's name. */
export function pulledHighlights(stored: readonly StoredHighlight[], names: ReadonlyMap<string, string>): PulledHighlight[] {
  return stored.map(({ authorId, ...h }) => ({ ...h, author: { id: authorId, name: names.get(authorId) ?? '' } }));
}

/** Parse the clips.highlights column (tolerates rows written before migration 004). */
export function parseHighlights(json: string | null | undefined): StoredHighlight[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as StoredHighlight[]) : [];
  } catch {
    return [];
  }
}
