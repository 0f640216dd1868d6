/** The Library's bulk-edit bar: what is selected and the edits for all of it (move, tag, share, delete). */
import { useState } from 'react';
import type { Category } from '../lib/categorize/types';
import type { BulkAction } from '../lib/background/bulk';
import { flattenTree } from '../lib/store/taxonomy-tree';
import { useI18n } from './i18n';

export function BulkBar({ count, taxonomy, canShare, busy, error, onRun, onClear }: {
  count: number;
  taxonomy: readonly Category[];
  /** Share/unshare show only when a team is connected. */
  canShare: boolean;
  busy: boolean;
  error: string | null;
  onRun: (action: BulkAction) => void;
  onClear: () => void;
}) {
  const { t, categoryName } = useI18n();
  const [tag, setTag] = useState('');
  if (count === 0) return null;
  return (
    <div className="bulk-bar" data-testid="bulk-bar" role="toolbar" aria-label={t('bulk.selected', { count })} aria-busy={busy}>
      <span className="small">{t('bulk.selected', { count })}</span>
      <select
        data-testid="bulk-move"
        aria-label={t('bulk.move')}
        value=""
        disabled={busy}
        onChange={(e) => { if (e.target.value) onRun({ kind: 'move', categoryId: e.target.value === '\u0000' ? null : e.target.value }); }}
      >
        <option value="">{t('bulk.move')}</option>
        {flattenTree(taxonomy).map(({ category, depth }) => (
          <option key={category.id} value={category.id}>{'\u00a0\u00a0'.repeat(depth) + categoryName(category)}</option>
        ))}
        <option value={'\u0000'}>{t('library.unfiled')}</option>
      </select>
      <span className="bulk-tag">
        <input data-testid="bulk-tag" type="text" value={tag} placeholder={t('bulk.tagPlaceholder')} aria-label={t('bulk.tag')} onChange={(e) => setTag(e.target.value)} disabled={busy} />
        <button type="button" data-testid="bulk-tag-add" disabled={busy || !tag.trim()} onClick={() => onRun({ kind: 'addTag', tag: tag.trim() })}>{t('bulk.addTag')}</button>
        <button type="button" data-testid="bulk-tag-remove" disabled={busy || !tag.trim()} onClick={() => onRun({ kind: 'removeTag', tag: tag.trim() })}>{t('bulk.removeTag')}</button>
      </span>
      {canShare && <button type="button" data-testid="bulk-share" disabled={busy} onClick={() => onRun({ kind: 'share' })}>{t('bulk.share')}</button>}
      {canShare && <button type="button" data-testid="bulk-unshare" disabled={busy} onClick={() => onRun({ kind: 'unshare' })}>{t('bulk.unshare')}</button>}
      <button type="button" className="danger" data-testid="bulk-delete" disabled={busy} onClick={() => onRun({ kind: 'delete' })}>{t('bulk.delete')}</button>
      <button type="button" className="link-button" onClick={onClear}>{t('bulk.clear')}</button>
      {error && <p className="notice error small" role="alert">{t('bulk.failed', { message: error })}</p>}
    </div>
  );
}
