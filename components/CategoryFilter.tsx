/** The library's category filter: the taxonomy as an indented list with clip counts (the knowledge map). */
import type { Category } from '../lib/categorize/types';
import type { LibraryFilter } from '../lib/store/library';
import { flattenTree } from '../lib/store/taxonomy-tree';
import { useI18n } from './i18n';

function same(a: LibraryFilter, b: LibraryFilter): boolean {
  return a.kind === b.kind && (a.kind !== 'category' || a.id === (b as { id: string }).id);
}

export function CategoryFilter({ taxonomy, counts, total, unfiled, filter, onChange }: {
  taxonomy: readonly Category[];
  counts: ReadonlyMap<string, number>;
  total: number;
  unfiled: number;
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
}) {
  const { t, number, categoryName } = useI18n();
  const rows = flattenTree(taxonomy);
  const item = (key: string, f: LibraryFilter, label: string, count: number, depth = 0) => (
    <li key={key}>
      <button
        type="button"
        className={same(filter, f) ? 'tree-row active' : 'tree-row'}
        aria-current={same(filter, f) ? 'true' : undefined}
        style={{ paddingInlineStart: `${0.5 + depth * 0.9}rem` }}
        data-testid="category-filter"
        data-category-id={f.kind === 'category' ? f.id : f.kind}
        onClick={() => onChange(f)}
      >
        <span className="tree-name">{label}</span>
        <span className="count">{number(count)}</span>
      </button>
    </li>
  );
  const current = filter.kind === 'all' ? t('library.all') : filter.kind === 'unfiled' ? t('library.unfiled')
    : categoryName(taxonomy.find((c) => c.id === filter.id) ?? { id: filter.id, parentId: null, name: { en: '', zh: '' }, aliases: [], keywords: [] });
  return (
    <details className="category-filter">
      <summary>
        <span>{t('library.categories')}</span>
        <span className="muted">{current}</span>
      </summary>
      <ul className="tree" aria-label={t('library.categories')}>
        {item('all', { kind: 'all' }, t('library.all'), total)}
        {rows.map(({ category, depth }) => item(category.id, { kind: 'category', id: category.id }, categoryName(category), counts.get(category.id) ?? 0, depth))}
        {item('unfiled', { kind: 'unfiled' }, t('library.unfiled'), unfiled)}
      </ul>
    </details>
  );
}
