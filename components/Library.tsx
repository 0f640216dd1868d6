/** The library list: clips newest first, filtered by category; a row opens the reader; checkboxes select for bulk edits. */
import type { ReactNode } from 'react';
import type { Category } from '../lib/categorize/types';
import type { ClipListItem } from '../lib/clip/types';
import { countByCategory, filterClips, type LibraryFilter } from '../lib/store/library';
import { CategoryFilter } from './CategoryFilter';
import { useCategoryPath, useI18n } from './i18n';

export function Library({ clips, taxonomy, filter, loading, onFilter, onOpen, selected, onSelect, onSelectAll, bulkBar }: {
  clips: readonly ClipListItem[];
  taxonomy: readonly Category[];
  filter: LibraryFilter;
  loading: boolean;
  onFilter: (filter: LibraryFilter) => void;
  onOpen: (id: string) => void;
  /** Multi-select (bulk edit): the selected ids, a click (shift for a range over the shown ids), select all shown. */
  selected?: readonly string[];
  onSelect?: (id: string, shift: boolean, shownIds: string[]) => void;
  onSelectAll?: (shownIds: string[]) => void;
  bulkBar?: ReactNode;
}) {
  const { t, date } = useI18n();
  const pathOf = useCategoryPath(taxonomy);
  const counts = countByCategory(clips, taxonomy);
  const unfiled = filterClips(clips, { kind: 'unfiled' }, taxonomy).length;
  const shown = filterClips(clips, filter, taxonomy);
  const shownIds = shown.map((c) => c.id);
  const chosen = new Set(selected ?? []);
  const allChosen = shown.length > 0 && shown.every((c) => chosen.has(c.id));

  return (
    <section className="library" data-testid="library" aria-label={t('library.label')}>
      <CategoryFilter taxonomy={taxonomy} counts={counts} total={clips.length} unfiled={unfiled} filter={filter} onChange={onFilter} />
      {onSelectAll && shown.length > 0 && (
        <label className="select-all small">
          <input type="checkbox" data-testid="library-select-all" checked={allChosen} onChange={() => onSelectAll(shownIds)} /> {t('bulk.selectAll')}
        </label>
      )}
      {bulkBar}
      <p className="muted small" aria-live="polite">{loading ? t('library.loading') : t(shown.length === 1 ? 'library.countOne' : 'library.count', { count: shown.length })}</p>
      {!loading && shown.length === 0 && (
        <p className="empty">{clips.length === 0 ? t('library.empty') : t('library.emptyFiltered')}</p>
      )}
      <ul className="clip-list">
        {shown.map((clip) => (
          <li key={clip.id} data-testid="library-item" data-clip-id={clip.id} className={onSelect ? 'selectable' : undefined}>
            {onSelect && (
              <input
                type="checkbox"
                className="library-select"
                data-testid="library-select"
                aria-label={t('bulk.select', { title: clip.title || clip.url })}
                checked={chosen.has(clip.id)}
                onChange={() => {}}
                onClick={(e) => onSelect(clip.id, e.shiftKey, shownIds)}
              />
            )}
            <button type="button" className="clip-row" onClick={() => onOpen(clip.id)}>
              <span className="clip-row-title" dir="auto" lang={clip.lang !== 'und' ? clip.lang : undefined}>{clip.title || clip.url}</span>
              <span className="clip-row-meta muted small">
                {[clip.author ? t('clip.by', { name: clip.author.name }) : null, clip.siteName ?? hostOf(clip.url), pathOf(clip.categoryId) || t('library.unfiled'), date(clip.createdAt)].filter(Boolean).join(' · ')}
              </span>
              {clip.tags.length > 0 && (
                <span className="chips compact">
                  {clip.tags.map((tag) => <span key={tag} className="chip tag small">{tag}</span>)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Hostname of a URL, or '' when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
