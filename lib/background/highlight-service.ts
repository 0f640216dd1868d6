/**
 * Highlights from the background: highlight the selection of a tab (clipping the page first when the
 * library has no clip for it, as quick clip does), show a clip's highlights — the user's and the team's —
 * on the live page, and edit or remove them. Every change goes through the store in one transaction with
 * its sync mutation, so a shared clip's highlights reach the team.
 */
import type { Clip, ClipAuthor, Highlight } from '../clip/types';
import type { HighlightColor } from '../highlight/types';
import type { ClipStore } from '../db/clip-store';
import { newClipId } from '../clip/id';
import { normalizeUrl } from '../url/canonical';
import { editHighlight, liveHighlights, putHighlight, removeHighlightFrom } from '../annotate/clip-highlights';
import { callHighlighter, type HighlighterRequest, type HighlighterResponse } from '../annotate/request';
import { CaptureError, injectionErrorMessage, unreadableReason, type ScriptingLike } from './capture';
import type { TabInfo } from './services';

/** Path of the built highlighter content script inside the extension. */
export const HIGHLIGHTER_FILE = '/content-scripts/highlighter.js';

/** What showing a clip's highlights on a tab found. */
export interface ShowOutcome {
  clipId: string | null;
  shown: string[];
  /** Highlights whose text is no longer on the page: listed in the reader, never dropped. */
  orphans: string[];
}

export type HighlightOutcome = { ok: true; clip: Clip; previous: Clip | null; highlight: Highlight; orphans: string[] } | { ok: false; error: string };

export interface HighlightDeps {
  store: ClipStore;
  scripting: ScriptingLike;
  tabs: { get(tabId: number): Promise<TabInfo> };
  /** Clip the tab in article mode and save it (the quick-clip path); returns the saved clip. */
  clipTab: (tab: TabInfo & { id: number }) => Promise<Clip>;
  /** The connected member, stamped as the highlight's author (null when not in a team). */
  me?: () => Promise<ClipAuthor | null>;
  now?: () => Date;
  changed?: () => Promise<void>;
}

/** Run one request in the tab's page through the highlighter content script. */
export async function runInTab(scripting: ScriptingLike, tab: { id: number; url?: string }, request: HighlighterRequest): Promise<HighlighterResponse> {
  const known = unreadableReason(tab.url);
  if (known) throw new CaptureError("Cairn can't read this page: " + known);
  let results: Array<{ result?: unknown; error?: unknown }> | undefined;
  try {
    await scripting.executeScript({ target: { tabId: tab.id }, files: [HIGHLIGHTER_FILE] });
    results = await scripting.executeScript({ target: { tabId: tab.id }, func: callHighlighter as (...args: never[]) => unknown, args: [request] });
  } catch (err) {
    throw new CaptureError(injectionErrorMessage(err, tab.url), { cause: err });
  }
  const response = results?.[0]?.result as HighlighterResponse | undefined;
  if (!response || typeof response !== 'object' || !('ok' in response)) throw new CaptureError("Cairn can't read this page: the highlighter returned nothing.");
  return response;
}

/** The normalized form of a URL, the key clips are found by (the raw URL when it does not parse). */
function urlKey(url: string): string {
  try {
    return normalizeUrl(url);
  } catch {
    return url;
  }
}

/** Build the highlight service over `deps`. */
export function createHighlightService(deps: HighlightDeps) {
  const now = deps.now ?? (() => new Date());

  async function tabFor(tab: TabInfo): Promise<TabInfo & { id: number }> {
    if (tab.id === undefined) throw new CaptureError("Cairn can't read this page: there is no tab.");
    if (tab.url !== undefined) return { ...tab, id: tab.id };
    return { ...(await deps.tabs.get(tab.id).catch(() => ({}))), id: tab.id };
  }

  /** The live clip for a page URL, or null. */
  async function clipForUrl(url: string | undefined): Promise<Clip | null> {
    if (!url) return null;
    const clip = await deps.store.findByCanonicalUrl(urlKey(url));
    return clip && !clip.deletedAt ? clip : null;
  }

  /** Show `clip`'s live highlights in the tab; returns the orphans. */
  async function showClip(tab: TabInfo & { id: number }, clip: Clip | null): Promise<ShowOutcome> {
    const list = liveHighlights(clip).map(({ id, anchor, color }) => ({ id, anchor, color }));
    // A page whose clip never had highlights is never injected; one whose last highlight was removed is, to clear its marks.
    if (!clip || (clip.highlights ?? []).length === 0) return { clipId: clip?.id ?? null, shown: [], orphans: [] };
    const response = await runInTab(deps.scripting, tab, { action: 'show', highlights: list });
    if (!response.ok) throw new Error(response.error);
    if (response.action !== 'show') throw new Error('The highlighter answered the wrong request.');
    return { clipId: clip.id, shown: response.shown, orphans: response.orphans };
  }

  /** Highlight the tab's selection: describe it, find or make the page's clip, add the highlight, show all. */
  async function highlightSelection(tabInfo: TabInfo | undefined, color: HighlightColor = 'yellow'): Promise<HighlightOutcome> {
    try {
      const tab = await tabFor(tabInfo ?? {});
      const described = await runInTab(deps.scripting, tab, { action: 'describe' });
      if (!described.ok) throw new CaptureError(described.error);
      if (described.action !== 'describe') throw new Error('The highlighter answered the wrong request.');
      const existing = (await clipForUrl(described.url)) ?? (await clipForUrl(tab.url));
      const base = existing ?? (await deps.clipTab(tab));
      const at = now().toISOString();
      const author = (await deps.me?.()) ?? null;
      const highlight: Highlight = { id: newClipId(now().getTime()), anchor: described.anchor, color, note: '', ...(author ? { author } : {}), createdAt: at };
      const previous = existing ?? null;
      const clip = await updateHighlights(base.id, (list) => putHighlight(list, highlight), at);
      const shown = await showClip(tab, clip);
      return { ok: true, clip, previous, highlight, orphans: shown.orphans };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Change a clip's highlight list in one transaction (with its sync mutation). */
  async function updateHighlights(clipId: string, change: (list: Highlight[]) => Highlight[], at: string): Promise<Clip> {
    const [written] = await deps.store.writeMany([clipId], (_id, previous) => (previous ? { ...previous, highlights: change(previous.highlights ?? []), updatedAt: at } : null));
    if (!written) throw new Error('Cairn could not find the clip for this highlight.');
    await deps.changed?.();
    return written.clip;
  }

  /** Re-show the highlights of the tab's page (own and team); null clipId when the page has no clip. */
  async function show(tabId: number): Promise<ShowOutcome> {
    const tab = await tabFor({ id: tabId });
    return showClip(tab, await clipForUrl(tab.url));
  }

  return {
    highlightSelection,
    show,
    edit: (clipId: string, highlightId: string, patch: Partial<Pick<Highlight, 'note' | 'color'>>) => {
      const at = now().toISOString();
      return updateHighlights(clipId, (list) => editHighlight(list, highlightId, patch, at), at);
    },
    remove: (clipId: string, highlightId: string) => {
      const at = now().toISOString();
      return updateHighlights(clipId, (list) => removeHighlightFrom(list, highlightId, at), at);
    },
  };
}

export type HighlightService = ReturnType<typeof createHighlightService>;
