/** Edit the taxonomy: add, rename (English + Chinese), move under another parent, delete empty categories. */
import { useEffect, useState } from 'react';
import type { Category } from '../lib/categorize/types';
import { addCategory, deleteBlocker, deleteCategory, moveCategory, renameCategory, unnamedCategories } from '../lib/store/taxonomy-edit';
import { flattenTree, subtreeIds } from '../lib/store/taxonomy-tree';
import { useI18n } from './i18n';

export function TaxonomyEditor({ taxonomy, clipCounts, onSave }: {
  taxonomy: readonly Category[];
  /** Clips filed directly in each category (a category with clips cannot be deleted). */
  clipCounts: ReadonlyMap<string, number>;
  onSave: (categories: Category[]) => Promise<unknown>;
}) {
  const { t, categoryName } = useI18n();
  const [draft, setDraft] = useState<Category[]>([...taxonomy]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft([...taxonomy]), [taxonomy]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(taxonomy);
  const rows = flattenTree(draft);
  const edit = (next: Category[]) => { setDraft(next); setMessage(null); setError(null); };

  const save = async () => {
    if (unnamedCategories(draft).length) { setError(t('settings.nameRequired')); return; }
    setSaving(true);
    try {
      await onSave(draft);
      setMessage(t('settings.saved'));
    } catch (err) {
      setError(t('error.actionFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="taxonomy-editor" data-testid="taxonomy-editor" aria-labelledby="taxonomy-heading">
      <h2 id="taxonomy-heading">{t('settings.taxonomy')}</h2>
      <p className="muted small">{t('settings.taxonomyHelp')}</p>
      <ul className="taxonomy-rows">
        {rows.map(({ category: c, depth }) => {
          const blocker = deleteBlocker(draft, c.id, clipCounts.get(c.id) ?? 0);
          const invalidParents = subtreeIds(draft, c.id);
          return (
            <li key={c.id} className="taxonomy-row" data-testid="taxonomy-row" data-category-id={c.id} style={{ marginInlineStart: `${depth * 0.9}rem` }}>
              <input className="input" aria-label={`${t('settings.nameEn')}: ${categoryName(c)}`} value={c.name.en} placeholder={t('settings.nameEn')} onChange={(e) => edit(renameCategory(draft, c.id, 'en', e.target.value))} />
              <input className="input" lang="zh-CN" aria-label={`${t('settings.nameZh')}: ${categoryName(c)}`} value={c.name.zh} placeholder={t('settings.nameZh')} onChange={(e) => edit(renameCategory(draft, c.id, 'zh', e.target.value))} />
              <select className="input" aria-label={`${t('settings.parent')}: ${categoryName(c)}`} value={c.parentId ?? ''} onChange={(e) => edit(moveCategory(draft, c.id, e.target.value || null))}>
                <option value="">{t('settings.topLevel')}</option>
                {flattenTree(draft).filter((r) => !invalidParents.has(r.category.id)).map((r) => (
                  <option key={r.category.id} value={r.category.id}>{'\u00a0\u00a0'.repeat(r.depth) + categoryName(r.category)}</option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`${t('settings.delete')}: ${categoryName(c)}`}
                title={blocker ? t('settings.deleteBlocked', blocker) : t('settings.delete')}
                disabled={!!blocker}
                onClick={() => edit(deleteCategory(draft, c.id, clipCounts.get(c.id) ?? 0))}
              >×</button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" data-testid="taxonomy-add" onClick={() => edit(addCategory(draft, { en: t('settings.newCategory'), zh: '' }, null))}>
        + {t('settings.add')}
      </button>
      {error && <p className="notice error" role="alert">{error}</p>}
      {message && !dirty && <p className="muted small" role="status">{message}</p>}
      {dirty && <p className="muted small">{t('settings.unsaved')}</p>}
      <div className="form-actions">
        <button type="button" className="button primary" data-testid="taxonomy-save" disabled={!dirty || saving} onClick={save}>{t('settings.save')}</button>
        <button type="button" className="button" disabled={!dirty || saving} onClick={() => edit([...taxonomy])}>{t('settings.discard')}</button>
      </div>
    </section>
  );
}
