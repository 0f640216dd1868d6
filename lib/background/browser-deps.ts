/**
 * The one place the background's services meet the real `browser` APIs: builds BackgroundDeps from
 * the extension's `browser` object, creates the context menus, and opens the side panel / sidebar.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { buildFilingHistory } from '../categorize/history';
import { suggestCategories, suggestTags } from '../categorize/suggest';
import { suggest as suggestLearned, trainCategorizer } from '../categorize/learned';
import { ClipStore } from '../db/clip-store';
import type { ScriptingLike } from './capture';
import { createFeedback, type ActionLike } from './feedback';
import { MENU, type BackgroundDeps, type TabInfo } from './services';

/** The extension's `browser` object as WXT types it. */
export type Browser = typeof extensionBrowser;

/** `browser.action` on MV3, `browser.browserAction` on Firefox MV2. */
export function actionApi(browser: Browser): Browser['action'] | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: Browser['action'] }).browserAction;
}

/** `i18n.getMessage` without WXT's generated key union (keys live in public/_locales). */
function getMessage(browser: Browser): (key: string, substitutions?: string[]) => string {
  return browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string, substitutions?: string[]) => string;
}

/** Build the background's dependencies over the real extension APIs. */
export function browserDeps(browser: Browser): BackgroundDeps {
  const t = (key: string, substitutions?: string[]) => {
    try {
      return getMessage(browser)(key, substitutions);
    } catch {
      return '';
    }
  };
  const scripting = browser.scripting as unknown as ScriptingLike;
  return {
    store: new ClipStore(indexedDB),
    scripting,
    tabs: { get: (tabId) => browser.tabs.get(tabId) as Promise<TabInfo> },
    feedback: createFeedback({ action: actionApi(browser) as ActionLike | undefined, scripting, runtime: browser.runtime, t }),
    categorizer: { suggestCategories, suggestTags },
    buildHistory: buildFilingHistory,
    learned: { train: trainCategorizer, suggest: suggestLearned },
    t,
  };
}

let menusQueue: Promise<void> = Promise.resolve();

/** (Re)create the context-menu items; called on install, update and startup (one run at a time, so ids never clash). */
export function createMenus(browser: Browser): Promise<void> {
  const run = menusQueue.then(() => rebuildMenus(browser));
  menusQueue = run.catch(() => undefined);
  return run;
}

async function rebuildMenus(browser: Browser): Promise<void> {
  const menus = browser.contextMenus;
  const t = (key: string, fallback: string) => getMessage(browser)(key) || fallback;
  await menus.removeAll();
  menus.create({ id: MENU.clipPage, title: t('menuClipPage', 'Clip page'), contexts: ['page'] });
  menus.create({ id: MENU.clipSelection, title: t('menuClipSelection', 'Clip selection'), contexts: ['selection'] });
  menus.create({ id: MENU.saveLink, title: t('menuSaveLink', 'Save link'), contexts: ['link'] });
  menus.create({ id: MENU.highlight, title: t('menuHighlight', 'Highlight selection'), contexts: ['selection'] });
}

/**
 * Open the side panel (Chrome) or sidebar (Firefox). Must be called synchronously inside the
 * toolbar click: both browsers only allow it during the user's gesture, so nothing is awaited first.
 */
export function openPanel(browser: Browser, tab: TabInfo | undefined): Promise<void> {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } } }).chrome;
  if (chromeApi?.sidePanel?.open && tab?.id !== undefined) return chromeApi.sidePanel.open({ tabId: tab.id });
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('This browser has no side panel for Cairn.'));
}
