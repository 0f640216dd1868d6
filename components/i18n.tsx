/** React access to the i18n layer: the current language, `t`, Intl formatters and category names. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Category } from '../lib/categorize/types';
import { createTranslator, formatDate, formatNumber, nameLang, type Translate, type UiLang } from '../lib/i18n';

export interface I18n {
  lang: UiLang;
  t: Translate;
  date(value: string | Date | null | undefined): string;
  number(value: number): string;
  /** A category's name in the UI language, falling back to the other language's name. */
  categoryName(category: Category): string;
}

/** Build the I18n value for a language. */
export function makeI18n(lang: UiLang): I18n {
  const which = nameLang(lang);
  const other = which === 'en' ? 'zh' : 'en';
  return {
    lang,
    t: createTranslator(lang),
    date: (v) => formatDate(v, lang),
    number: (n) => formatNumber(n, lang),
    categoryName: (c) => c.name[which]?.trim() || c.name[other]?.trim() || c.id,
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

/** Provide the UI language to every component below. */
export function I18nProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current I18n value. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** "Parent / Child" path of a category in the UI language ('' when unknown or null). */
export function useCategoryPath(taxonomy: readonly Category[]): (id: string | null) => string {
  const { categoryName } = useI18n();
  return useMemo(() => {
    const byId = new Map(taxonomy.map((c) => [c.id, c]));
    return (id: string | null) => {
      const names: string[] = [];
      const seen = new Set<string>();
      for (let c = id ? byId.get(id) : undefined; c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
        seen.add(c.id);
        names.unshift(categoryName(c));
      }
      return names.join(' / ');
    };
  }, [taxonomy, categoryName]);
}
