/** W3C Web Annotation TextQuoteSelector: the quoted text with up to 32 characters of context either side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the root's normalized text (see text-index.ts). */
export interface TextPosition {
  start: number;
  end: number;
}

/** Everything needed to find a highlight again on a page that may have changed since. */
export interface HighlightAnchor {
  quote: TextQuote;
  position: TextPosition;
}

/** A re-found highlight: the live Range and how sure we are (0–1) that it is the same place. */
export interface AnchorMatch {
  range: Range;
  confidence: number;
  /** Normalized-text offsets of the match on the current page. */
  start: number;
  end: number;
  /** True when the quote was found verbatim (no edits inside it). */
  exact: boolean;
}

/** Highlight colors offered to the user; the content script styles `.cairn-hl-<color>`. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
