/**
 * The one UI text layer: pick a language (setting, else the browser's), translate keys with
 * `{placeholder}` parameters, and format dates and numbers through Intl.
 */
import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey, Dictionary } from './en';

/** Languages the UI is written in. */
export type UiLang = 'en' | 'zh-CN';
/** The user's choice: a language, or follow the browser. */
export type UiLangSetting = UiLang | 'auto';

/** The supported UI languages, in menu order. */
export const UI_LANGS: readonly UiLang[] = ['en', 'zh-CN'];

const DICTIONARIES: Record<UiLang, Dictionary> = { en, 'zh-CN': zhCN };

/** The dictionary for a language (exported so tests can compare them). */
export function dictionaryFor(lang: UiLang): Dictionary {
  return DICTIONARIES[lang];
}

/** Map a browser language tag to a UI language: any `zh*` → zh-CN, anything else → en. */
export function langFromLocale(locale: string | null | undefined): UiLang {
  return locale && /^zh(\b|[-_])/i.test(locale.trim()) ? 'zh-CN' : 'en';
}

/** The UI language: the explicit setting wins, else the browser's language. */
export function resolveUiLang(setting: UiLangSetting | null | undefined, browserLocale: string | null | undefined): UiLang {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return langFromLocale(browserLocale);
}

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Names of the `{placeholders}` in a message, sorted and de-duplicated. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  return [...names].sort();
}

/** Fill `{name}` placeholders; a missing parameter stays visible as `{name}` so it is noticed. */
export function interpolate(message: string, params?: MessageParams, lang: UiLang = 'en'): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Build `t(key, params)` for a language; unknown keys fall back to English, then to the key. */
export function createTranslator(lang: UiLang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) => interpolate(dict[key] ?? en[key] ?? key, params, lang);
}

/** A number in the UI language's conventions. */
export function formatNumber(value: number, lang: UiLang): string {
  return new Intl.NumberFormat(lang).format(value);
}

/** A date (ISO string or Date) as a medium date, e.g. "Mar 5, 2024" / "2024年3月5日"; '' if invalid. */
export function formatDate(value: string | Date | null | undefined, lang: UiLang): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
}

/** The display name of a content language tag (e.g. `zh` → "Chinese" / "中文"), or the tag itself. */
export function formatLanguageName(tag: string, lang: UiLang): string {
  if (!tag || tag === 'und') return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Which of a category's two names to show for a UI language. */
export function nameLang(lang: UiLang): 'en' | 'zh' {
  return lang === 'zh-CN' ? 'zh' : 'en';
}
