/** The search index's state while it loads: progress for long builds, errors. Nothing once ready. */
import type { RecallState } from '../lib/store/recall';
import { useI18n } from './i18n';

export function IndexStatus({ index }: { index: RecallState['index'] }) {
  const { t } = useI18n();
  if (index.status === 'error') return <p className="notice error" role="alert">{t('index.error', { message: index.error ?? '' })}</p>;
  if (index.status === 'ready') return null;
  if (index.total > 0) {
    return (
      <div className="index-progress" role="status" data-testid="index-progress">
        <span className="small muted">{t('index.building', { done: index.done, total: index.total })}</span>
        <progress max={index.total} value={index.done} />
      </div>
    );
  }
  return <p className="loading" role="status">{t('index.loading')}</p>;
}
