/**
 * Background wiring only: build the services, then register every listener synchronously (an
 * awaited start would lose events that woke the worker). Logic lives in lib/background/.
 */
import { browser } from 'wxt/browser';
import { onMessages, type RuntimeLike } from '@/lib/messaging';
import { actionApi, browserDeps, createMenus, openPanel } from '@/lib/background/browser-deps';
import { createBackgroundServices, type MenuClickInfo, type TabInfo } from '@/lib/background/services';

export default defineBackground(() => {
  const services = createBackgroundServices(browserDeps(browser));
  const report = (what: string) => (err: unknown) => console.error(`Cairn: ${what} failed`, err);

  // Chrome keeps menus across restarts; Firefox does not, so they are rebuilt at every startup too.
  const menus = () => void createMenus(browser).catch(report('creating menus'));
  browser.runtime.onInstalled.addListener(menus);
  browser.runtime.onStartup.addListener(menus);
  browser.contextMenus.onClicked.addListener((info, tab) => void services.onMenuClick(info as MenuClickInfo, tab as TabInfo));
  browser.commands.onCommand.addListener((name, tab) => void services.onCommand(name, tab as TabInfo | undefined));
  actionApi(browser)?.onClicked.addListener((tab) => void openPanel(browser, tab as TabInfo).catch(report('opening the side panel')));
  onMessages(browser.runtime as unknown as RuntimeLike, services.handlers);

  if (__CAIRN_E2E__) {
    // Headless Chromium cannot click the toolbar or a menu: tests call the very handlers the listeners call.
    (globalThis as Record<string, unknown>).cairnTest = {
      menuClick: (info: MenuClickInfo, tab: TabInfo) => services.onMenuClick(info, tab),
      command: (name: string, tab: TabInfo) => services.onCommand(name, tab),
      clipTab: (tabId: number, mode: Parameters<typeof services.quickClip>[1] = 'article') => services.quickClip({ id: tabId }, mode),
    };
  }
});
