/**
 * Near-identical clips for a draft being captured (own and teammates' clips alike), through the
 * MinHash index of lib/dedupe. The index is rebuilt lazily after the library changes; it is only a
 * cache, so a service worker restart just rebuilds it.
 */
import type { Clip, ClipDraft } from '../clip/types';
import { createDuplicateIndex, type DuplicateIndex } from '../dedupe';

/** How many near-duplicates a capture reports at most. */
const MAX_MATCHES = 3;

/** A finder over `loadClips` (live clips); `invalidate()` after any change. */
export function createNearDuplicateFinder(loadClips: () => Promise<Clip[]>) {
  let built: Promise<{ index: DuplicateIndex; byId: Map<string, Clip> }> | null = null;
  const build = async () => {
    const clips = await loadClips();
    const index = createDuplicateIndex();
    const byId = new Map<string, Clip>();
    for (const clip of clips) {
      if (clip.deletedAt) continue;
      index.add({ id: clip.id, url: clip.url, canonicalUrl: clip.canonicalUrl, text: clip.text, title: clip.title });
      byId.set(clip.id, clip);
    }
    return { index, byId };
  };
  return {
    /** Near-identical (not same-URL) clips of `draft`, most similar first. */
    async find(draft: ClipDraft): Promise<Array<{ clip: Clip; similarity: number }>> {
      if (!built) {
        built = build();
        built.catch(() => { built = null; });
      }
      const { index, byId } = await built;
      return index
        .findDuplicates({ url: draft.url, canonicalUrl: draft.canonicalUrl, text: draft.text, title: draft.title })
        .filter((m) => m.kind === 'near-identical')
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, MAX_MATCHES)
        .flatMap((m) => {
          const clip = byId.get(m.id);
          return clip ? [{ clip, similarity: m.similarity }] : [];
        });
    },
    invalidate(): void {
      built = null;
    },
  };
}
