/**
 * The hand-off between the background and the on-demand clipper content script: the background sets
 * the request on the page's isolated-world global, then injects the clipper, which answers with a
 * ClipResponse (errors are returned, not thrown, so they reach the background intact).
 */
import type { ClipDraft, ClipMode } from '../clip/types';

/** Name of the global the first injection writes and the clipper reads. */
export const CLIP_REQUEST_GLOBAL = '__cairnClipRequest';

export interface ClipRequest {
  mode: ClipMode;
  /** Quick clip: clip the selection instead when the user has selected some text. */
  preferSelection?: boolean;
}

export type ClipResponse = { ok: true; draft: ClipDraft } | { ok: false; error: string };

/** Injected with `executeScript({ func, args })` before the clipper: leaves the request for it. Self-contained. */
export function setClipRequest(request: ClipRequest): void {
  (globalThis as Record<string, unknown>)['__cairnClipRequest'] = request;
}
