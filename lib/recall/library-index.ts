/**
 * The side panel's search index over the library: loaded from the cached snapshot when it still
 * matches the library (count + newest updatedAt), brought up to date incrementally when the library
 * only moved forward, rebuilt in chunks (yielding to the UI, with progress) otherwise.
 */
import type { Clip } from '../clip/types';
import { createSearchIndex, type SearchIndex } from '../search';
import { cardOf, categoryNamer, categoryNames, changedCategories, searchableOf, type CategoryNames, type ClipCard } from './cards';
import { stampCounts, type ClipSource, type LibraryStamp } from './clip-source';
import { CACHE_FORMAT, type CachedIndex, type SnapshotCache } from './snapshot-cache';
import { packCards, unpackCards } from './card-pack';

/** How a load went: snapshot as is, snapshot plus the changes since, or a full build. */
export type LoadPlan = 'fresh' | 'incremental' | 'rebuild';

/**
 * Decide how to use a cached index for the library as it is now. Category renames do not force a
 * rebuild: only the renamed categories' clips are re-indexed (the catch-up).
 */
export function planLoad(cached: CachedIndex | null, current: LibraryStamp, names: CategoryNames): LoadPlan {
  if (!cached || cached.format !== CACHE_FORMAT) return 'rebuild';
  const sameStamp = cached.stamp.count === current.count && cached.stamp.lastUpdated === current.lastUpdated;
  if (sameStamp && changedCategories(cached.categoryNames, names).length === 0) return 'fresh';
  // Clips are never hard-deleted (tombstones), so a library that only grew or changed forward is
  // caught up by listing what changed since; fewer records or an older stamp means another history.
  if (current.count >= cached.stamp.count && current.lastUpdated >= cached.stamp.lastUpdated) return 'incremental';
  return 'rebuild';
}

/** Clips changed since `since` (everything when empty) plus those filed under renamed categories, once each. */
async function changesToApply(source: ClipSource, since: string, renamed: string[]): Promise<Clip[]> {
  const byId = new Map<string, Clip>();
  if (renamed.length) for (const c of await source.filedUnder(renamed)) byId.set(c.id, c);
  if (since) for (const c of await source.changedSince(since)) byId.set(c.id, c);
  else await source.scan((batch) => { for (const c of batch) byId.set(c.id, c); });
  return [...byId.values()];
}

/** The index with the cards it shows and the library state it reflects. */
export interface LibraryIndex {
  index: SearchIndex;
  cards: Map<string, ClipCard>;
  /** Normalized URL → clip id (for "this page is already clipped"). */
  byUrl: Map<string, string>;
  stamp: LibraryStamp;
  /** The category names indexed into the clips. */
  categoryNames: CategoryNames;
  how: LoadPlan;
  /** Milliseconds the load took. */
  ms: number;
  /** Where the load's time went, in ms: read, import, cards, catchUp / scan (durations); readStamp, readTaxonomy, readSnapshot (ms from the start, in parallel). */
  phases: Record<string, number>;
}

