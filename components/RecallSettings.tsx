/** Settings for related knowledge: the opt-in "Recall on every page" and the sites Cairn never reads. */
import { useEffect, useState } from 'react';
import { DEFAULT_EXCLUDED_SITES, parseExcludedSites } from '../lib/recall/exclusions';
import { useI18n } from './i18n';

export function RecallSettings({ everywhere, excludedSites, onEverywhere, onExcludedSites }: {
  everywhere: boolean;
  excludedSites: readonly string[];
  /** Resolves to whether the setting is now on (the browser may refuse the permission). */
  onEverywhere: (on: boolean) => Promise<boolean>;
  onExcludedSites: (sites: string[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const [denied, setDenied] = useState(false);
  const [text, setText] = useState(excludedSites.join('\n'));
  const [saved, setSaved] = useState(false);
  useEffect(() => { setText(excludedSites.join('\n')); }, [excludedSites]);

  return (
    <section className="field recall-settings">
      <h2 className="section-title">{t('settings.recall')}</h2>
      <label className="check">
        <input
          type="checkbox"
          data-testid="settings-recall-everywhere"
          checked={everywhere}
          onChange={(e) => {
            const want = e.target.checked;
            setDenied(false);
            void onEverywhere(want).then((on) => setDenied(want && !on));
          }}
        />
        {t('settings.recallEverywhere')}
      </label>
      <p className="muted small">{t('settings.recallEverywhereHelp')}</p>
      {denied && <p className="notice info">{t('settings.recallDenied')}</p>}
      <label htmlFor="excluded-sites">{t('settings.excludedSites')}</label>
      <textarea
        id="excluded-sites"
        className="input"
        rows={6}
        spellCheck={false}
        data-testid="settings-excluded-sites"
        value={text}
        onChange={(e) => { setText(e.target.value); setSaved(false); }}
      />
      <p className="muted small">{t('settings.excludedSitesHelp')}</p>
      <div className="form-actions">
        <button type="button" className="button" data-testid="settings-excluded-save" onClick={() => void onExcludedSites(parseExcludedSites(text)).then(() => setSaved(true))}>{t('settings.excludedSave')}</button>
        <button type="button" className="link-button" onClick={() => setText(DEFAULT_EXCLUDED_SITES.join('\n'))}>{t('settings.excludedReset')}</button>
        {saved && <span className="muted small" role="status">{t('settings.excludedSaved')}</span>}
      </div>
    </section>
  );
}
