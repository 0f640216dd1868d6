/**
 * Everything the background does, as plain functions over injected dependencies (store, scripting,
 * tabs, feedback, categorizer), so the listeners in entrypoints/background.ts are one-liners and
 * every path runs in Node tests. No authoritative state lives here: the service worker may die at
 * any moment, so undo records go to the store, and the history cache is only an optimization.
 */
import type { Clip, ClipDraft, ClipMode } from '../clip/types';
import type { FilingHistory } from '../categorize/types';
import type { ClipStore } from '../db/clip-store';
import { dedupeKey, saveDraft, undoSave, updateClip, type SaveOutcome } from '../clip/save';
import type { CaptureResult, Handlers } from '../messaging';
import { captureTab, CaptureError, type ScriptingLike } from './capture';
import type { Feedback } from './feedback';
import { createHistoryCache } from './history-cache';
import { mergeCategories, moveCategory, renameTag, type OrganizeResult } from '../categorize/organize';
import { linkDraft } from './link-draft';
import { confidentCategory, draftAsInput, suggestForPage, trainingClips, type Categorizer, type LearnedCategorizer } from './suggest';
import type { UsageHandlers } from './usage-service';
import type { SyncHandlers } from './sync-service';
import { createBulkService } from './bulk';
import { createNearDuplicateFinder } from './near-duplicates';
import { createHighlightService, type HighlightOutcome } from './highlight-service';
import type { ClipAuthor } from '../clip/types';

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/** What a context-menu click carries (the subset of `menus.OnClickData` used). */
export interface MenuClickInfo {
  menuItemId: string | number;
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  pageUrl?: string;
}

export interface BackgroundDeps {
  store: ClipStore;
  scripting: ScriptingLike;
  tabs: { get(tabId: number): Promise<TabInfo> };
  feedback: Feedback;
  categorizer: Categorizer;
  /** The learned suggester, trained on the filed clips (own and team); without it the lexicon + history one answers. */
  learned?: LearnedCategorizer;
  buildHistory: (clips: Clip[]) => FilingHistory;
  t: (key: string, substitutions?: string[]) => string;
  now?: () => Date;
  /** Team sync's message handlers (lib/background/sync-service.ts); without it they say sync is off. */
  sync?: SyncHandlers;
  /** Usage counters, insights and feed (lib/background/usage-service.ts); without it they say usage is off. */
  usage?: UsageHandlers;
  /** Called after every local change to clips or the taxonomy (team sync debounces a push on it). */
  onLocalChange?: () => void;
  /** The connected team member (stamped on new highlights); absent or null when not in a team. */
  me?: () => Promise<ClipAuthor | null>;
}

/** Usage handlers used when the background runs without them (tests): reads answer zero, team calls refuse. */
const NO_USAGE: UsageHandlers = {
  'usage:open': () => ({ opens: 0, lastOpenedAt: null, helpful: false }),
  'usage:helpful': ({ helpful }) => ({ opens: 0, lastOpenedAt: null, helpful }),
  'usage:get': () => ({ opens: 0, lastOpenedAt: null, helpful: false }),
  'team:insights': () => Promise.reject(new Error('Team sync is not available.')),
  'team:feed': () => Promise.reject(new Error('Team sync is not available.')),
};

/** Handlers used when the background runs without team sync (tests, or before it is wired). */
const NO_SYNC: SyncHandlers = {
  'clip:share': () => Promise.reject(new Error('Team sync is not available.')),
  'team:status': () => ({ connection: null, sync: { status: 'idle', lastSyncedAt: null, pending: 0, lastError: null, failures: 0, retryAt: null } }),
  'team:connect': () => Promise.reject(new Error('Team sync is not available.')),
  'team:leave': () => Promise.reject(new Error('Team sync is not available.')),
  'team:info': () => Promise.reject(new Error('Team sync is not available.')),
  'sync:now': () => Promise.reject(new Error('Team sync is not available.')),
  'proposals:list': () => Promise.reject(new Error('Team sync is not available.')),
  'proposals:create': () => Promise.reject(new Error('Team sync is not available.')),
  'proposals:decide': () => Promise.reject(new Error('Team sync is not available.')),
};

