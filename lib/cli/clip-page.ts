import type { Category } from '../categorize/types';
import { suggestCategories, suggestTags } from '../categorize/suggest';
import { newClipId } from '../clip/id';
import { clipDocument } from '../clip/pipeline';
import type { Clip, ClipMode } from '../clip/types';
import type { LoadedPage } from './load-page';

/** Options for clipping one page in Node. */
export interface ClipPageOptions {
  mode: ClipMode;
  taxonomy: Category[];
  /** Milliseconds since the epoch: the clip's id time and createdAt. */
  now: number;
}

/**
 * Parse a page with jsdom (no scripts run, no resources loaded), run the capture pipeline on it and file
 * the draft: top category suggestion and suggested tags. The jsdom window is closed before returning.
 */
export async function clipPage(page: LoadedPage, options: ClipPageOptions): Promise<Clip> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // A silent console: jsdom otherwise prints every CSS it cannot parse.
  const dom = new JSDOM(page.html, { url: safeUrl(page.url), contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const window = dom.window as unknown as Window;
    const draft = clipDocument(window.document, page.url, { mode: options.mode, window });
    const input = { url: draft.url, title: draft.title, siteName: draft.siteName, text: draft.text, lang: draft.lang };
    const top = suggestCategories(input, options.taxonomy)[0];
    const createdAt = new Date(options.now).toISOString();
    return {
      ...draft,
      id: newClipId(options.now),
      categoryId: top?.categoryId ?? null,
      tags: suggestTags(input, []),
      note: '',
      visibility: 'private',
      createdAt,
      updatedAt: createdAt,
      deletedAt: null,
    };
  } finally {
    dom.window.close();
  }
}

/** jsdom needs an absolute URL; anything it cannot take becomes about:blank. */
function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}
