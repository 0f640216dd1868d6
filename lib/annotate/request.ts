/**
 * The hand-off between the background and the on-demand highlighter content script (like the clipper's):
 * the background leaves a request on the page's isolated-world global, injects the highlighter, and reads
 * its HighlighterResponse as the result of `scripting.executeScript`.
 */
import type { HighlightAnchor, HighlightColor } from '../highlight/types';

/** Name of the global the first injection writes and the highlighter reads. */
export const HIGHLIGHT_REQUEST_GLOBAL = '__cairnHighlightRequest';

/** A highlight as the page needs it to show it. */
export interface ShownHighlight {
  id: string;
  anchor: HighlightAnchor;
  color: HighlightColor;
}

export type HighlighterRequest = { action: 'describe' } | { action: 'show'; highlights: ShownHighlight[] };

export type HighlighterResponse =
  | { ok: true; action: 'describe'; anchor: HighlightAnchor; url: string }
  | { ok: true; action: 'show'; shown: string[]; orphans: string[] }
  | { ok: false; error: string };

/** Injected with `executeScript({ func, args })` before the highlighter: leaves the request for it. Self-contained. */
export function setHighlightRequest(request: HighlighterRequest): void {
  (globalThis as Record<string, unknown>)['__cairnHighlightRequest'] = request;
}
