/**
 * State of the library: clips (newest first), the taxonomy, the category filter, the open clip,
 * and edits/deletes with undo. Hydrated from the background through the injected `send`; call
 * `refresh()` when the background broadcasts that clips changed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Category } from '../categorize/types';
import { listItemOf, type Clip, type ClipListItem } from '../clip/types';
import type { ProtocolMap } from '../messaging';
import { errorMessage, type Send } from './send';
import { subtreeIds } from './taxonomy-tree';

/** Which clips the list shows: all, unfiled, or one category with its subcategories. */
export type LibraryFilter = { kind: 'all' } | { kind: 'unfiled' } | { kind: 'category'; id: string };

/** Fields the reader's editor can change. */
export type ClipPatch = Parameters<ProtocolMap['clip:update']>[0]['patch'];

export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** List items (no page bodies): a 10k-clip library with its bodies took seconds to message. */
  clips: ClipListItem[];
  taxonomy: Category[];
  tags: string[];
  filter: LibraryFilter;
  openId: string | null;
  /** The open clip, whole (fetched on open); null until it arrives. */
  opened: Clip | null;
  error: string | null;

  load(): Promise<void>;
  refresh(): Promise<void>;
  setFilter(filter: LibraryFilter): void;
  open(id: string): Promise<void>;
  close(): void;
  updateClip(id: string, patch: ClipPatch): Promise<Clip>;
  /** Delete a clip; resolves to the undo (restore) action. */
  deleteClip(id: string): Promise<() => Promise<void>>;
  saveTaxonomy(categories: Category[]): Promise<Category[]>;
}

/** Newest first by createdAt, then id (ids are time-ordered) so ties are stable. */
export function newestFirst<C extends ClipListItem>(clips: readonly C[]): C[] {
  return clips
    .filter((c) => !c.deletedAt)
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}

/** The clips a filter shows; a category includes its subcategories. */
export function filterClips<C extends ClipListItem>(clips: readonly C[], filter: LibraryFilter, taxonomy: readonly Category[]): C[] {
  if (filter.kind === 'all') return [...clips];
  if (filter.kind === 'unfiled') {
    const known = new Set(taxonomy.map((c) => c.id));
    return clips.filter((c) => !c.categoryId || !known.has(c.categoryId));
  }
  const ids = subtreeIds(taxonomy, filter.id);
  return clips.filter((c) => c.categoryId !== null && ids.has(c.categoryId));
}

/** Clip counts per category id, each including its subcategories' clips. */
export function countByCategory(clips: readonly ClipListItem[], taxonomy: readonly Category[]): Map<string, number> {
  const direct = new Map<string, number>();
  for (const c of clips) if (c.categoryId) direct.set(c.categoryId, (direct.get(c.categoryId) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const cat of taxonomy) {
    let n = 0;
    for (const id of subtreeIds(taxonomy, cat.id)) n += direct.get(id) ?? 0;
    counts.set(cat.id, n);
  }
  return counts;
}

/** Clips filed directly in a category (what blocks deleting it). */
export function directCount(clips: readonly ClipListItem[], id: string): number {
  return clips.filter((c) => c.categoryId === id).length;
}

/** Create a library store bound to a `send` function. */
export function createLibraryStore(send: Send): StoreApi<LibraryState> {
  let loadSeq = 0;
  const replaceClip = (clips: ClipListItem[], clip: Clip) => {
    const item = listItemOf(clip);
    return newestFirst(clips.some((c) => c.id === clip.id) ? clips.map((c) => (c.id === clip.id ? item : c)) : [...clips, item]);
  };

  return createStore<LibraryState>((set, get) => ({
    status: 'idle',
    clips: [],
    taxonomy: [],
    tags: [],
    filter: { kind: 'all' },
    openId: null,
    opened: null,
    error: null,

    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
      await get().refresh();
    },

    async refresh() {
      const seq = ++loadSeq;
      try {
        const [clips, taxonomy, tags] = await Promise.all([
          send('clip:list', {}),
          send('taxonomy:get', undefined),
          send('tags:list', undefined).catch(() => get().tags),
        ]);
        if (seq !== loadSeq) return;
        set({ status: 'ready', clips: newestFirst(clips), taxonomy, tags, error: null });
        // The open clip may have changed too (shared, edited elsewhere): fetch it again.
        const openId = get().openId;
        if (openId) await get().open(openId);
      } catch (err) {
        if (seq !== loadSeq) return;
        set({ status: 'error', error: errorMessage(err) });
      }
    },

    setFilter(filter) {
      set({ filter });
    },

    async open(id) {
      set({ openId: id, opened: get().opened?.id === id ? get().opened : null });
      try {
        const fresh = await send('clip:get', { id });
        if (get().openId !== id) return;
        if (fresh && !fresh.deletedAt) set({ opened: fresh, clips: replaceClip(get().clips, fresh) });
        else set({ opened: null, clips: get().clips.filter((c) => c.id !== id) });
      } catch (err) {
        if (get().openId === id) set({ error: errorMessage(err) });
      }
    },

    close() {
      set({ openId: null, opened: null });
    },

    async updateClip(id, patch) {
      const clip = await send('clip:update', { id, patch });
      set({ clips: replaceClip(get().clips, clip), opened: get().openId === id ? clip : get().opened });
      return clip;
    },

    async deleteClip(id) {
      const before = get().clips;
      await send('clip:delete', { id });
      const closing = get().openId === id;
      set({ clips: before.filter((c) => c.id !== id), openId: closing ? null : get().openId, opened: closing ? null : get().opened });
      return async () => {
        const restored = await send('clip:restore', { id });
        set({ clips: replaceClip(get().clips, restored) });
      };
    },

    async saveTaxonomy(categories) {
      const saved = await send('taxonomy:save', { categories });
      set({ taxonomy: saved });
      return saved;
    },
  }));
}
