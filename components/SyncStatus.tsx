/** The sync state in plain words: last synced, changes waiting, the last problem and what to do. */
import type { TeamStatus } from '../lib/messaging';
import type { MessageKey } from '../lib/i18n/en';
import { useI18n } from './i18n';

/** "3 minutes ago" in the UI language. */
export function relativeTime(at: number, now: number, lang: string): string {
  const seconds = Math.round((at - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

export function SyncStatus({ status, syncing, onSyncNow, now = Date.now() }: {
  status: TeamStatus | null;
  syncing: boolean;
  onSyncNow: () => void;
  now?: number;
}) {
  const { t, lang } = useI18n();
  if (!status?.connection) return null;
  const s = status.sync;
  const line =
    s.status === 'syncing' || syncing
      ? t('sync.syncing')
      : s.status === 'offline' && s.lastError
        ? t('sync.offline', { message: s.lastError.message })
        : s.status === 'error' && s.lastError
          ? t('sync.error', { message: s.lastError.message })
          : s.lastSyncedAt
            ? t('sync.synced', { when: relativeTime(s.lastSyncedAt, now, lang) })
            : t('sync.never');
  const adviceKey = s.lastError ? (`sync.advice.${s.lastError.kind}` as MessageKey) : null;
  const advice = adviceKey ? (t(adviceKey) !== adviceKey ? t(adviceKey) : s.lastError!.advice) : null;
  const problem = s.status === 'offline' || s.status === 'error';
  return (
    <div className={problem ? 'notice error sync-status' : 'sync-status muted small'} data-testid="sync-status" data-state={s.status} role="status">
      <p>{line}</p>
      {s.pending > 0 && <p data-testid="sync-pending">{s.pending === 1 ? t('sync.pendingOne') : t('sync.pending', { count: s.pending })}</p>}
      {problem && advice && <p data-testid="sync-advice">{advice}</p>}
      {problem && s.retryAt && <p className="small">{t('sync.retryAt', { time: new Date(s.retryAt).toLocaleTimeString(lang) })}</p>}
      <button type="button" className="link-button" data-testid="sync-now" disabled={syncing || s.status === 'syncing'} onClick={onSyncNow}>{t('sync.now')}</button>
    </div>
  );
}
