/**
 * Reorganizing the library: merge a category into another, move one under a new parent, rename or
 * merge a tag. Each runs in ONE IndexedDB transaction over clips, taxonomy and the outbox, so the clips
 * move with their category and the team's sync mutations are queued with the change — offline too
 * (the outbox is pushed when the team is reachable again). Clips file by category id, so a rename or a
 * move never touches a clip; a merge re-files the merged category's clips under the survivor.
 */
import type { Clip } from '../clip/types';
import type { LibraryTx } from '../db/clip-store';
import { StorageError } from '../db/errors';
import { clipMutations, enqueueInTransaction, taxonomyMutations, type LocalMutation } from '../sync/outbox';
import type { Category } from './types';

/** The part of ClipStore these edits need (lib/db ClipStore). */
export interface OrganizeStore {
  editLibrary<T>(action: string, work: (tx: LibraryTx) => Promise<T>): Promise<T>;
}

/** What an edit changed: clips re-filed or re-tagged, and the sync mutations queued (0 when no team). */
export interface OrganizeResult {
  clipsChanged: number;
  mutationsQueued: number;
}

const TAXONOMY_ORDER = 'taxonomyOrder';

const isLive = (clip: Clip) => !clip.deletedAt;

/** The id and every descendant id of `id` in `taxonomy`. */
function subtree(taxonomy: readonly Category[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of taxonomy) if (c.parentId && out.has(c.parentId) && !out.has(c.id)) { out.add(c.id); grew = true; }
  }
  return out;
}

/** `a` followed by the items of `b` it lacks (case-insensitive), blanks dropped. */
function union(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of [...a, ...b]) {
    const key = s.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(s.trim());
  }
  return out;
}

const refused = (message: string) => new StorageError(message, 'other');

/** Write the taxonomy (order kept, removed ids dropped) and queue its mutations; returns the rows queued. */
async function writeTaxonomy(tx: LibraryTx, before: Category[], after: Category[], at: string): Promise<number> {
  const store = tx.objectStore('taxonomy');
  const kept = new Set(after.map((c) => c.id));
  for (const c of before) if (!kept.has(c.id)) await store.delete(c.id);
  for (const c of after) await store.put(c);
  const order = ((await tx.objectStore('meta').get(TAXONOMY_ORDER)) as string[] | undefined) ?? before.map((c) => c.id);
  await tx.objectStore('meta').put(order.filter((id) => kept.has(id)), TAXONOMY_ORDER);
  return (await enqueueInTransaction(tx, taxonomyMutations(before, after), at)).length;
}

/** Put each changed clip and queue its mutations; returns [clips changed, rows queued]. */
async function writeClips(tx: LibraryTx, changes: { before: Clip; after: Clip }[], at: string): Promise<[number, number]> {
  const mutations: LocalMutation[] = [];
  for (const { before, after } of changes) {
    await tx.objectStore('clips').put(after);
    mutations.push(...clipMutations(before, after));
  }
  return [changes.length, (await enqueueInTransaction(tx, mutations, at)).length];
}

/**
 * Merge category `fromId` into `intoId`: its clips are re-filed under `intoId`, its subcategories
 * move under `intoId`, its names, aliases, seed words and rules become the survivor's aliases, seed
 * words and rules (so suggestions and search still find it by its old name), and it is removed —
 * a tombstone for the team. Refuses a merge into its own subtree, or of a team category into a
 * personal one (teammates' clips would lose their filing).
 */