export interface LoadOptions {
  source: ClipSource;
  cache: SnapshotCache;
  /** Called while building: clips indexed so far, of about how many. */
  onProgress?: (done: number, total: number) => void;
  /** Give the UI a turn between chunks (default: a macrotask). */
  yieldNow?: () => Promise<void>;
  now?: () => number;
  fullText?: boolean;
  /** Build search-as-you-type's lookup table in idle slices after the load (default true). */
  prepareSearch?: boolean;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Apply changed clip records (tombstones remove) to an index; returns how many were applied. */
export function applyClips(li: Pick<LibraryIndex, 'index' | 'cards' | 'byUrl'>, clips: readonly Clip[], categoryName: (id: string | null) => string, fullText = false): number {
  for (const clip of clips) {
    const old = li.cards.get(clip.id);
    if (old) for (const k of old.keys) if (li.byUrl.get(k) === clip.id) li.byUrl.delete(k);
    if (clip.deletedAt) {
      li.index.remove(clip.id);
      li.cards.delete(clip.id);
      continue;
    }
    li.index.update(searchableOf(clip, categoryName, fullText));
    const card = cardOf(clip);
    li.cards.set(clip.id, card);
    for (const k of card.keys) li.byUrl.set(k, clip.id);
  }
  return clips.length;
}

/** Clips applied between two yields to the UI when catching up on many changes (an import, a first sync). */
const APPLY_CHUNK = 400;

/** applyClips in chunks with a UI turn between them, so a large catch-up never blocks typing. */
async function applyClipsChunked(li: Pick<LibraryIndex, 'index' | 'cards' | 'byUrl'>, clips: readonly Clip[], categoryName: (id: string | null) => string, fullText: boolean, yieldNow: () => Promise<void>): Promise<number> {
  for (let i = 0; i < clips.length; i += APPLY_CHUNK) {
    if (i > 0) await yieldNow();
    applyClips(li, clips.slice(i, i + APPLY_CHUNK), categoryName, fullText);
  }
  return clips.length;
}

function urlMap(cards: Map<string, ClipCard>): Map<string, string> {
  const m = new Map<string, string>();
  // Oldest first so the newest clip of a URL wins.
  for (const c of [...cards.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) for (const k of c.keys) m.set(k, c.id);
  return m;
}

type IdleScheduler = (run: (deadline: { timeRemaining(): number }) => void) => void;

/**
 * Prepare the index for search-as-you-type in idle slices (requestIdleCallback where there is one,
 * else 8 ms slices between macrotasks), so neither the first related results nor the first keystroke wait.
 */
export function prepareSearchWhenIdle(index: SearchIndex, scheduler?: IdleScheduler): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const schedule: IdleScheduler = scheduler ?? (ric ? (run) => ric(run, { timeout: 500 }) : (run) => void setTimeout(() => {
    const until = performance.now() + 8;
    run({ timeRemaining: () => until - performance.now() });
  }, 0));
  const step = (deadline: { timeRemaining(): number }) => {
    // At least one slice of progress per callback, even when the idle deadline is already spent.
    let first = true;
    const done = index.prepareSearch(() => {
      if (first) return (first = false);
      return deadline.timeRemaining() <= 1;
    });
    if (!done) schedule(step);
  };
  schedule(step);
}

/** Load the index for the panel, the fastest way the cache allows. */
export async function loadLibraryIndex(options: LoadOptions): Promise<LibraryIndex> {
  const { source, cache, onProgress, yieldNow = defaultYield, now = () => performance.now(), fullText = false, prepareSearch = true } = options;
  const started = now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const t = now();
    phases[name] = t - mark;
    // Also on the page's performance timeline, where benchmarks read it (cairn:index:read, …).
    try {
      performance.measure(`cairn:index:${name}`, { start: mark, end: t });
    } catch {
      // An injected clock may not fit the timeline.
    }
    mark = t;
  };
  // The snapshot, the freshness stamp and the taxonomy are read in parallel (two databases).
  const timed = <T>(name: string, p: Promise<T>) => p.then((v) => {
    const t = now();
    phases[name] = t - started;
    try {
      performance.measure(`cairn:index:${name}`, { start: started, end: t });
    } catch {
      // An injected clock may not fit the timeline.
    }
    return v;
  });
  const [stamp, taxonomy, cached] = await Promise.all([timed('readStamp', source.stamp()), timed('readTaxonomy', source.taxonomy()), timed('readSnapshot', cache.load())]);
  phase('read');
  const names = categoryNames(taxonomy);
  const namer = categoryNamer(taxonomy);
  const how = planLoad(cached, stamp, names);
  const index = createSearchIndex({ fullText });

  if (how !== 'rebuild' && cached) {
    index.importSnapshot(cached.snapshot);
    phase('import');
    const cards = unpackCards(cached.cards, (id) => index.storedDoc(id));
    const byUrl = urlMap(cards);
    phase('cards');
    const li: LibraryIndex = { index, cards, byUrl, stamp: cached.stamp, categoryNames: names, how, ms: 0, phases };
    if (how === 'incremental') {
      const renamed = changedCategories(cached.categoryNames, names);
      await applyClipsChunked(li, await changesToApply(source, cached.stamp.lastUpdated, renamed), namer, fullText, yieldNow);
      li.stamp = stamp;
      phase('catchUp');
    }
    li.ms = now() - started;
    if (prepareSearch) prepareSearchWhenIdle(index);
    return li;
  }

  const cards = new Map<string, ClipCard>();
  const li: LibraryIndex = { index, cards, byUrl: new Map(), stamp, categoryNames: names, how, ms: 0, phases };
  let done = 0;
  let lastUpdated = '';
  let counted = 0;
  onProgress?.(0, stamp.count);
  await source.scan(async (batch) => {
    for (const clip of batch) {
      if (clip.updatedAt > lastUpdated) lastUpdated = clip.updatedAt;
      if (stampCounts(clip)) counted++;
    }
    applyClips(li, batch, namer, fullText);
    done += batch.length;
    onProgress?.(done, Math.max(done, stamp.count));
    await yieldNow();
  });
  phase('scan');
  li.byUrl = urlMap(cards);
  // What was actually read (clips saved during the scan are caught by the next catch-up).
  li.stamp = { count: counted, lastUpdated: lastUpdated || stamp.lastUpdated };
  li.ms = now() - started;
  if (prepareSearch) prepareSearchWhenIdle(index);
  return li;
}

/** Bring a loaded index up to date after the library changed; returns how many records changed. */
export async function catchUp(li: LibraryIndex, source: ClipSource, fullText = false, yieldNow: () => Promise<void> = defaultYield): Promise<number> {
  const [stamp, taxonomy] = await Promise.all([source.stamp(), source.taxonomy()]);
  const namer = categoryNamer(taxonomy);
  const names = categoryNames(taxonomy);
  const changed = await changesToApply(source, li.stamp.lastUpdated, changedCategories(li.categoryNames, names));
  li.categoryNames = names;
  await applyClipsChunked(li, changed, namer, fullText, yieldNow);
  li.stamp = stamp;
  return changed.length;
}

/** The record to save in the snapshot cache. */
export function cacheRecordOf(li: LibraryIndex, savedAt = new Date()): CachedIndex {
  return {
    format: CACHE_FORMAT,
    stamp: li.stamp,
    categoryNames: li.categoryNames,
    snapshot: li.index.exportSnapshot(),
    cards: packCards([...li.cards.values()]),
    savedAt: savedAt.toISOString(),
  };
}
