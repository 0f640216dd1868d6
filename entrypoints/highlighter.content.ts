/**
 * The highlighter: injected on demand into the tab the user asked about (never declared for all pages).
 * Reads the request the background left, then describes the selection or shows highlights, and returns a
 * HighlighterResponse as the result of `scripting.executeScript`.
 */
import { runHighlighter } from '@/lib/annotate/page-highlights';
import { HIGHLIGHT_REQUEST_GLOBAL, type HighlighterRequest, type HighlighterResponse } from '@/lib/annotate/request';

export default defineContentScript({
  registration: 'runtime',
  main(): HighlighterResponse {
    const scope = globalThis as Record<string, unknown>;
    const request = (scope[HIGHLIGHT_REQUEST_GLOBAL] as HighlighterRequest | undefined) ?? { action: 'describe' };
    delete scope[HIGHLIGHT_REQUEST_GLOBAL];
    return runHighlighter(window, request);
  },
});
