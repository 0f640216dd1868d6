/**
 * Capture a tab: inject the request, then the clipper, and return its draft. Injection failures
 * (browser pages, extension stores, other extensions' pages such as the PDF viewer, missing
 * permission) become "Cairn can't read this page: …" errors a person can understand.
 */
import type { ClipDraft, ClipMode } from '../clip/types';
import { setClipRequest, type ClipRequest, type ClipResponse } from './clip-request';

/** Path of the built clipper content script inside the extension. */
export const CLIPPER_FILE = '/content-scripts/clipper.js';

/** The slice of `browser.scripting` capture needs. */
export interface ScriptingLike {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[] };
    func?: (...args: never[]) => unknown;
    args?: unknown[];
    files?: string[];
  }): Promise<Array<{ result?: unknown; error?: unknown }> | undefined>;
}

/** An error meant for the user's eyes. */
export class CaptureError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CaptureError';
  }
}

const PREFIX = "Cairn can't read this page: ";

/** Why a URL can never be read by an extension, or null when it may be readable. */
export function unreadableReason(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname;
  switch (parsed.protocol) {
    case 'chrome:':
    case 'edge:':
    case 'brave:':
    case 'opera:':
    case 'vivaldi:':
    case 'about:':
    case 'view-source:':
    case 'devtools:':
    case 'chrome-search:':
    case 'resource:':
      return 'browser pages are protected from extensions.';
    case 'chrome-extension:':
    case 'moz-extension:':
    case 'extension:':
      return "it belongs to an extension (such as the browser's PDF viewer), and extensions can't read each other's pages.";
    case 'data:':
    case 'blob:':
    case 'javascript:':
      return 'this kind of address cannot be clipped.';
  }
  if (host === 'chromewebstore.google.com' || (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) || host === 'addons.mozilla.org' || host === 'microsoftedge.microsoft.com') {
    return 'the browser does not let extensions read its add-on store.';
  }
  return null;
}

/** Turn an executeScript failure into the message the user sees. */
export function injectionErrorMessage(err: unknown, url?: string): string {
  const byUrl = unreadableReason(url);
  if (byUrl) return PREFIX + byUrl;
  const raw = err instanceof Error ? err.message : String(err ?? '');
  if (/chrome-extension:\/\/|moz-extension:\/\/|different extension/i.test(raw)) {
    return PREFIX + "it belongs to an extension (such as the browser's PDF viewer), and extensions can't read each other's pages.";
  }
  if (/chrome:\/\/|about:|privileged/i.test(raw)) return PREFIX + 'browser pages are protected from extensions.';
  if (/gallery cannot be scripted|webstore/i.test(raw)) return PREFIX + 'the browser does not let extensions read its add-on store.';
  if (/file:\/\//i.test(raw) || url?.startsWith('file:')) {
    return PREFIX + 'to clip local files, turn on "Allow access to file URLs" for Cairn in the extensions page.';
  }
  if (/error page/i.test(raw)) return PREFIX + 'the page did not load.';
  if (/no tab with id|tab was closed|invalid tab/i.test(raw)) return PREFIX + 'the tab was closed.';
  if (/permission|cannot access contents/i.test(raw)) {
    return PREFIX + "Cairn has no access to it yet. Use Cairn's toolbar button, shortcut or right-click menu on the page: that grants access for this tab.";
  }
  return PREFIX + (raw || 'the browser refused to run the clipper.');
}

/** Extract `tabId` in `mode` via the clipper content script and return the draft. */
export async function captureTab(scripting: ScriptingLike, tab: { id: number; url?: string }, mode: ClipMode, options: { preferSelection?: boolean } = {}): Promise<ClipDraft> {
  const known = unreadableReason(tab.url);
  if (known) throw new CaptureError(PREFIX + known);
  const request: ClipRequest = { mode, preferSelection: options.preferSelection };
  let results: Array<{ result?: unknown; error?: unknown }> | undefined;
  try {
    await scripting.executeScript({ target: { tabId: tab.id }, func: setClipRequest as (...args: never[]) => unknown, args: [request] });
    results = await scripting.executeScript({ target: { tabId: tab.id }, files: [CLIPPER_FILE] });
  } catch (err) {
    throw new CaptureError(injectionErrorMessage(err, tab.url), { cause: err });
  }
  const first = results?.[0];
  if (first?.error) throw new CaptureError(PREFIX + String((first.error as Error)?.message ?? first.error));
  const response = first?.result as ClipResponse | undefined;
  if (!response || typeof response !== 'object' || !('ok' in response)) {
    throw new CaptureError(PREFIX + 'the clipper returned nothing (the page may still be loading; try again).');
  }
  if (!response.ok) throw new CaptureError(PREFIX + response.error);
  return response.draft;
}
