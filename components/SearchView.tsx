/** Instant search over the library: results as you type, filters, ↑ ↓ Enter Esc. */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Category } from '../lib/categorize/types';
import type { SearchFilters } from '../lib/search';
import type { RecallState } from '../lib/store/recall';
import { IndexStatus } from './IndexStatus';
import { Marked } from './Marked';
import { useI18n } from './i18n';

/** yyyy-mm-dd of a date input → the ISO instant at the start (from) or end (to) of that local day. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!value) return undefined;
  const d = new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function SearchView({ search, index, taxonomy, facets, categoryPath, onQuery, onFilters, onMove, onOpen }: {
  search: RecallState['search'];
  index: RecallState['index'];
  taxonomy: readonly Category[];
  facets: { tags: string[]; sites: string[] };
  categoryPath: (id: string | null) => string;
  onQuery: (q: string) => void;
  onFilters: (f: SearchFilters) => void;
  onMove: (step: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [dates, setDates] = useState({ from: '', to: '' });
  useEffect(() => { input.current?.focus(); }, []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [search.active]);

  const f = search.filters;
  const set = (patch: Partial<SearchFilters>) => onFilters({ ...f, ...patch });
  const categories = useMemo(() => taxonomy.map((c) => ({ id: c.id, label: categoryPath(c.id) })).sort((a, b) => a.label.localeCompare(b.label)), [taxonomy, categoryPath]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const hit = search.results[search.active];
      if (hit) { e.preventDefault(); onOpen(hit.id); }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onQuery('');
    }
  };

  return (
    <section className="search" aria-label={t('search.label')}>
      <input
        ref={input}
        type="search"
        className="input"
        data-testid="search-input"
        role="combobox"
        aria-expanded={search.results.length > 0}
        aria-controls="search-results"
        aria-activedescendant={search.active >= 0 ? `search-hit-${search.active}` : undefined}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        value={search.query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <details className="search-filters">
        <summary>{t('search.filters')}</summary>
        <div className="filter-grid">
          <label>{t('search.category')}
            <select className="input" data-testid="search-filter-category" value={typeof f.categoryId === 'string' ? f.categoryId : ''} onChange={(e) => set({ categoryId: e.target.value || undefined })}>
              <option value="">{t('search.any')}</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          </label>
          <label>{t('search.tag')}
            <select className="input" data-testid="search-filter-tag" value={f.tags?.[0] ?? ''} onChange={(e) => set({ tags: e.target.value ? [e.target.value] : undefined })}>
              <option value="">{t('search.any')}</option>
              {facets.tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
            </select>
          </label>
          <label>{t('search.site')}
            <input className="input" data-testid="search-filter-site" list="search-sites" value={f.site ?? ''} onChange={(e) => set({ site: e.target.value.trim() || undefined })} />
            <datalist id="search-sites">{facets.sites.map((s) => <option key={s} value={s} />)}</datalist>
          </label>
          <label>{t('search.from')}
            <input type="date" className="input" data-testid="search-filter-from" value={dates.from} onChange={(e) => { setDates({ ...dates, from: e.target.value }); set({ from: dayBound(e.target.value, false) }); }} />
          </label>
          <label>{t('search.to')}
            <input type="date" className="input" data-testid="search-filter-to" value={dates.to} onChange={(e) => { setDates({ ...dates, to: e.target.value }); set({ to: dayBound(e.target.value, true) }); }} />
          </label>
        </div>
      </details>
      <IndexStatus index={index} />
      {search.results.length > 0 ? (
        <>
          <p className="muted small" aria-live="polite">{t('search.count', { count: search.results.length })}</p>
          <ol className="result-list" id="search-results" role="listbox" ref={list}>
            {search.results.map((hit, i) => (
              <li
                key={hit.id}
                id={`search-hit-${i}`}
                role="option"
                aria-selected={i === search.active}
                className={i === search.active ? 'result active' : 'result'}
                data-testid="search-result"
                data-clip-id={hit.id}
                onClick={() => onOpen(hit.id)}
              >
                <div className="result-title" dir="auto"><Marked value={hit.title} /></div>
                <div className="muted small" dir="auto">{[hit.card.site, categoryPath(hit.card.categoryId)].filter(Boolean).join(' · ')}</div>
                {hit.snippet.text && <p className="snippet" dir="auto"><Marked value={hit.snippet} /></p>}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="empty">{search.query.trim() && index.status === 'ready' ? t('search.noResults') : t('search.hint')}</p>
      )}
    </section>
  );
}
