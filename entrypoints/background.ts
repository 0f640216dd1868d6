/**
 * Background wiring only: build the services, then register every listener synchronously (an
 * awaited start would lose events that woke the worker). Logic lives in lib/background/.
 */
import { browser } from 'wxt/browser';
import { onMessages, type RuntimeLike } from '@/lib/messaging';
import { actionApi, browserDeps, createMenus, openPanel } from '@/lib/background/browser-deps';
import { createBackgroundServices, type MenuClickInfo, type TabInfo } from '@/lib/background/services';
import { createSyncService, SYNC_ALARM } from '@/lib/background/sync-service';
import { createUsageService } from '@/lib/background/usage-service';
import { seedClips } from '@/lib/background/seed-clips';
import type { Clip } from '@/lib/clip/types';
import { TEAM_CONNECTION, type TeamConnection } from '@/lib/sync/connection';

export default defineBackground(() => {
  const deps = browserDeps(browser);
  const sync = createSyncService({
    store: deps.store,
    fetch: (url, init) => fetch(url, init),
    broadcast: (status) => browser.runtime.sendMessage({ cairnEvent: 'sync-changed', status }).then(() => undefined, () => undefined),
    clipsChanged: () => deps.feedback.clipsChanged(),
  });
  const usage = createUsageService({ store: deps.store, fetch: (url, init) => fetch(url, init), onQueued: () => sync.schedule() });
  // New highlights carry the connected member as author (the server stamps it too).
  const me = async () => (await deps.store.getMeta<TeamConnection>(TEAM_CONNECTION))?.member ?? null;
  const services = createBackgroundServices({ ...deps, sync: sync.handlers, usage, me: async () => { const m = await me(); return m ? { id: m.id, name: m.name } : null; }, onLocalChange: () => sync.schedule() });
  const report = (what: string) => (err: unknown) => console.error(`Cairn: ${what} failed`, err);

  // Chrome keeps menus across restarts; Firefox does not, so they are rebuilt at every startup too.
  const menus = () => void createMenus(browser).catch(report('creating menus'));
  browser.runtime.onInstalled.addListener(menus);
  browser.runtime.onStartup.addListener(menus);
  browser.contextMenus.onClicked.addListener((info, tab) => void services.onMenuClick(info as MenuClickInfo, tab as TabInfo));
  browser.commands.onCommand.addListener((name, tab) => void services.onCommand(name, tab as TabInfo | undefined));
  actionApi(browser)?.onClicked.addListener((tab) => void openPanel(browser, tab as TabInfo).catch(report('opening the side panel')));
  onMessages(browser.runtime as unknown as RuntimeLike, services.handlers);

  // Team sync: a periodic alarm (survives the worker dying), and a sync when the browser starts.
  const startSync = () => {
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    void sync.syncNow().catch(report('syncing at start-up'));
  };
  browser.runtime.onInstalled.addListener(startSync);
  browser.runtime.onStartup.addListener(startSync);
  browser.alarms.onAlarm.addListener((alarm) => void (alarm.name === SYNC_ALARM && sync.onAlarm().catch(report('periodic sync'))));

  if (__CAIRN_E2E__) {
    // Headless Chromium cannot click the toolbar or a menu: tests call the very handlers the listeners call.
    (globalThis as Record<string, unknown>).cairnTest = {
      menuClick: (info: MenuClickInfo, tab: TabInfo) => services.onMenuClick(info, tab),
      command: (name: string, tab: TabInfo) => services.onCommand(name, tab),
      syncNow: () => sync.syncNow(),
      showHighlights: (tabId: number) => services.highlights.show(tabId),
      clipTab: (tabId: number, mode: Parameters<typeof services.quickClip>[1] = 'article') => services.quickClip({ id: tabId }, mode),
      // Benchmarks fill the library with thousands of clips, one transaction per batch; open pages are told.
      seedClips: async (clips: Clip[]) => {
        const n = await seedClips(clips, indexedDB);
        await deps.feedback.clipsChanged();
        return n;
      },
    };
  }
});
