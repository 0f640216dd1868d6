/** The clip model: one definition used by the extension, the CLI and (later) the server. */
import type { HighlightAnchor, HighlightColor } from '../highlight/types';

/** How much of the page a clip keeps. */
export type ClipMode = 'article' | 'selection' | 'page' | 'link';

export type Visibility = 'private' | 'team';

/** Extractive summary: a 1–3 sentence abstract plus up to 5 key points, all taken from the text. */
export interface Summary {
  abstract: string;
  keyPoints: string[];
}

/** What the capture pipeline makes from a page, before the user files it. */
export interface ClipDraft {
  mode: ClipMode;
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** BCP 47 primary tag as detected, e.g. `en`, `zh`, `ja`; `und` when unknown. */
  lang: string;
  /** Text direction of the content. */
  dir: 'ltr' | 'rtl' | null;
  /** ISO 8601 when the page states it, else null. */
  publishedTime: string | null;
  excerpt: string;
  summary: Summary;
  text: string;
  markdown: string;
  /** Sanitized HTML: safe to render in an extension page. */
  html: string;
  /** Words, counting each CJK character as a word. */
  wordCount: number;
  readingMinutes: number;
  /** Why the pipeline fell back to plain page text (size limit, time budget, no article), or null. */
  fallback: string | null;
}

/** A clip in the local store. */
export interface Clip extends ClipDraft {
  /** Time-ordered id made on the client (ULID). */
  id: string;
  /** Stable category id from the taxonomy (survives renames), or null when unfiled. */
  categoryId: string | null;
  tags: string[];
  note: string;
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
  /** Set when deleted: a tombstone kept so undo (and later sync) can see the delete. */
  deletedAt: string | null;
  /** Team sync: who shared the clip (absent or null on clips made on this device and never synced). */
  author?: ClipAuthor | null;
  /** Team sync: the server's version of the clip (its position in the server's change order). */
  version?: number;
  /** Team sync: other members' notes on a shared clip (`note` is this user's own). */
  teamNotes?: TeamNote[];
  /** Highlights on the live page (own and, for shared clips, the team's); merged per highlight id. */
  highlights?: Highlight[];
}

/** A highlighted passage of the clipped page, anchored so it can be found again on the live page. */
export interface Highlight {
  id: string;
  anchor: HighlightAnchor;
  color: HighlightColor;
  note: string;
  /** Who made it (team clips); absent on highlights made on this device before sharing. */
  author?: ClipAuthor | null;
  createdAt: string;
  /** Last change (note or color); the later one wins when two devices edit the same highlight. */
  updatedAt?: string;
  /** Set when removed: a tombstone so the removal reaches the team and is not undone by a merge. */
  deletedAt?: string | null;
}

/** A teammate's note on a shared clip. */
export interface TeamNote {
  memberId: string;
  name: string;
  note: string;
  updatedAt: string;
}

/** The team member a shared clip came from. */
export interface ClipAuthor {
  id: string;
  name: string;
}

/**
 * A clip as the library list, map and team views carry it: what they show and filter on. The rest
 * (page bodies, summary, notes, highlights) is most of a clip's bytes; the reader and exports fetch
 * the whole clip.
 */
export type ClipListItem = Pick<Clip, 'id' | 'mode' | 'url' | 'canonicalUrl' | 'title' | 'siteName' | 'lang' | 'categoryId' | 'tags' | 'visibility' | 'author' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** The list item of a clip. */
export function listItemOf(clip: Clip): ClipListItem {
  const { id, mode, url, canonicalUrl, title, siteName, lang, categoryId, tags, visibility, author, createdAt, updatedAt, deletedAt } = clip;
  return { id, mode, url, canonicalUrl, title, siteName, lang, categoryId, tags, visibility, author, createdAt, updatedAt, deletedAt };
}
