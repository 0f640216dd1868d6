/** Turning a stored clip back into a draft + filing, so an update can be undone with `clip:save`. */
import type { Clip, ClipDraft } from '../clip/types';
import type { ClipFiling } from '../messaging';

const DRAFT_KEYS = [
  'mode', 'url', 'canonicalUrl', 'title', 'byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt',
  'summary', 'text', 'markdown', 'html', 'wordCount', 'readingMinutes', 'fallback',
] as const satisfies readonly (keyof ClipDraft)[];

/** The draft part of a clip (only ClipDraft fields, so store-side fields never leak into a save). */
export function draftOf(clip: Clip): ClipDraft {
  const draft = {} as Record<string, unknown>;
  for (const key of DRAFT_KEYS) draft[key] = clip[key];
  return draft as unknown as ClipDraft;
}

/** The filing part of a clip. */
export function filingOf(clip: Clip): ClipFiling {
  return { categoryId: clip.categoryId, tags: [...clip.tags], note: clip.note };
}
