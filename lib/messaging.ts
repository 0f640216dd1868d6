/**
 * One typed message map between the extension's pages and the background (DESIGN principle 3).
 * Each entry is a request → response signature; errors are serialized by the receiver and
 * rethrown at the sender.
 */
import type { Clip, ClipDraft, ClipMode } from './clip/types';
import type { Category, CategorySuggestion } from './categorize/types';

/** What a capture returns to the clip form: the draft plus what the form offers. */
export interface CaptureResult {
  tabId: number;
  draft: ClipDraft;
  suggestions: CategorySuggestion[];
  tagSuggestions: string[];
  /** A clip with the same normalized URL already in the store: the form offers to update it. */
  existing: Clip | null;
}

/** The user's edits on the clip form, saved with the draft. */
export interface ClipFiling {
  categoryId: string | null;
  tags: string[];
  note: string;
}

export interface ProtocolMap {
  /** Extract the page in the tab (injects the clipper on demand). */
  'clip:capture': (req: { tabId: number; mode: ClipMode }) => CaptureResult;
  /** Save a draft; with `replaceId` it updates that clip (same id, createdAt kept). */
  'clip:save': (req: { draft: ClipDraft; filing: ClipFiling; replaceId?: string }) => Clip;
  'clip:list': (req: { categoryId?: string | null; limit?: number }) => Clip[];
  'clip:get': (req: { id: string }) => Clip | null;
  'clip:update': (req: { id: string; patch: Partial<Pick<Clip, 'title' | 'categoryId' | 'tags' | 'note' | 'summary' | 'byline' | 'siteName' | 'publishedTime' | 'lang'>> }) => Clip;
  /** Delete (a tombstone); `clip:restore` undoes it. */
  'clip:delete': (req: { id: string }) => void;
  'clip:restore': (req: { id: string }) => Clip;
  'taxonomy:get': (req: void) => Category[];
  'taxonomy:save': (req: { categories: Category[] }) => Category[];
  'tags:list': (req: void) => string[];
}
