/** Pick a category from the taxonomy tree; the form shows suggestions (with why) as one-click chips. */
import type { Category, CategorySuggestion } from '../lib/categorize/types';
import { flattenTree } from '../lib/store/taxonomy-tree';
import { useI18n } from './i18n';

const INDENT = '\u00a0\u00a0\u00a0';

/** A `<select>` over the whole tree, children indented under parents. */
export function CategorySelect({ taxonomy, value, onChange, id, testId, noneLabel }: {
  taxonomy: readonly Category[];
  value: string | null;
  onChange: (id: string | null) => void;
  id?: string;
  testId?: string;
  noneLabel?: string;
}) {
  const { t, categoryName } = useI18n();
  const rows = flattenTree(taxonomy);
  const known = value === null || taxonomy.some((c) => c.id === value);
  return (
    <select id={id} data-testid={testId} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{noneLabel ?? t('form.unfiled')}</option>
      {!known && <option value={value!}>{value}</option>}
      {rows.map(({ category, depth }) => (
        <option key={category.id} value={category.id}>{INDENT.repeat(depth) + categoryName(category)}</option>
      ))}
    </select>
  );
}

/** Suggested categories as chips; the chosen one is pressed. */
export function SuggestionChips({ suggestions, taxonomy, value, onPick, pathOf }: {
  suggestions: readonly CategorySuggestion[];
  taxonomy: readonly Category[];
  value: string | null;
  onPick: (id: string) => void;
  pathOf: (id: string | null) => string;
}) {
  const { t } = useI18n();
  const known = new Set(taxonomy.map((c) => c.id));
  const usable = [...suggestions].filter((s) => known.has(s.categoryId)).sort((a, b) => b.score - a.score).slice(0, 5);
  if (!usable.length) return null;
  return (
    <div className="chips" role="group" aria-label={t('form.suggested')}>
      {usable.map((s) => (
        <button
          key={s.categoryId}
          type="button"
          className={s.categoryId === value ? 'chip suggestion active' : 'chip suggestion'}
          aria-pressed={s.categoryId === value}
          data-testid="category-suggestion"
          data-category-id={s.categoryId}
          title={s.why}
          onClick={() => onPick(s.categoryId)}
        >
          <span className="chip-label">{pathOf(s.categoryId)}</span>
          {s.why && <span className="chip-why">{s.why}</span>}
        </button>
      ))}
    </div>
  );
}
