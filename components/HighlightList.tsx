/** A clip's highlights in the reader: quote, color, note, author; orphans (not found on the page) marked, never hidden. */
import { useState } from 'react';
import type { Highlight } from '../lib/clip/types';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/highlight/types';
import { useI18n } from './i18n';

export function HighlightList({ highlights, orphans, canEdit, onSaveNote, onColor, onDelete }: {
  /** Live highlights, in page order. */
  highlights: readonly Highlight[];
  /** Ids not found on the live page (empty when the page is not open in the tab, so nothing was checked). */
  orphans: ReadonlySet<string>;
  /** Whether this user may edit a highlight (its own, or any on an unshared clip). */
  canEdit: (h: Highlight) => boolean;
  onSaveNote: (id: string, note: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useI18n();
  if (highlights.length === 0) return null;
  return (
    <section className="reader-note highlights" aria-label={t('highlights.title')} data-testid="highlights">
      <h2>{t('highlights.title')} · {highlights.length}</h2>
      <ul className="highlight-list">
        {highlights.map((h) => (
          <HighlightItem key={h.id} highlight={h} orphan={orphans.has(h.id)} editable={canEdit(h)} onSaveNote={onSaveNote} onColor={onColor} onDelete={onDelete} />
        ))}
      </ul>
    </section>
  );
}

function HighlightItem({ highlight: h, orphan, editable, onSaveNote, onColor, onDelete }: {
  highlight: Highlight;
  orphan: boolean;
  editable: boolean;
  onSaveNote: (id: string, note: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <li className={`highlight-item${orphan ? ' orphan' : ''}`} data-testid="highlight-item" data-highlight-id={h.id} data-orphan={orphan ? 'true' : 'false'}>
      <blockquote dir="auto" className={`highlight-quote hl-${h.color}`} title={t(`highlights.color.${h.color}`)}>
        {h.anchor.quote.exact}
      </blockquote>
      {orphan && <p className="notice small" data-testid="highlight-orphan" title={t('highlights.notFoundHint')}>{t('highlights.notFound')}</p>}
      {h.author && <p className="muted small">{t('highlights.by', { name: h.author.name })}</p>}
      {draft === null ? (
        <>
          {h.note && <p dir="auto" data-testid="highlight-note">{h.note}</p>}
          {editable && (
            <div className="row">
              <span className="highlight-colors" role="group" aria-label={t(`highlights.color.${h.color}`)}>
                {HIGHLIGHT_COLORS.map((color) => (
                  <button
                    key={color}
                    type="button"
                    className={`highlight-swatch hl-${color}${color === h.color ? ' active' : ''}`}
                    data-testid={`highlight-color-${color}`}
                    aria-pressed={color === h.color}
                    title={t(`highlights.color.${color}`)}
                    onClick={() => color !== h.color && onColor(h.id, color)}
                  />
                ))}
              </span>
              <button type="button" className="link-button" data-testid="highlight-edit-note" onClick={() => setDraft(h.note)}>
                {h.note ? t('highlights.note') : t('highlights.addNote')}
              </button>
              <button type="button" className="link-button danger" data-testid="highlight-delete" onClick={() => onDelete(h.id)}>{t('highlights.delete')}</button>
            </div>
          )}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSaveNote(h.id, draft.trim());
            setDraft(null);
          }}
        >
          <textarea dir="auto" rows={2} aria-label={t('highlights.note')} data-testid="highlight-note-input" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="button" data-testid="highlight-save-note">{t('highlights.saveNote')}</button>
        </form>
      )}
    </li>
  );
}
