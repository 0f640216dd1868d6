/**
 * Highlights on a clip as a set keyed by highlight id: adding, editing and removing (removal is a tombstone
 * so it travels to the team and a merge cannot bring the highlight back), and merging two versions of the
 * set with the later change winning per id — the same rule the team server applies in its order.
 */
import type { Clip, Highlight } from '../clip/types';

/** When a highlight last changed (its updatedAt, else createdAt). */
export function changedAt(h: Highlight): string {
  return h.updatedAt ?? h.createdAt;
}

/** The highlights to show and list: tombstones left out, in page order (then creation order). */
export function liveHighlights(clip: Pick<Clip, 'highlights'> | null | undefined): Highlight[] {
  return (clip?.highlights ?? [])
    .filter((h) => !h.deletedAt)
    .sort((a, b) => a.anchor.position.start - b.anchor.position.start || a.createdAt.localeCompare(b.createdAt));
}

/** Merge two highlight sets: every id of either, the later change winning per id (ties keep `ours`). */
export function mergeHighlights(ours: readonly Highlight[] = [], theirs: readonly Highlight[] = []): Highlight[] {
  const byId = new Map<string, Highlight>();
  for (const h of ours) byId.set(h.id, h);
  for (const h of theirs) {
    const mine = byId.get(h.id);
    if (!mine || changedAt(h) > changedAt(mine)) byId.set(h.id, h);
  }
  return [...byId.values()];
}

/** `highlights` with one highlight added or replaced (by id). */
export function putHighlight(highlights: readonly Highlight[] = [], highlight: Highlight): Highlight[] {
  const rest = highlights.filter((h) => h.id !== highlight.id);
  return [...rest, highlight];
}

/** `highlights` with `id` edited (note, color) at `at`; throws when the id is unknown or removed. */
export function editHighlight(highlights: readonly Highlight[] = [], id: string, patch: Partial<Pick<Highlight, 'note' | 'color'>>, at: string): Highlight[] {
  const found = highlights.find((h) => h.id === id && !h.deletedAt);
  if (!found) throw new Error('This highlight no longer exists.');
  return putHighlight(highlights, { ...found, ...patch, updatedAt: at });
}

/** `highlights` with `id` tombstoned at `at` (kept so the removal syncs). */
export function removeHighlightFrom(highlights: readonly Highlight[] = [], id: string, at: string): Highlight[] {
  const found = highlights.find((h) => h.id === id);
  if (!found) return [...highlights];
  return putHighlight(highlights, { ...found, updatedAt: at, deletedAt: at });
}

/** The highlights that differ between two versions of a clip (new, edited or removed): what a sync put carries. */
export function changedHighlights(before: readonly Highlight[] = [], after: readonly Highlight[] = []): Highlight[] {
  const old = new Map(before.map((h) => [h.id, JSON.stringify(h)]));
  return after.filter((h) => old.get(h.id) !== JSON.stringify(h));
}
