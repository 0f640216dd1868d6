/**
 * Merge imported clips into a library without duplicates: one clip per normalized URL. A clip whose URL (or
 * id) is already in the library updates it; a second clip for the same URL in the same file merges into the
 * first. Nothing is dropped without a line in the report.
 */
import type { JsonClip } from '../clip/interchange';
import { normalizeUrl } from '../url/canonical';
import type { ImportResult, ProgressCallback, ReadItem, SkippedItem } from './types';

/** The key two clips of the same page share. */
export function duplicateKey(clip: Pick<JsonClip, 'url' | 'canonicalUrl'>): string {
  return normalizeUrl(clip.canonicalUrl || clip.url);
}

const CONTENT_FIELDS = [
  'byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt', 'summary', 'text', 'markdown', 'html',
  'wordCount', 'readingMinutes', 'mode', 'fallback',
] as const;

/**
 * `base` with what `incoming` adds: tags joined, a category or note it lacked, the incoming note appended when
 * both differ, the page content when `base` is only a link, the earlier creation time (by whole seconds). Returns `base` itself
 * (the same object) when nothing changes.
 */
export function mergeClip(base: JsonClip, incoming: JsonClip): JsonClip {
  const merged: JsonClip = { ...base };
  const known = new Set(base.tags.map((t) => t.toLowerCase()));
  const newTags = incoming.tags.filter((t) => !known.has(t.toLowerCase()));
  if (newTags.length) merged.tags = [...base.tags, ...newTags];
  if (!base.category && incoming.category) merged.category = incoming.category;
  const note = incoming.note.trim();
  if (note && !base.note.includes(note)) merged.note = base.note.trim() ? `${base.note}\n\n${incoming.note}` : incoming.note;
  if (base.mode === 'link' && incoming.mode !== 'link') {
    for (const field of CONTENT_FIELDS) (merged as Record<string, unknown>)[field] = incoming[field];
    if (!merged.fallback) delete merged.fallback;
  }
  if (base.title === base.url && incoming.title && incoming.title !== incoming.url) merged.title = incoming.title;
  // Earlier by whole seconds: bookmark files keep seconds, so a re-imported export is not "earlier" by its lost ms.
  if (Math.floor(Date.parse(incoming.createdAt) / 1000) < Math.floor(Date.parse(base.createdAt) / 1000)) merged.createdAt = incoming.createdAt;
  const changed = (Object.keys(merged) as Array<keyof JsonClip>).some((k) => merged[k] !== base[k]) || Object.keys(merged).length !== Object.keys(base).length;
  return changed ? merged : base;
}

/** Settle read items against the library and each other; report progress after each item. */
export async function mergeItems(
  items: ReadItem[],
  existing: JsonClip[],
  options: { now: number; onProgress?: ProgressCallback; yieldEvery?: number },
): Promise<ImportResult> {
  const stamp = new Date(options.now).toISOString();
  const byKey = new Map<string, { clip: JsonClip; source: 'existing' | number | string }>();
  const byId = new Map<string, string>();
  existing.forEach((clip) => {
    const key = duplicateKey(clip);
    if (!byKey.has(key)) byKey.set(key, { clip, source: 'existing' });
    byId.set(clip.id, key);
  });
  const added = new Map<string, JsonClip>();
  const changed = new Map<string, JsonClip>();
  const skipped: SkippedItem[] = [];
  const yieldEvery = options.yieldEvery ?? 1000;

  for (let n = 0; n < items.length; n++) {
    const read = items[n]!;
    if ('skip' in read) skipped.push({ item: read.item, reason: read.skip });
    else settle(read.item, read.clip);
    options.onProgress?.(n + 1, items.length);
    if ((n + 1) % yieldEvery === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { added: [...added.values()], changed: [...changed.values()], report: { imported: added.size, updated: changed.size, skipped } };

  function settle(item: number | string, clip: JsonClip): void {
    const key = byId.get(clip.id) ?? duplicateKey(clip);
    const held = byKey.get(key);
    if (!held) {
      byKey.set(key, { clip, source: item });
      byId.set(clip.id, key);
      added.set(key, clip);
      return;
    }
    const newer = sameClipNewer(held.clip, clip);
    const merged = newer ? { ...clip, id: held.clip.id } : mergeClip(held.clip, clip);
    const where = held.source === 'existing' ? 'a clip already in the library' : typeof held.source === 'number' ? `line ${held.source}` : held.source;
    if (merged === held.clip) {
      skipped.push({ item, reason: `duplicate of ${where}` });
      return;
    }
    if (held.source === 'existing') {
      // A second item for a library clip already updated by this import: say so, it is not counted twice.
      if (changed.has(key)) skipped.push({ item, reason: 'duplicate of a clip already in the library, merged into it (counted once in updated)' });
      const updated = newer ? merged : { ...merged, updatedAt: laterOf(merged.updatedAt, stamp) };
      held.clip = updated;
      changed.set(key, updated);
    } else {
      held.clip = merged;
      added.set(key, merged);
      skipped.push({ item, reason: `duplicate of ${where}, merged into it` });
    }
  }
}

/** The same clip (same id) in a newer version: it replaces the one held. */
function sameClipNewer(held: JsonClip, incoming: JsonClip): boolean {
  return held.id === incoming.id && Date.parse(incoming.updatedAt ?? incoming.createdAt) > Date.parse(held.updatedAt ?? held.createdAt);
}

function laterOf(a: string | undefined, b: string): string {
  return a && Date.parse(a) > Date.parse(b) ? a : b;
}
