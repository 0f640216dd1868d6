/**
 * The hand-off between the background and the on-demand highlighter content script: the background injects
 * the highlighter, which installs one function on the page's isolated-world global; then it calls that
 * function with the request as an `executeScript({ func, args })` argument and reads the HighlighterResponse
 * as its result. The request travels with its own call, so two requests at once (the panel re-showing while
 * the user highlights) can never pick up each other's.
 */
import type { HighlightAnchor, HighlightColor } from '../highlight/types';

/** Name of the global function the highlighter installs. */
export const HIGHLIGHTER_GLOBAL = '__cairnHighlighter';

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

/** Injected with `executeScript({ func, args })` after the highlighter: runs one request. Self-contained. */
export function callHighlighter(request: HighlighterRequest): HighlighterResponse {
  const run = (globalThis as Record<string, unknown>)['__cairnHighlighter'] as ((r: HighlighterRequest) => HighlighterResponse) | undefined;
  if (typeof run !== 'function') return { ok: false, error: 'The highlighter is not on this page.' };
  return run(request);
}