/** How long a capture waits for the near-duplicate index (built once per worker life); the panel asks again after. */
const NEAR_DUPLICATE_BUDGET_MS = 400;

/** Ids of the context-menu items. */
export const MENU = { clipPage: 'cairn-clip-page', clipSelection: 'cairn-clip-selection', saveLink: 'cairn-save-link', highlight: 'cairn-highlight-selection' } as const;

/** The highlight command's name in the manifest. */
export const HIGHLIGHT_COMMAND = 'highlight';

/** The command name in the manifest. */
export const QUICK_CLIP_COMMAND = 'quick-clip';

/** Meta key of the undo record for the last quick clip (in the store, so it survives a worker restart). */
export const LAST_QUICK_CLIP = 'lastQuickClip';

interface UndoRecord {
  clipId: string;
  previous: Clip | null;
}

export type QuickClipOutcome = { ok: true; clip: Clip; previous: Clip | null } | { ok: false; error: string };

/** Build the background's services over `deps`. */
export function createBackgroundServices(deps: BackgroundDeps) {
  const { store, feedback, categorizer } = deps;
  const now = deps.now ?? (() => new Date());
  const history = createHistoryCache(() => store.list(), deps.buildHistory);
  const learner = deps.learned;
  const learnedModel = learner ? createHistoryCache(() => store.list(), (clips) => learner.train(trainingClips(clips))) : null;
  /** What suggestForPage ranks with: the taxonomy, filing history and (when wired) the learned model. */
  async function suggestSources(tags: string[] = []) {
    const [taxonomy, filing, model] = await Promise.all([store.getTaxonomy(), history.get(), learnedModel?.get() ?? null]);
    return { categorizer, taxonomy, filing, tags, learned: learner && model ? { model, categorizer: learner } : null };
  }
  const syncHandlers = deps.sync ?? NO_SYNC;
  const bulkService = createBulkService({ store, now, share: async (id, shared) => syncHandlers['clip:share']({ id, shared }, undefined) });
  const nearDuplicates = createNearDuplicateFinder(() => store.list());

  /** After any write: drop the cache and tell open pages. */
  async function changed(): Promise<void> {
    history.invalidate();
    learnedModel?.invalidate();
    nearDuplicates.invalidate();
    deps.onLocalChange?.();
    await feedback.clipsChanged();
  }

  /** After a merge, move or tag rename: caches dropped, pages told, a push scheduled. */
  async function organized(result: OrganizeResult): Promise<OrganizeResult> {
    await changed();
    return result;
  }

  async function tabFor(tabId: number, known?: TabInfo): Promise<TabInfo & { id: number }> {
    if (known?.id === tabId && known.url !== undefined) return { ...known, id: tabId };
    try {
      return { ...(await deps.tabs.get(tabId)), id: tabId };
    } catch {
      return { ...known, id: tabId };
    }
  }

  /** Extract a tab and gather what the clip form offers: suggestions, tags, and the existing clip. */
  async function capture(tabId: number, mode: ClipMode): Promise<CaptureResult> {
    const draft = await captureTab(deps.scripting, await tabFor(tabId), mode);
    return describeDraft(tabId, draft);
  }

  async function describeDraft(tabId: number, draft: ClipDraft): Promise<CaptureResult> {
    const input = draftAsInput(draft);
    const [sources, tags, existing, near] = await Promise.all([
      suggestSources(),
      store.allTags(),
      store.findByCanonicalUrl(dedupeKey(draft)),
      nearDuplicates.findWithin(draft, NEAR_DUPLICATE_BUDGET_MS).catch(() => null),
    ]);
    const others = near ? near.filter((n) => n.clip.id !== existing?.id) : null;
    return {
      tabId,
      draft,
      ...suggestForPage(input, { ...sources, tags }),
      existing,
      ...(others ? { nearDuplicates: others } : {}),
    };
  }

  /** Save without the form: filed under a confident suggestion (an existing clip keeps its filing). */
  async function saveQuick(tab: TabInfo | undefined, draft: ClipDraft): Promise<QuickClipOutcome> {
    const [sources, existing] = await Promise.all([suggestSources(), store.findByCanonicalUrl(dedupeKey(draft))]);
    const categoryId = existing ? undefined : confidentCategory(suggestForPage(draftAsInput(draft), sources).suggestions, sources.taxonomy);
    const outcome: SaveOutcome = await saveDraft(store, draft, categoryId === undefined ? {} : { categoryId }, { now: now() });
    await store.setMeta(LAST_QUICK_CLIP, { clipId: outcome.clip.id, previous: outcome.previous } satisfies UndoRecord);
    await changed();
    await feedback.succeeded(tab?.id);
    const label = deps.t(outcome.previous ? 'toastUpdated' : 'toastClipped', [outcome.clip.title]) || (outcome.previous ? 'Updated' : 'Clipped');
    await feedback.toast(tab?.id, outcome.clip.id, label);
    return { ok: true, ...outcome };
  }

  async function reportFailure(tab: TabInfo | undefined, err: unknown): Promise<QuickClipOutcome> {
    const message = err instanceof Error ? err.message : String(err);
    await feedback.failed(tab?.id, message);
    if (!(err instanceof CaptureError)) console.error('Cairn quick clip failed', err);
    return { ok: false, error: message };
  }

  /** Capture and save a tab at once (context menu, shortcut); failures show on the badge, never throw. */
  async function quickClip(tab: TabInfo | undefined, mode: ClipMode, options: { preferSelection?: boolean } = {}): Promise<QuickClipOutcome> {
    try {
      if (tab?.id === undefined) throw new CaptureError("Cairn can't read this page: there is no tab to clip.");
      const target = await tabFor(tab.id, tab);
      const draft = await captureTab(deps.scripting, target, mode, options);
      return await saveQuick(target, draft);
    } catch (err) {
      return reportFailure(tab, err);
    }
  }

  /** Save a link as a clip without opening it. */
  async function saveLink(tab: TabInfo | undefined, url: string, text?: string): Promise<QuickClipOutcome> {
    try {
      if (!/^(https?|ftp):/i.test(url)) throw new CaptureError(`Cairn can only save web links, not ${url.split(':')[0]}: links.`);
      return await saveQuick(tab, linkDraft(url, text));
    } catch (err) {
      return reportFailure(tab, err);
    }
  }

  const highlights = createHighlightService({
    store,
    scripting: deps.scripting,
    tabs: deps.tabs,
    me: deps.me,
    now,
    changed,
    clipTab: async (tab) => {
      const outcome = await quickClip(tab, 'article');
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.clip;
    },
  });

  /** Highlight from the menu or shortcut: failures show on the badge, never throw. */
  async function highlightQuick(tab: TabInfo | undefined): Promise<HighlightOutcome> {
    const outcome = await highlights.highlightSelection(tab);
    if (outcome.ok) await feedback.succeeded(tab?.id);
    else await feedback.failed(tab?.id, outcome.error);
    return outcome;
  }

  /** Undo the last quick clip of `clipId`. */
  async function undo(clipId: string): Promise<Clip> {
    const record = await store.getMeta<UndoRecord>(LAST_QUICK_CLIP);
    if (!record || record.clipId !== clipId) throw new Error('Nothing to undo: this clip was not the last quick clip.');
    const clip = await undoSave(store, record, now());
    await store.deleteMeta(LAST_QUICK_CLIP);
    await changed();
    return clip;
  }

  /** The handler a context-menu click runs. */
  function onMenuClick(info: MenuClickInfo, tab: TabInfo | undefined): Promise<QuickClipOutcome | HighlightOutcome> {
    switch (info.menuItemId) {
      case MENU.highlight:
        return highlightQuick(tab);
      case MENU.clipPage:
        return quickClip(tab, 'article');
      case MENU.clipSelection:
        return quickClip(tab, 'selection');
      case MENU.saveLink:
        return info.linkUrl ? saveLink(tab, info.linkUrl, info.linkText ?? info.selectionText) : reportFailure(tab, new Error('No link to save.'));
      default:
        return Promise.resolve({ ok: false, error: `Unknown menu item ${String(info.menuItemId)}` });
    }
  }

  /** The handler a keyboard command runs. */
  function onCommand(name: string, tab: TabInfo | undefined): Promise<QuickClipOutcome | HighlightOutcome> {
    if (name === HIGHLIGHT_COMMAND) return highlightQuick(tab);
    if (name === QUICK_CLIP_COMMAND) return quickClip(tab, 'article', { preferSelection: true });
    return Promise.resolve({ ok: false, error: `Unknown command ${name}` });
  }

  /** Answers to every request in the ProtocolMap. */
  const handlers: Handlers = {
    'clip:capture': ({ tabId, mode }) => capture(tabId, mode),
    'clip:save': async ({ draft, filing, replaceId }) => {
      const { clip } = await saveDraft(store, draft, filing, { now: now(), replaceId });
      await changed();
      return clip;
    },
    'clip:list': (req) => store.listItems(req ?? {}),
    'clips:all': () => store.list(),
    'clip:get': ({ id }) => store.get(id),
    'clip:update': async ({ id, patch }) => {
      const clip = await updateClip(store, id, patch, now());
      await changed();
      return clip;
    },
    'clip:delete': async ({ id }) => {
      await store.softDelete(id, now());
      await changed();
    },
    'clip:restore': async ({ id }) => {
      const clip = await store.restore(id, now());
      await changed();
      return clip;
    },
    'clip:undo': ({ id }) => undo(id),
    'taxonomy:get': () => store.getTaxonomy(),
    'taxonomy:save': async ({ categories }) => {
      const saved = await store.saveTaxonomy(categories);
      history.invalidate();
      deps.onLocalChange?.();
      return saved;
    },
    'tags:list': () => store.allTags(),
    'taxonomy:merge': async ({ fromId, intoId }) => organized(await mergeCategories(store, fromId, intoId, now())),
    'taxonomy:move': async ({ id, parentId }) => organized(await moveCategory(store, id, parentId, now())),
    'tags:rename': async ({ from, to }) => organized(await renameTag(store, from, to, now())),
    ...syncHandlers,
    ...(deps.usage ?? NO_USAGE),
    'clips:bulk': async ({ ids, action }) => {
      const outcome = await bulkService.bulk(ids, action);
      if (outcome.changed) await changed();
      return outcome;
    },
    'clips:revert': async ({ snapshot }) => {
      const n = await bulkService.revert(snapshot);
      await changed();
      return n;
    },
    'clips:import': async ({ clips }) => {
      const result = await bulkService.importBatch(clips, await store.getTaxonomy());
      await changed();
      return result;
    },
    'highlights:show': ({ tabId }) => highlights.show(tabId),
    'highlights:add': async ({ tabId, color }) => {
      const outcome = await highlights.highlightSelection({ id: tabId }, color);
      if (!outcome.ok) throw new Error(outcome.error);
      return { clip: outcome.clip, highlightId: outcome.highlight.id, orphans: outcome.orphans };
    },
    'highlights:edit': ({ clipId, highlightId, patch }) => highlights.edit(clipId, highlightId, patch),
    'highlights:remove': ({ clipId, highlightId }) => highlights.remove(clipId, highlightId),
    'clip:nearDuplicates': async ({ draft }) => {
      const [existing, near] = await Promise.all([store.findByCanonicalUrl(dedupeKey(draft)), nearDuplicates.find(draft)]);
      return near.filter((n) => n.clip.id !== existing?.id);
    },
    'clip:addNote': async ({ id, note }) => {
      const clip = await bulkService.addNote(id, note);
      await changed();
      return clip;
    },
  };

  return { capture, quickClip, saveLink, undo, onMenuClick, onCommand, handlers, history, highlights };
}

export type BackgroundServices = ReturnType<typeof createBackgroundServices>;
