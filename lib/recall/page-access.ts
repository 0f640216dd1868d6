/**
 * May Cairn read this tab for "Related to this page"? Decided from the URL alone, before anything is
 * injected: protected browser pages, sites the user excluded, and tabs whose URL the browser hides
 * (no activeTab grant or host permission: without the `tabs` permission a tab's URL is visible only
 * where Cairn may read it, so a missing URL means "no access").
 */
import { unreadableReason, type ScriptingLike } from '../background/capture';
import { isExcludedUrl } from './exclusions';
import type { PageInfo } from './page-text';

/** Path of the built page-reader content script. */
export const PAGE_READER_FILE = '/content-scripts/page-reader.js';

export type PageAccess =
  | { kind: 'readable' }
  | { kind: 'no-access' }
  | { kind: 'excluded' }
  | { kind: 'unreadable'; reason: string };

/** Decide from the tab's URL; never touches the page. */
export function pageAccess(url: string | null | undefined, excludedSites: readonly string[]): PageAccess {
  if (!url) return { kind: 'no-access' };
  const reason = unreadableReason(url);
  if (reason) return { kind: 'unreadable', reason };
  if (!/^(https?|file):/i.test(url)) return { kind: 'unreadable', reason: 'this kind of address cannot be read.' };
  if (isExcludedUrl(url, excludedSites)) return { kind: 'excluded' };
  return { kind: 'readable' };
}

/** The browser refused to run the reader: no permission for this tab (yet). */
export class NoAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAccessError';
  }
}

/** Inject the page reader into `tabId` (top frame) and return what it read. */
export async function readTabPage(scripting: ScriptingLike, tabId: number): Promise<PageInfo> {
  let results;
  try {
    results = await scripting.executeScript({ target: { tabId }, files: [PAGE_READER_FILE] });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/permission|cannot access|must request/i.test(message)) throw new NoAccessError(message);
    throw err;
  }
  const info = results?.[0]?.result as PageInfo | undefined;
  if (!info || typeof info !== 'object' || typeof info.text !== 'string') throw new Error('The page reader returned nothing (the page may still be loading).');
  return info;
}
