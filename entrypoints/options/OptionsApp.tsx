/** The options page: the same Settings screen as the panel (language, taxonomy), in a wider layout. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ErrorNotice } from '../../components/ErrorNotice';
import { I18nProvider, useI18n } from '../../components/i18n';
import { Settings } from '../../components/Settings';
import { Toast } from '../../components/Toast';
import { useDirectCounts, useUndo } from '../sidepanel/hooks';
import { onClipsChanged, useUiLang, type Services } from '../sidepanel/wiring';

export function OptionsApp({ services }: { services: Services }) {
  const { lang, setting, setSetting } = useUiLang();
  return (
    <I18nProvider lang={lang}>
      <OptionsPage services={services} uiLang={setting} onUiLang={setSetting} />
    </I18nProvider>
  );
}

function OptionsPage({ services, uiLang, onUiLang }: { services: Services; uiLang: Parameters<typeof Settings>[0]['uiLang']; onUiLang: (v: typeof uiLang) => void }) {
  const { t } = useI18n();
  const { library, toasts } = services;
  const lib = useStore(library);
  const toast = useStore(toasts, (s) => s.toast);
  const undo = useUndo(services);
  useEffect(() => {
    document.title = t('options.title');
  }, [t]);
  useEffect(() => {
    void library.getState().load();
    return onClipsChanged(() => void library.getState().refresh());
  }, [library]);
  const directCounts = useDirectCounts(lib.clips);

  return (
    <div className="app options-page">
      <h1>{t('options.title')}</h1>
      {lib.status === 'error' && lib.error && <ErrorNotice message={lib.error} onRetry={() => void library.getState().load()} />}
      <Settings
        uiLang={uiLang}
        onUiLang={onUiLang}
        taxonomy={lib.taxonomy}
        taxonomyLoaded={lib.status === 'ready'}
        clipCounts={directCounts}
        onSaveTaxonomy={(categories) => library.getState().saveTaxonomy(categories)}
      />
      <Toast toast={toast} onUndo={undo} onDismiss={() => toasts.getState().dismiss()} />
    </div>
  );
}
