/**
 * The filing history the suggester learns from, rebuilt from the stored clips. Cached in memory only
 * as an optimization: the service worker may die at any moment, so the store stays the truth and
 * the cache is dropped whenever the background changes a clip.
 */
import type { Clip } from '../clip/types';
import type { FilingHistory } from '../categorize/types';

export interface HistoryCache<T = FilingHistory> {
  get(): Promise<T>;
  /** Forget the cached history (call after any write). */
  invalidate(): void;
}

/** A lazily built, invalidatable filing history (or learned model) over `loadClips`. */
export function createHistoryCache<T = FilingHistory>(loadClips: () => Promise<Clip[]>, build: (clips: Clip[]) => T): HistoryCache<T> {
  let cached: Promise<T> | null = null;
  let generation = 0;
  return {
    get() {
      if (!cached) {
        const mine = ++generation;
        const building = loadClips().then(build);
        cached = building;
        // Do not keep a failure, and do not let a stale build overwrite a newer invalidation.
        building.catch(() => {
          if (generation === mine) cached = null;
        });
      }
      return cached;
    },
    invalidate() {
      generation++;
      cached = null;
    },
  };
}
