/**
 * The highlighter: injected on demand into the tab the user asked about (never declared for all pages).
 * Installs the function the background then calls with each request (describe the selection, show
 * highlights); see lib/annotate/request.ts.
 */
import { runHighlighter } from '@/lib/annotate/page-highlights';
import { HIGHLIGHTER_GLOBAL, type HighlighterRequest } from '@/lib/annotate/request';

export default defineContentScript({
  registration: 'runtime',
  main(): boolean {
    (globalThis as Record<string, unknown>)[HIGHLIGHTER_GLOBAL] = (request: HighlighterRequest) => runHighlighter(window, request);
    return true;
  },
});
