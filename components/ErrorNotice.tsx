/** A capture/load error in plain words: what happened, what to do, and the raw detail folded away. */
import { adviceFor } from '../lib/i18n/error-advice';
import { useI18n } from './i18n';

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