export function mergeCategories(store: OrganizeStore, fromId: string, intoId: string, now: Date = new Date()): Promise<OrganizeResult> {
  const at = now.toISOString();
  return store.editLibrary('merge the categories', async (tx) => {
    const before = await tx.objectStore('taxonomy').getAll();
    const from = before.find((c) => c.id === fromId);
    const into = before.find((c) => c.id === intoId);
    if (!from || !into) throw new StorageError(`Cairn could not merge the categories: no category with id ${!from ? fromId : intoId}.`, 'not-found');
    if (subtree(before, fromId).has(intoId)) throw refused('A category cannot be merged into itself or one of its own subcategories.');
    if (from.scope !== 'personal' && into.scope === 'personal') throw refused('A team category can only be merged into another team category.');
    const survivor: Category = {
      ...into,
      aliases: union(into.aliases, [from.name.en, from.name.zh, ...from.aliases]).filter((a) => a !== into.name.en && a !== into.name.zh),
      keywords: union(into.keywords, from.keywords),
      ...(from.rules?.length || into.rules?.length ? { rules: [...(into.rules ?? []), ...(from.rules ?? [])] } : {}),
    };
    const after = before.filter((c) => c.id !== fromId).map((c) => (c.id === intoId ? survivor : c.parentId === fromId ? { ...c, parentId: intoId } : c));
    const filed = await tx.objectStore('clips').index('categoryId').getAll(fromId);
    const changes = filed.filter(isLive).map((clip) => ({ before: clip, after: { ...clip, categoryId: intoId, updatedAt: at } }));
    // Tombstoned clips are re-filed too (no mutation: they are gone for the team), so an undo of the
    // delete does not bring back a clip filed under a category that no longer exists.
    for (const clip of filed.filter((c) => !isLive(c))) await tx.objectStore('clips').put({ ...clip, categoryId: intoId });
    const [clipsChanged, clipRows] = await writeClips(tx, changes, at);
    const taxonomyRows = await writeTaxonomy(tx, before, after, at);
    return { clipsChanged, mutationsQueued: clipRows + taxonomyRows };
  });
}

/**
 * Move category `id` under `newParentId` (null = top level). Its clips and subcategories come along
 * untouched: they point at its id, which does not change. Refuses a move into its own subtree, and a
 * team category under a personal one (teammates do not have that parent).
 */
export function moveCategory(store: OrganizeStore, id: string, newParentId: string | null, now: Date = new Date()): Promise<OrganizeResult> {
  const at = now.toISOString();
  return store.editLibrary('move the category', async (tx) => {
    const before = await tx.objectStore('taxonomy').getAll();
    const node = before.find((c) => c.id === id);
    const parent = newParentId === null ? null : before.find((c) => c.id === newParentId);
    if (!node || parent === undefined) throw new StorageError(`Cairn could not move the category: no category with id ${!node ? id : newParentId}.`, 'not-found');
    if (newParentId !== null && subtree(before, id).has(newParentId)) throw refused('A category cannot be moved under itself or one of its own subcategories.');
    if (node.scope !== 'personal' && parent?.scope === 'personal') throw refused('A team category cannot be moved under a personal category.');
    if (node.parentId === newParentId) return { clipsChanged: 0, mutationsQueued: 0 };
    const after = before.map((c) => (c.id === id ? { ...c, parentId: newParentId } : c));
    return { clipsChanged: 0, mutationsQueued: await writeTaxonomy(tx, before, after, at) };
  });
}

/**
 * Rename tag `from` to `to` on every live clip (matched case-insensitively); when a clip already has
 * `to`, the two merge into one. Shared clips queue a tag remove/add for the team in the same transaction.
 */
export function renameTag(store: OrganizeStore, from: string, to: string, now: Date = new Date()): Promise<OrganizeResult> {
  const at = now.toISOString();
  const oldKey = from.trim().toLocaleLowerCase();
  const target = to.trim();
  return store.editLibrary('rename the tag', async (tx) => {
    if (!oldKey || !target) throw refused('A tag needs a name.');
    const changes: { before: Clip; after: Clip }[] = [];
    let cursor = await tx.objectStore('clips').openCursor();
    while (cursor) {
      const clip = cursor.value;
      if (isLive(clip) && clip.tags.some((t) => t.toLocaleLowerCase() === oldKey)) {
        const tags = union(clip.tags.map((t) => (t.toLocaleLowerCase() === oldKey ? target : t)), []);
        if (JSON.stringify(tags) !== JSON.stringify(clip.tags)) changes.push({ before: clip, after: { ...clip, tags, updatedAt: at } });
      }
      cursor = await cursor.continue();
    }
    const [clipsChanged, mutationsQueued] = await writeClips(tx, changes, at);
    return { clipsChanged, mutationsQueued };
  });
}
