/**
 * Near-identical clips for a draft being captured (own and teammates' clips alike), through the
 * MinHash index of lib/dedupe. Building the index costs milliseconds per clip (bench:organize), so it
 * is built in chunks that yield to the event loop (the worker keeps answering), and a capture waits
 * for it only up to a budget; the panel asks again (`clip:nearDuplicates`) when the capture could not.
 * The index is only a cache: rebuilt lazily after the library changes or the worker restarts.
 */
import type { Clip, ClipDraft } from '../clip/types';
import { createDuplicateIndex, type DuplicateIndex } from '../dedupe';

/** How many near-duplicates a capture reports at most. */
const MAX_MATCHES = 3;
/** Clips indexed between two yields to the event loop. */
const CHUNK = 50;

/** One near-identical clip and its estimated similarity in [0, 1]. */
export interface NearDuplicate {
  clip: Clip;
  similarity: number;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A finder over `loadClips` (live clips); `invalidate()` after any change. */
export function createNearDuplicateFinder(loadClips: () => Promise<Clip[]>) {
  let built: Promise<{ index: DuplicateIndex; byId: Map<string, Clip> }> | null = null;
  const build = async () => {
    const clips = await loadClips();
    const index = createDuplicateIndex();
    const byId = new Map<string, Clip>();
    let n = 0;
    for (const clip of clips) {
      if (clip.deletedAt) continue;
      index.add({ id: clip.id, url: clip.url, canonicalUrl: clip.canonicalUrl, text: clip.text, title: clip.title });
      byId.set(clip.id, clip);
      if (++n % CHUNK === 0) await pause();
    }
    return { index, byId };
  };
  const ready = () => {
    if (!built) {
      const building = build();
      built = building;
      building.catch(() => { if (built === building) built = null; });
    }
    return built;
  };

  /** Near-identical (not same-URL) clips of `draft`, most similar first. */
  async function find(draft: ClipDraft): Promise<NearDuplicate[]> {
    const { index, byId } = await ready();
    return index
      .findDuplicates({ url: draft.url, canonicalUrl: draft.canonicalUrl, text: draft.text, title: draft.title })
      .filter((m) => m.kind === 'near-identical')
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_MATCHES)
      .flatMap((m) => {
        const clip = byId.get(m.id);
        return clip ? [{ clip, similarity: m.similarity }] : [];
      });
  }

  return {
    find,
    /** Like `find`, but null when the index is not ready within `budgetMs` (it keeps building). */
    async findWithin(draft: ClipDraft, budgetMs: number): Promise<NearDuplicate[] | null> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), budgetMs); });
      try {
        return await Promise.race([find(draft), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    invalidate(): void {
      built = null;
    },
  };
}
