/** The clip form: an editable preview of the captured page, its filing, and Save (or Update). */
import type { FormEvent, KeyboardEvent } from 'react';
import type { Category, CategorySuggestion } from '../lib/categorize/types';
import type { Clip, ClipDraft, Summary } from '../lib/clip/types';
import type { ClipFiling } from '../lib/messaging';
import type { DraftEdit } from '../lib/store/clip-form';
import { formatLanguageName } from '../lib/i18n';
import { CategorySelect, SuggestionChips } from './CategoryPicker';
import { useCategoryPath, useI18n } from './i18n';
import { isSaveKeystroke } from './submitKeys';
import { SummaryEditor } from './SummaryEditor';
import { TagInput } from './TagInput';
import { ShareToggle } from './ShareToggle';

export interface ClipFormProps {
  draft: ClipDraft;
  filing: ClipFiling;
  existing: Clip | null;
  taxonomy: readonly Category[];
  suggestions: readonly CategorySuggestion[];
  tagSuggestions: readonly string[];
  saving: boolean;
  saveError: string | null;
  onEdit: (edit: DraftEdit) => void;
  onSummary: (summary: Summary) => void;
  onCategory: (id: string | null) => void;
  onAddTag: (...tags: string[]) => void;
  onRemoveTag: (tag: string) => void;
  onNote: (note: string) => void;
  onSave: () => void;
  /** The connected team's name: shows the "Share with the team" switch (bound to `filing.visibility`). */
  teamName?: string | null;
  onVisibility?: (shared: boolean) => void;
}

export function ClipForm(p: ClipFormProps) {
  const { t, lang, date } = useI18n();
  const pathOf = useCategoryPath(p.taxonomy);
  const { draft, filing } = p;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.saving) p.onSave();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (!isSaveKeystroke(e)) return;
    e.preventDefault();
    if (!p.saving) p.onSave();
  };

  const facts = [
    draft.siteName,
    draft.readingMinutes > 0 ? t('form.readingMinutes', { minutes: draft.readingMinutes }) : null,
    draft.wordCount > 0 ? t('form.words', { count: draft.wordCount }) : null,
    date(draft.publishedTime),
    formatLanguageName(draft.lang, lang),
  ].filter(Boolean);

  return (
    <form className="clip-form" data-testid="clip-form" aria-label={t('form.label')} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {p.existing && (
        <div className="notice info" data-testid="duplicate-banner" role="note">
          <strong>{t('duplicate.banner', { date: date(p.existing.createdAt) })}</strong>
          <span>{t('duplicate.hint')}</span>
        </div>
      )}
      {draft.fallback && <p className="muted small">{t('capture.fallback', { reason: draft.fallback })}</p>}

      <div className="field">
        <label htmlFor="clip-title">{t('form.title')}</label>
        <input
          id="clip-title"
          className="input title-input"
          data-testid="clip-title"
          value={draft.title}
          dir="auto"
          onChange={(e) => p.onEdit({ title: e.target.value })}
        />
      </div>

      <details className="field meta-details">
        <summary>
          <span>{t('form.details')}</span>
          <span className="muted small">{facts.join(' · ')}</span>
        </summary>
        <div className="meta-grid">
          <label htmlFor="clip-site">{t('form.site')}</label>
          <input id="clip-site" className="input" data-testid="clip-site" value={draft.siteName ?? ''} onChange={(e) => p.onEdit({ siteName: e.target.value || null })} />
          <label htmlFor="clip-byline">{t('form.byline')}</label>
          <input id="clip-byline" className="input" data-testid="clip-byline" value={draft.byline ?? ''} onChange={(e) => p.onEdit({ byline: e.target.value || null })} />
          <label htmlFor="clip-published">{t('form.published')}</label>
          <input
            id="clip-published"
            type="date"
            className="input"
            data-testid="clip-published"
            value={draft.publishedTime ? draft.publishedTime.slice(0, 10) : ''}
            onChange={(e) => p.onEdit({ publishedTime: e.target.value || null })}
          />
          <label htmlFor="clip-lang">{t('form.lang')}</label>
          <input id="clip-lang" className="input" data-testid="clip-lang" value={draft.lang} onChange={(e) => p.onEdit({ lang: e.target.value.trim() || 'und' })} />
          <span>{t('form.readingTime')}</span>
          <span data-testid="clip-reading-time">
            {t('form.readingMinutes', { minutes: draft.readingMinutes })} · {t('form.words', { count: draft.wordCount })}
          </span>
        </div>
      </details>

      <SummaryEditor summary={draft.summary} onChange={p.onSummary} idPrefix="clip" />

      <div className="field">
        <label htmlFor="clip-category">{t('form.category')}</label>
        <CategorySelect id="clip-category" testId="clip-category" taxonomy={p.taxonomy} value={filing.categoryId} onChange={p.onCategory} />
        <SuggestionChips suggestions={p.suggestions} taxonomy={p.taxonomy} value={filing.categoryId} onPick={p.onCategory} pathOf={pathOf} />
      </div>

      <div className="field">
        <label htmlFor="clip-tags-input">{t('form.tags')}</label>
        <TagInput id="clip-tags-input" tags={filing.tags} suggestions={p.tagSuggestions} onAdd={p.onAddTag} onRemove={p.onRemoveTag} />
      </div>

      <div className="field">
        <label htmlFor="clip-note">{t('form.note')}</label>
        <textarea
          id="clip-note"
          className="input"
          data-testid="clip-note"
          rows={3}
          placeholder={t('form.notePlaceholder')}
          value={filing.note}
          onChange={(e) => p.onNote(e.target.value)}
        />
      </div>

      {p.teamName && p.onVisibility && (
        <ShareToggle teamName={p.teamName} shared={(filing.visibility ?? p.existing?.visibility) === 'team'} disabled={p.saving} onChange={p.onVisibility} />
      )}

      {p.saveError && <p className="notice error" role="alert" data-testid="save-error">{t('error.saveFailed', { message: p.saveError })}</p>}

      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="clip-save" disabled={p.saving}>
          {p.saving ? t('form.saving') : p.existing ? t('form.update') : t('form.save')}
        </button>
        <span className="muted small">{t('form.saveHint')}</span>
      </div>
    </form>
  );
}
