/**
 * User settings kept in extension local storage (WXT storage item, versioned so later fields can
 * migrate). Only small preferences live here; clips and the taxonomy live in IndexedDB.
 */
import { storage } from 'wxt/utils/storage';
import type { UiLangSetting } from './i18n';
import { DEFAULT_EXCLUDED_SITES } from './recall/exclusions';

/** Everything the user can set in the Settings screen. */
export interface Settings {
  /** UI language; 'auto' follows the browser. */
  uiLang: UiLangSetting;
  /** "Recall on every page": the user granted the optional host permission for automatic updates. */
  recallEverywhere: boolean;
  /** Sites Cairn never reads for related knowledge (patterns, see lib/recall/exclusions.ts). */
  excludedSites: string[];
  /** Team sync: the clip form's "Share with the team" starts checked (when a team is connected). */
  shareByDefault: boolean;
}

/** Settings before the user has changed anything. */
export const DEFAULT_SETTINGS: Settings = { uiLang: 'auto', recallEverywhere: false, excludedSites: [...DEFAULT_EXCLUDED_SITES], shareByDefault: false };

/** The `local:settings` item (version 1). */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 1,
  fallback: DEFAULT_SETTINGS,
});

/** Fill missing fields from the defaults (older or hand-edited values stay readable). */
export function withDefaults(value: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(value ?? {}) };
}
