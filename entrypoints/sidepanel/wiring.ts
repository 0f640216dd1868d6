/** The only place the panel and options pages touch browser APIs: messaging, tabs, settings storage. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isCairnEvent, isSyncEvent, type RuntimeLike, type TeamStatus } from '../../lib/messaging';
import { createTeamStore } from '../../lib/store/team';
import { resolveUiLang, type UiLang, type UiLangSetting } from '../../lib/i18n';
import { settingsItem, withDefaults } from '../../lib/settings';
import { createClipFormStore } from '../../lib/store/clip-form';
import { createLibraryStore } from '../../lib/store/library';
import { sendOver, type Send } from '../../lib/store/send';
import { createToastStore } from '../../lib/store/toast';
import { createSelectionStore } from '../../lib/store/selection';
import { createImportStore } from '../../lib/store/transfer';
import type { ScriptingLike } from '../../lib/background/capture';
import { createIdbClipSource } from '../../lib/recall/clip-source';
import { cacheRecordOf, catchUp, loadLibraryIndex } from '../../lib/recall/library-index';
import { readTabPage } from '../../lib/recall/page-access';
import { createIdbSnapshotCache } from '../../lib/recall/snapshot-cache';
import { createPageCategorizer } from '../../lib/recall/page-category';
import { createRecallStore, type FollowedTab } from '../../lib/store/recall';

const runtime = browser.runtime as unknown as RuntimeLike;

/** The stores of one page, talking to the background over runtime messaging. */
export function createServices() {
  const send: Send = sendOver(runtime);
  return { send, form: createClipFormStore(send), library: createLibraryStore(send), toasts: createToastStore(), recall: createRecall(), team: createTeamStore(send), selection: createSelectionStore(send), imports: createImportStore(send) };
}

/** The recall store: the index lives in this page (the service worker may die), read from IndexedDB. */
function createRecall() {
  const source = createIdbClipSource(indexedDB);
  const cache = createIdbSnapshotCache(indexedDB);
  const scripting = browser.scripting as unknown as ScriptingLike;
  const categorizer = createPageCategorizer(() => source.taxonomy());
  return createRecallStore({
    loadIndex: (onProgress) => loadLibraryIndex({ source, cache, onProgress }),
    catchUp: (li) => {
      categorizer.invalidate(); // the taxonomy may have changed too
      return catchUp(li, source);
    },
    categoryOf: async (info) => {
      const started = performance.now();
      const id = await categorizer.categoryOf(info);
      if (__CAIRN_E2E__) panelProbe().suggestMs.push(performance.now() - started);
      return id;
    },
    saveSnapshot: (li) => cache.save(cacheRecordOf(li)),
    getClip: (id) => source.get(id),
    readPage: (tabId) => {
      // Tests prove excluded sites are never read (and kept results need no read) by counting every injection.
      if (__CAIRN_E2E__) panelProbe().reads.push(tabId);
      return readTabPage(scripting, tabId);
    },
    excludedSites: async () => withDefaults(await settingsItem.getValue()).excludedSites,
  });
}

/** What E2E tests and benchmarks read from the panel (E2E build only). */
export interface PanelProbe {
  /** Tab ids of every page-reader injection. */
  reads: number[];
  /** Milliseconds each page categorization took. */
  suggestMs: number[];
  /** Related results committed to the DOM: the page URL and performance.now() at React's commit. */
  rendered: Array<{ url: string; at: number; items: number; cached: boolean; how: string | null; indexMs: number }>;
}

/** The panel's test probe, created on first use (callers check __CAIRN_E2E__ first). */
export function panelProbe(): PanelProbe {
  return ((globalThis as Record<string, unknown>).cairnPanelTest ??= { reads: [], suggestMs: [], rendered: [] } satisfies PanelProbe) as PanelProbe;
}

/**
 * Follow the tab the panel is about and call `onTab` on every switch and navigation (history.pushState
 * included). In a real side panel: the active tab of the panel's window. Opened as a tab (tests,
 * benchmarks): `?followWindow=ID` follows that window's active tab; `?tabId=N` alone stays on tab N.
 */
