/** The Settings screen: interface language, extra sections given as children, and the taxonomy editor. */
import type { ReactNode } from 'react';
import type { Category } from '../lib/categorize/types';
import { UI_LANGS, type UiLangSetting } from '../lib/i18n';
import { useI18n } from './i18n';
import { TaxonomyEditor } from './TaxonomyEditor';

export function Settings({ uiLang, onUiLang, taxonomy, taxonomyLoaded, clipCounts, onSaveTaxonomy, children }: {
  uiLang: UiLangSetting;
  onUiLang: (value: UiLangSetting) => void;
  taxonomy: readonly Category[];
  taxonomyLoaded: boolean;
  clipCounts: ReadonlyMap<string, number>;
  onSaveTaxonomy: (categories: Category[]) => Promise<unknown>;
  /** More sections (the side panel's related-knowledge settings). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="settings" data-testid="settings">
      <section className="field">
        <label htmlFor="ui-lang">{t('settings.language')}</label>
        <select id="ui-lang" className="input" data-testid="ui-lang" value={uiLang} onChange={(e) => onUiLang(e.target.value as UiLangSetting)}>
          <option value="auto">{t('settings.languageAuto')}</option>
          {UI_LANGS.map((l) => <option key={l} value={l} lang={l}>{t(`lang.${l}` as const)}</option>)}
        </select>
      </section>
      {children}
      {taxonomyLoaded
        ? <TaxonomyEditor taxonomy={taxonomy} clipCounts={clipCounts} onSave={onSaveTaxonomy} />
        : <p className="muted">{t('settings.loading')}</p>}
    </div>
  );
}
