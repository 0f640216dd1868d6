/** Edit a saved clip's title, category, tags, note and summary (the reader's Edit mode). */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Category } from '../lib/categorize/types';
import type { Clip } from '../lib/clip/types';
import type { ClipPatch } from '../lib/store/library';
import { addTags } from '../lib/store/tags';
import { CategorySelect } from './CategoryPicker';
import { useI18n } from './i18n';
import { isSaveKeystroke } from './submitKeys';
import { SummaryEditor } from './SummaryEditor';
import { TagInput } from './TagInput';

export function ClipEditor({ clip, taxonomy, knownTags, onSave, onCancel }: {
  clip: Clip;
  taxonomy: readonly Category[];
  knownTags: readonly string[];
  onSave: (patch: ClipPatch) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(clip.title);
  const [categoryId, setCategoryId] = useState(clip.categoryId);
  const [tags, setTags] = useState(clip.tags);
  const [note, setNote] = useState(clip.note);
  const [summary, setSummary] = useState(clip.summary);

  const save = () => onSave({
    title: title.trim() || clip.title,
    categoryId,
    tags,
    note,
    summary: { abstract: summary.abstract.trim(), keyPoints: summary.keyPoints.map((k) => k.trim()).filter(Boolean) },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save(); };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') { e.preventDefault(); onCancel(); return; }
    if (isSaveKeystroke(e)) { e.preventDefault(); save(); }
  };

  return (
    <form className="clip-editor" data-testid="clip-editor" onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="field">
        <label htmlFor="edit-title">{t('form.title')}</label>
        <input id="edit-title" className="input title-input" data-testid="edit-title" dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="edit-category">{t('form.category')}</label>
        <CategorySelect id="edit-category" testId="edit-category" taxonomy={taxonomy} value={categoryId} onChange={setCategoryId} />
      </div>
      <div className="field">
        <label htmlFor="edit-tags-input">{t('form.tags')}</label>
        <TagInput id="edit-tags-input" testId="edit-tags" tags={tags} suggestions={knownTags} onAdd={(...more) => setTags((cur) => addTags(cur, ...more))} onRemove={(tag) => setTags((cur) => cur.filter((x) => x !== tag))} />
      </div>
      <div className="field">
        <label htmlFor="edit-note">{t('form.note')}</label>
        <textarea id="edit-note" className="input" data-testid="edit-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <SummaryEditor summary={summary} onChange={setSummary} idPrefix="edit" testId="edit-summary" />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="edit-save">{t('reader.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('reader.cancel')}</button>
      </div>
    </form>
  );
}
