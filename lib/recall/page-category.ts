/**
 * The category a page the user is reading would be filed under, for "Related to this page": the
 * local suggester (lib/categorize) over the page reader's text and the stored taxonomy, kept only
 * when confident (the quick clip's bar, CONFIDENT_SCORE), so related() can boost — and say — "same category". Runs on every tab switch,
 * so it reads the taxonomy once (until told it changed) and keeps the same array, which lets the
 * suggester's per-taxonomy lexicon cache hit.
 */
import type { Category, CategorizeInput, CategorySuggestion } from '../categorize/types';
import { suggestCategories } from '../categorize/suggest';
import { confidentCategory } from '../background/suggest';
import type { PageInfo } from './page-text';

/** What the suggester looks at for a page read by the page reader. */
export function pageAsInput(info: PageInfo): CategorizeInput {
  return { url: info.url, title: info.title, siteName: info.siteName, text: info.text, lang: info.lang ?? 'und' };
}

/** The page categorizer: `categoryOf` answers null when nothing is confident. */
export interface PageCategorizer {
  categoryOf(info: PageInfo): Promise<string | null>;
  /** The taxonomy may have changed: read it again on next use. */
  invalidate(): void;
}

/** A categorizer over `loadTaxonomy` (read lazily, cached) and the suggester (injectable for tests). */
export function createPageCategorizer(
  loadTaxonomy: () => Promise<Category[]>,
  suggest: (input: CategorizeInput, taxonomy: Category[]) => CategorySuggestion[] = (input, taxonomy) => suggestCategories(input, taxonomy, undefined, 1),
): PageCategorizer {
  let taxonomy: Promise<Category[]> | null = null;
  return {
    async categoryOf(info) {
      if (!taxonomy) {
        const loading = loadTaxonomy();
        taxonomy = loading;
        loading.catch(() => { if (taxonomy === loading) taxonomy = null; });
      }
      const categories = await taxonomy;
      if (!categories.length || !info.text && !info.title) return null;
      return confidentCategory(suggest(pageAsInput(info), categories), categories);
    },
    invalidate() {
      taxonomy = null;
    },
  };
}
