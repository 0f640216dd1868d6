/**
 * Saving a capture: a new clip, or an update of the clip the user is replacing or already has for
 * the same page (same normalized canonical URL) — never a silent second copy. Returns the previous
 * version so the caller can offer undo.
 */
import type { ClipFiling } from '../messaging';
import type { ClipStore } from '../db/clip-store';
import { normalizeUrl } from '../url/canonical';
import { newClipId } from './id';
import type { Clip, ClipDraft } from './types';

/** What a save did: the stored clip and what was there before (null when the clip is new). */
export interface SaveOutcome {
  clip: Clip;
  previous: Clip | null;
}

export interface SaveOptions {
  now?: Date;
  /** Update this clip (the form's "update existing"); otherwise dedupe by canonical URL. */
  replaceId?: string;
  /** Id maker (tests); defaults to newClipId. */
  makeId?: (now: number) => string;
}

/** The key clips are deduplicated on: the normalized canonical URL (or page URL when there is none). */
export function dedupeKey(draft: Pick<ClipDraft, 'canonicalUrl' | 'url'>): string {
  const raw = draft.canonicalUrl || draft.url;
  try {
    return normalizeUrl(raw);
  } catch {
    return raw;
  }
}

/** Trim, drop empties and duplicates (case-insensitive, first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Save `draft` with the user's `filing`. Fields absent from `filing` keep the existing clip's value
 * (so a quick clip of an already-filed page does not undo the user's filing), or default when new.
 */
export async function saveDraft(store: ClipStore, draft: ClipDraft, filing: Partial<ClipFiling>, options: SaveOptions = {}): Promise<SaveOutcome> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const canonicalUrl = dedupeKey(draft);
  const makeId = options.makeId ?? newClipId;
  return store.upsert({ id: options.replaceId, canonicalUrl }, (previous) => {
    const base = previous ?? { id: makeId(now.getTime()), categoryId: null, tags: [], note: '', visibility: 'private' as const, createdAt: at };
    return {
      ...draft,
      canonicalUrl,
      id: base.id,
      createdAt: base.createdAt,
      updatedAt: at,
      deletedAt: null,
      visibility: filing.visibility ?? base.visibility,
      categoryId: filing.categoryId !== undefined ? filing.categoryId : base.categoryId,
      tags: cleanTags(filing.tags ?? base.tags),
      note: filing.note ?? base.note,
      // Highlights belong to the page, not to one capture of it: a re-clip keeps them.
      ...(previous?.highlights ? { highlights: previous.highlights } : {}),
    };
  });
}

/** Edit a stored clip's fields (tags cleaned; id, createdAt and the content kept). */
export function updateClip(store: ClipStore, id: string, patch: Partial<Clip>, now: Date = new Date()): Promise<Clip> {
  const clean = patch.tags ? { ...patch, tags: cleanTags(patch.tags) } : patch;
  return store.update(id, clean, now);
}

/** Undo a save: put the previous version back, or tombstone the clip if the save created it. */
export async function undoSave(store: ClipStore, outcome: { clipId: string; previous: Clip | null }, now: Date = new Date()): Promise<Clip> {
  if (outcome.previous) return store.put({ ...outcome.previous, updatedAt: now.toISOString() });
  return store.softDelete(outcome.clipId, now);
}
