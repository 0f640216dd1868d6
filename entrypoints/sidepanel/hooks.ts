/** Hooks shared by the panel and the options page. */
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../components/i18n';
import type { ClipListItem } from '../../lib/clip/types';
import { errorMessage } from '../../lib/store/send';
import type { Services } from './wiring';

/** Run the toast's undo, then say whether it worked, and refresh the library. */
export function useUndo(services: Services) {
  const { t } = useI18n();
  const { toasts, library } = services;
  return useCallback(async () => {
    const toast = toasts.getState().toast;
    if (!toast?.undo) return;
    toasts.getState().dismiss(toast.id);
    try {
      await toast.undo();
      toasts.getState().show(t('toast.undone'));
    } catch (err) {
      toasts.getState().show(t('toast.undoFailed', { message: errorMessage(err) }));
    }
    void library.getState().refresh();
  }, [toasts, library, t]);
}

/** Clips filed directly in each category (what blocks deleting a category). */
export function useDirectCounts(clips: readonly ClipListItem[]): Map<string, number> {
  return useMemo(() => {
    const m = new Map<string, number>();
    for (const c of clips) if (c.categoryId) m.set(c.categoryId, (m.get(c.categoryId) ?? 0) + 1);
    return m;
  }, [clips]);
}
