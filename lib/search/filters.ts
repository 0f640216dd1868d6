/** Search filters (category, tags, site, date range, language) as a predicate over stored docs. */
import type { SearchFilters, StoredDoc } from './types';

function instant(v: string | number | Date | undefined): number | null {
  if (v === undefined || v === null || v === '') return null;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** A predicate for the filters, or null when there is nothing to filter. */
export function makeFilter(filters: SearchFilters | undefined): ((d: StoredDoc) => boolean) | null {
  if (!filters) return null;
  const cats = filters.categoryId === undefined ? null : new Set([filters.categoryId].flat());
  const tags = filters.tags?.length ? filters.tags.map((t) => t.toLowerCase()) : null;
  const site = filters.site ? filters.site.toLowerCase().replace(/^www\./, '') : null;
  const from = instant(filters.from);
  const to = instant(filters.to);
  const lang = filters.lang ? filters.lang.toLowerCase().split(/[-_]/)[0]! : null;
  if (!cats && !tags && !site && from === null && to === null && !lang) return null;
  return (d) => {
    if (cats && !cats.has(d.categoryId as string)) return false;
    if (tags) {
      const have = new Set(d.tags.map((t) => t.toLowerCase()));
      if (!tags.every((t) => have.has(t))) return false;
    }
    if (site && d.site.toLowerCase() !== site && d.host !== site && !d.host.endsWith('.' + site)) return false;
    if (from !== null && d.time < from) return false;
    if (to !== null && d.time > to) return false;
    if (lang && d.lang !== lang) return false;
    return true;
  };
}