export function followTabs(onTab: (tab: FollowedTab | null, how: 'switch' | 'navigate') => void, search: string = location.search): () => void {
  const params = new URLSearchParams(search);
  const fixed = /^\d+$/.test(params.get('tabId') ?? '') ? Number(params.get('tabId')) : null;
  const followParam = /^\d+$/.test(params.get('followWindow') ?? '') ? Number(params.get('followWindow')) : null;
  const followsWindow = followParam !== null || fixed === null;
  let windowId: number | null = followParam;
  let current: number | null = null;
  let stopped = false;
  const emit = (tab: { id?: number; url?: string; title?: string } | undefined, how: 'switch' | 'navigate' = 'switch') => {
    if (stopped) return;
    if (!tab || tab.id === undefined) return onTab(null, how);
    // Never follow Cairn's own pages (the panel opened as a tab in the followed window).
    if (tab.url?.startsWith(location.origin + '/')) return;
    current = tab.id;
    onTab({ id: tab.id, url: tab.url ?? null, title: tab.title ?? null }, how);
  };
  const show = (tabId: number) => browser.tabs.get(tabId).then(emit, () => emit(undefined));

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (followsWindow && info.windowId === windowId) void show(info.tabId);
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { id?: number; url?: string; title?: string; status?: string }) => {
    if (tabId !== current) return;
    // A new document: wait for it to finish loading. A same-document (pushState) change: read now.
    if (change.status === 'complete' || (change.url !== undefined && tab.status === 'complete')) emit(tab, 'navigate');
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  void (async () => {
    if (!followsWindow) return show(fixed!);
    windowId ??= (await browser.windows.getCurrent()).id ?? null;
    const [tab] = await browser.tabs.query({ active: true, windowId: windowId ?? undefined });
    emit(tab);
  })().catch(() => emit(undefined));
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated as Parameters<typeof browser.tabs.onUpdated.removeListener>[0]);
  };
}

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Turn "Recall on every page" on (asks for the optional host permission; must run inside the user's
 * click) or off (gives the permission back). Resolves to whether it is now on.
 */
export async function setRecallEverywhere(on: boolean): Promise<boolean> {
  let granted = false;
  if (on) granted = await browser.permissions.request(ALL_SITES).catch(() => false);
  else await browser.permissions.remove(ALL_SITES).catch(() => false);
  const value = on && granted;
  await settingsItem.setValue({ ...withDefaults(await settingsItem.getValue()), recallEverywhere: value });
  return value;
}

/** The recall settings, following changes made elsewhere; `onChange` runs after each change. */
export function useRecallSettings(onChange?: () => void) {
  const [value, setValue] = useState(() => withDefaults(null));
  useEffect(() => {
    let live = true;
    settingsItem.getValue().then((v) => live && setValue(withDefaults(v)), () => {});
    const unwatch = settingsItem.watch((v) => { setValue(withDefaults(v)); onChange?.(); });
    const perm = () => onChange?.();
    browser.permissions.onAdded.addListener(perm);
    browser.permissions.onRemoved.addListener(perm);
    return () => { live = false; unwatch(); browser.permissions.onAdded.removeListener(perm); browser.permissions.onRemoved.removeListener(perm); };
  }, [onChange]);
  const setExcludedSites = async (sites: string[]) => {
    await settingsItem.setValue({ ...withDefaults(await settingsItem.getValue()), excludedSites: sites });
  };
  return { everywhere: value.recallEverywhere, excludedSites: value.excludedSites, setExcludedSites };
}
export type Services = ReturnType<typeof createServices>;

/** The tab to clip: `?tabId=` when given (e2e opens the panel as a tab), else the active tab of this window. */
export async function resolveTabId(search: string = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Call `onChange` whenever the background broadcasts that clips changed. */
export function onClipsChanged(onChange: () => void): () => void {
  const listener = (message: unknown) => {
    if (isCairnEvent(message)) onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Call `onStatus` whenever the background broadcasts a change of the team sync state. */
export function onSyncChanged(onStatus: (status: TeamStatus) => void): () => void {
  const listener = (message: unknown) => {
    if (isSyncEvent(message)) onStatus(message.status);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Ask for host access to the team server's origin alone (must run inside the user's click). */
export function grantTeamOrigin(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}

/** The "share new clips by default" setting, following changes made elsewhere. */
export function useShareByDefault(): [boolean, (on: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => {
    let live = true;
    settingsItem.getValue().then((v) => live && setValue(withDefaults(v).shareByDefault), () => {});
    const unwatch = settingsItem.watch((v) => setValue(withDefaults(v).shareByDefault));
    return () => { live = false; unwatch(); };
  }, []);
  const set = (on: boolean) => {
    setValue(on);
    settingsItem.getValue().then((v) => settingsItem.setValue({ ...withDefaults(v), shareByDefault: on })).catch(() => {});
  };
  return [value, set];
}

/** The UI language setting and the resolved language; follows changes made in other pages. */
export function useUiLang(): { setting: UiLangSetting; lang: UiLang; setSetting: (value: UiLangSetting) => void } {
  const [setting, setLocal] = useState<UiLangSetting>('auto');
  useEffect(() => {
    let live = true;
    settingsItem.getValue().then((v) => live && setLocal(withDefaults(v).uiLang), () => {});
    const unwatch = settingsItem.watch((v) => setLocal(withDefaults(v).uiLang));
    return () => { live = false; unwatch(); };
  }, []);
  const lang = resolveUiLang(setting, navigator.language);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  const setSetting = (value: UiLangSetting) => {
    setLocal(value);
    settingsItem.getValue().then((v) => settingsItem.setValue({ ...withDefaults(v), uiLang: value })).catch(() => {});
  };
  return { setting, lang, setSetting };
}

/** Open a URL in a new tab (the reader's source link works as a plain link too). */
export function openInNewTab(url: string): void {
  browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener,noreferrer'));
}
