/**
 * The clipper: injected on demand into the tab the user asked about (never declared for all pages).
 * Reads the request the background left, clips the page, and returns a ClipResponse as the result
 * of `scripting.executeScript`.
 */
import { clipDocument } from '@/lib/clip/pipeline';
import { hasMeaningfulSelection, selectionHtml } from '@/lib/clip/selection';
import { CLIP_REQUEST_GLOBAL, type ClipRequest, type ClipResponse } from '@/lib/background/clip-request';

export default defineContentScript({
  registration: 'runtime',
  main(): ClipResponse {
    const scope = globalThis as Record<string, unknown>;
    const request = (scope[CLIP_REQUEST_GLOBAL] as ClipRequest | undefined) ?? { mode: 'article' };
    delete scope[CLIP_REQUEST_GLOBAL];
    try {
      if (document.contentType === 'application/pdf') return { ok: false, error: 'PDF files are not supported yet.' };
      const mode = request.mode === 'article' && request.preferSelection && hasMeaningfulSelection(window) ? 'selection' : request.mode;
      const selected = mode === 'selection' ? selectionHtml(window) : undefined;
      if (mode === 'selection' && !selected) return { ok: false, error: 'Nothing is selected on the page.' };
      return { ok: true, draft: clipDocument(document, location.href, { mode, selectionHtml: selected, window }) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  },
});
