/**
 * Bulk edits of the Library (move, tag, untag, share, unshare, delete) and their undo, plus storing
 * imported batches and adding a note to a near-duplicate. Plain functions over the store, so the
 * background's handlers are one-liners and every path runs in Node tests.
 */
import type { Category } from '../categorize/types';
import { fromJsonClip, type JsonClip } from '../clip/interchange';
import type { Clip, Visibility } from '../clip/types';
import type { ClipStore } from '../db/clip-store';

/** One edit applied to every selected clip. */
export type BulkAction =
  | { kind: 'move'; categoryId: string | null }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'share' }
  | { kind: 'unshare' }
  | { kind: 'delete' };

/** What undo needs of one clip: the fields a bulk edit can change, as they were before. */
export interface BulkSnapshot {
  id: string;
  categoryId: string | null;
  tags: string[];
  deletedAt: string | null;
  visibility: Visibility;
}

/** The result of a bulk edit: how many clips changed, which failed (and why), and the undo snapshot. */
export interface BulkOutcome {
  changed: number;
  failed: Array<{ id: string; error: string }>;
  snapshot: BulkSnapshot[];
}

/** The snapshot of a clip. */
export function snapshotOf(clip: Clip): BulkSnapshot {
  return { id: clip.id, categoryId: clip.categoryId, tags: [...clip.tags], deletedAt: clip.deletedAt, visibility: clip.visibility };
}

/** The clip after a store-only action (move, tags, delete), or null when nothing would change. */
export function applyAction(clip: Clip, action: BulkAction, at: string): Clip | null {
  switch (action.kind) {
    case 'move':
      return clip.categoryId === action.categoryId ? null : { ...clip, categoryId: action.categoryId, updatedAt: at };
    case 'addTag': {
      const tag = action.tag.trim();
      if (!tag || clip.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return null;
      return { ...clip, tags: [...clip.tags, tag], updatedAt: at };
    }
    case 'removeTag': {
      const tags = clip.tags.filter((t) => t.toLowerCase() !== action.tag.trim().toLowerCase());
      return tags.length === clip.tags.length ? null : { ...clip, tags, updatedAt: at };
    }
    case 'delete':
      return clip.deletedAt ? null : { ...clip, deletedAt: at, updatedAt: at };
    default:
      return null;
  }
}

/** Join two notes, keeping both (the new one after a blank line) unless the old one already holds it. */
export function appendNote(existing: string, note: string): string {
  const add = note.trim();
  if (!add || existing.includes(add)) return existing;
  return existing.trim() ? `${existing.trimEnd()}\n\n${add}` : add;
}

export interface BulkDeps {
  store: ClipStore;
  /** Share or unshare one clip (team sync's handler: it checks the connection and authorship). */
  share: (id: string, shared: boolean) => Promise<Clip>;
  now: () => Date;
}

/** Bulk edit, revert, import and add-note over the store. */
export function createBulkService({ store, share, now }: BulkDeps) {
  async function bulk(ids: string[], action: BulkAction): Promise<BulkOutcome> {
    const unique = [...new Set(ids)];
    if (action.kind === 'share' || action.kind === 'unshare') {
      const shared = action.kind === 'share';
      const outcome: BulkOutcome = { changed: 0, failed: [], snapshot: [] };
      for (const id of unique) {
        const before = await store.get(id);
        if (!before || before.deletedAt) { outcome.failed.push({ id, error: 'no such clip' }); continue; }
        if ((before.visibility === 'team') === shared) continue;
        try {
          await share(id, shared);
          outcome.changed++;
          outcome.snapshot.push(snapshotOf(before));
        } catch (err) {
          outcome.failed.push({ id, error: err instanceof Error ? err.message : String(err) });
        }
      }
      return outcome;
    }
    const at = now().toISOString();
    const missing: string[] = [];
    const written = await store.writeMany(unique, (id, previous) => {
      if (!previous || previous.deletedAt) { missing.push(id); return null; }
      return applyAction(previous, action, at);
    });
    return {
      changed: written.length,
      failed: missing.map((id) => ({ id, error: 'no such clip' })),
      snapshot: written.map((w) => snapshotOf(w.previous!)),
    };
  }

  /** Put the snapshot back: fields in one transaction, then sharing per clip where it differs. */
  async function revert(snapshot: BulkSnapshot[]): Promise<number> {
    const at = now().toISOString();
    const byId = new Map(snapshot.map((s) => [s.id, s]));
    const written = await store.writeMany([...byId.keys()], (id, current) => {
      const s = byId.get(id)!;
      if (!current) return null;
      const same = current.categoryId === s.categoryId && current.deletedAt === s.deletedAt && current.tags.join('\u0000') === s.tags.join('\u0000');
      return same ? null : { ...current, categoryId: s.categoryId, tags: [...s.tags], deletedAt: s.deletedAt, updatedAt: at };
    });
    let sharing = 0;
    for (const s of snapshot) {
      const current = await store.get(s.id);
      if (current && !current.deletedAt && current.visibility !== s.visibility) {
        await share(s.id, s.visibility === 'team');
        sharing++;
      }
    }
    return written.length + sharing;
  }

  /**
   * Store imported clips: new ids are added; an id already stored is updated with the import's fields
   * while keeping what only this library knows (author, server version, teammates' notes).
   */
  async function importBatch(clips: JsonClip[], taxonomy: Category[]): Promise<{ added: number; updated: number }> {
    const incoming = new Map(clips.map((json) => [json.id, fromJsonClip(json, taxonomy)]));
    let added = 0;
    let updated = 0;
    await store.writeMany([...incoming.keys()], (id, previous) => {
      const clip = incoming.get(id)!;
      // updatedAt is when this copy last changed here: readers that catch up by it (the panel's index,
      // the list-item cache) must see imported clips, whatever date the file gave them.
      if (!previous) { added++; return { ...clip, updatedAt: now().toISOString() }; }
      updated++;
      return { ...previous, ...clip, author: previous.author, version: previous.version, teamNotes: previous.teamNotes, visibility: previous.visibility, updatedAt: now().toISOString() };
    });
    return { added, updated };
  }

  /** Add the user's note to a clip (their own `note`; teammates' notes stay in `teamNotes`). */
  async function addNote(id: string, note: string): Promise<Clip> {
    const at = now().toISOString();
    const [written] = await store.writeMany([id], (_, previous) => {
      if (!previous || previous.deletedAt) throw new Error('Cairn could not add the note: the clip is gone.');
      const merged = appendNote(previous.note, note);
      return merged === previous.note ? null : { ...previous, note: merged, updatedAt: at };
    });
    return written?.clip ?? (await store.get(id))!;
  }

  return { bulk, revert, importBatch, addNote };
}
