/**
 * Applying pulled changes to the local library (inside the caller's transaction, which also saves the
 * cursor). The rules, each idempotent so a re-pulled page changes nothing:
 *  1. A clip or category with mutations still in the outbox is skipped: the local copy is ahead. Its
 *     version is remembered (`rewindTo`) so the pull after the next push comes back to it, whether the
 *     server applied the pending mutation (a newer version) or refused it (the skipped state is current).
 *  2. A live team clip is written as the server has it (fields, tags, author, version; `note` is this
 *     member's own note, the others' go to `teamNotes`), replacing whatever the device had for that id.
 *  3. A clip tombstone only touches a local team copy — a private copy is never touched. Deleted: a local
 *     tombstone. Unshared: the author's devices keep it as a private clip; everyone else keeps only an
 *     emptied tombstone (its author took it back). Local writes stamp updatedAt with the local time, so
 *     whatever catches up by updatedAt (the side panel's search index) sees them.
 *  4. A category node is put or removed; the order of the tree keeps local order, new nodes at the end.
 */
import type { Category } from '../categorize/types';
import type { Clip } from '../clip/types';
import { mutationClipId, type OutboxEntry } from './outbox';
import type { CategoryChange, Change, ClipChange } from './protocol';

const TAXONOMY_ORDER = 'taxonomyOrder';

/** The stores of an idb transaction that applying uses. */
export interface ApplyTx {
  objectStore(name: 'clips'): { get(id: string): Promise<Clip | undefined>; put(clip: Clip): Promise<unknown>; delete(id: string): Promise<unknown> };
  objectStore(name: 'taxonomy'): { put(c: Category): Promise<unknown>; delete(id: string): Promise<unknown> };
  objectStore(name: 'meta'): { get(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown> };
  objectStore(name: 'outbox'): { getAll(): Promise<OutboxEntry[]> };
}

/** What applying did, for the sync state and tests. */
export interface ApplyCounts {
  written: number;
  removed: number;
  skipped: number;
  categories: number;
  /** Lowest version skipped because a local mutation was pending (the pull must come back to it), or null. */
  rewindTo: number | null;
}

/** The local clip a live team clip change describes (`me` is this member's id, to pick out the own note). */
export function clipFromChange(change: ClipChange, me: string | null): Clip | null {
  const f = change.fields;
  if (!f || change.deleted) return null;
  return {
    ...f,
    id: change.id,
    fallback: f.fallback,
    tags: [...change.tags],
    note: change.notes.find((n) => n.memberId === me)?.note ?? '',
    teamNotes: change.notes.filter((n) => n.memberId !== me && n.note !== ''),
    ...(change.highlights?.length ? { highlights: change.highlights.map((h) => ({ ...h, author: { ...h.author } })) } : {}),
    visibility: 'team',
    updatedAt: change.updatedAt,
    deletedAt: null,
    author: { id: change.author.memberId, name: change.author.name },
    version: change.version,
  };
}

/** Equal apart from updatedAt (which records when this copy changed locally). */
function sameClip(a: Clip, b: Clip): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

/** A tombstone that keeps no content: the clip left the team and its text should not linger here. */
function emptied(local: Clip, at: string, version: number): Clip {
  return { ...local, text: '', markdown: '', html: '', excerpt: '', summary: { abstract: '', keyPoints: [] }, note: '', teamNotes: [], deletedAt: at, updatedAt: at, version };
}

async function applyClip(tx: ApplyTx, change: ClipChange, me: string | null, now: string, counts: ApplyCounts): Promise<void> {
  const clips = tx.objectStore('clips');
  const local = await clips.get(change.id);
  const live = clipFromChange(change, me);
  if (live) {
    if (local && sameClip(local, live)) {
      counts.skipped++;
      return;
    }
    // updatedAt only moves forward locally, so readers catching up by updatedAt see the write.
    await clips.put({ ...live, updatedAt: live.updatedAt > now ? live.updatedAt : now });
    counts.written++;
    return;
  }
  if (!local || local.visibility !== 'team' || !change.deleted) {
    counts.skipped++;
    return;
  }
  if (change.deleted.reason === 'unshared' && change.author.memberId === me) {
    await clips.put({ ...local, visibility: 'private', version: change.version, updatedAt: now });
  } else if (change.deleted.reason === 'unshared' && !local.deletedAt) {
    await clips.put(emptied(local, now, change.version));
  } else if (!local.deletedAt) {
    await clips.put({ ...local, deletedAt: now, updatedAt: now, version: change.version });
  } else {
    counts.skipped++;
    return;
  }
  counts.removed++;
}

async function applyCategory(tx: ApplyTx, change: CategoryChange, counts: ApplyCounts): Promise<void> {
  const meta = tx.objectStore('meta');
  const order = ((await meta.get(TAXONOMY_ORDER)) as string[] | undefined) ?? [];
  if (change.deletedAt) {
    await tx.objectStore('taxonomy').delete(change.id);
    await meta.put(order.filter((id) => id !== change.id), TAXONOMY_ORDER);
  } else {
    const { description, ...rest } = change.category;
    await tx.objectStore('taxonomy').put(description === undefined ? rest : { ...rest, description });
    if (!order.includes(change.id)) await meta.put([...order, change.id], TAXONOMY_ORDER);
  }
  counts.categories++;
}

/** Apply `changes` in order within `tx`; `me` is this member's id (null when unknown); `now` stamps local writes. */
export async function applyPulledChanges(tx: ApplyTx, changes: readonly Change[], me: string | null, now: string = new Date().toISOString()): Promise<ApplyCounts> {
  const counts: ApplyCounts = { written: 0, removed: 0, skipped: 0, categories: 0, rewindTo: null };
  if (changes.length === 0) return counts;
  const pending = await tx.objectStore('outbox').getAll();
  const pendingClips = new Set(pending.map((e) => mutationClipId(e.mutation)).filter((id): id is string => id !== null));
  const pendingCategories = new Set(pending.flatMap((e) => (e.mutation.type === 'taxonomy.put' ? [e.mutation.category.id] : [])));
  for (const change of changes) {
    const blocked = change.kind === 'clip' ? pendingClips.has(change.id) : pendingCategories.has(change.id);
    if (blocked) {
      counts.skipped++;
      counts.rewindTo = Math.min(counts.rewindTo ?? Infinity, change.version - 1);
    } else if (change.kind === 'clip') await applyClip(tx, change, me, now, counts);
    else await applyCategory(tx, change, counts);
  }
  return counts;
}
