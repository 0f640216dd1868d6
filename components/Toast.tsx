/** The toast: a short status line with an optional Undo. */
import type { Toast as ToastData } from '../lib/store/toast';
import { useI18n } from './i18n';

export function Toast({ toast, onUndo, onDismiss }: { toast: ToastData | null; onUndo: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast">
          <span className="toast-message">{toast.message}</span>
          {toast.undo && (
            <button type="button" className="toast-undo" data-testid="toast-undo" onClick={onUndo}>{t('toast.undo')}</button>
          )}
          <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={onDismiss}>×</button>
        </div>
      )}
    </div>
  );
}
