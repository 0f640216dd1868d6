/** The only place the panel and options pages touch browser APIs: messaging, tabs, settings storage. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isCairnEvent, type RuntimeLike } from '../../lib/messaging';
import { resolveUiLang, type UiLang, type UiLangSetting } from '../../lib/i18n';
import { settingsItem, withDefaults } from '../../lib/settings';
import { createClipFormStore } from '../../lib/store/clip-form';
import { createLibraryStore } from '../../lib/store/library';
import { sendOver, type Send } from '../../lib/store/send';
import { createToastStore } from '../../lib/store/toast';

const runtime = browser.runtime as unknown as RuntimeLike;

/** The stores of one page, talking to the background over runtime messaging. */
export function createServices() {
  const send: Send = sendOver(runtime);
  return { send, form: createClipFormStore(send), library: createLibraryStore(send), toasts: createToastStore() };
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
