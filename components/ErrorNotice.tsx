/** A capture/load error in plain words: what happened, what to do, and the raw detail folded away. */
import type { MessageKey } from '../lib/i18n';
import { useI18n } from './i18n';

/** Which plain-words advice fits an error message from the background or the browser. */
export function adviceFor(message: string): MessageKey {
  const m = message.toLowerCase();
  if (/no tab|no active tab|tab (was )?closed|no tab with id/.test(m)) return 'error.noTab';
  if (/no answer|receiving end does not exist|could not establish connection/.test(m)) return 'error.noAnswer';
  if (/selection|nothing selected/.test(m)) return 'error.noSelection';
  if (/chrome:|about:|edge:|moz-extension:|chrome-extension:|webstore|addons\.mozilla|extensions gallery|cannot be scripted|restricted|file:|view-source:|pdf/.test(m)) return 'error.restricted';
  if (/permission|activetab|cannot access contents|missing host/.test(m)) return 'error.permission';
  return 'error.generic';
}

export function ErrorNotice({ message, title, onRetry }: { message: string; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice error" role="alert" data-testid="error">
      <strong>{title ?? t('error.title')}</strong>
      <p>{t(adviceFor(message))}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <code className="error-detail">{message}</code>
      </details>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>{t('error.retry')}</button>
      )}
    </div>
  );
}
