/** Category and tag suggestions for a draft, from the stored taxonomy, tags and filing history. */
import type { ClipDraft } from '../clip/types';
import type { Category, CategorizeInput, CategorySuggestion, FilingHistory } from '../categorize/types';

/** The suggester functions (lib/categorize), passed in so tests can use fakes. */
export interface Categorizer {
  suggestCategories(input: CategorizeInput, taxonomy: Category[], history?: FilingHistory, limit?: number): CategorySuggestion[];
  suggestTags(input: CategorizeInput, existingTags: string[], limit?: number): string[];
}

/**
 * Scores at or above this file a quick clip automatically. The suggester's scores are in [0, 1]; a
 * quick clip with a weaker top suggestion stays unfiled rather than filed wrongly.
 */
export const CONFIDENT_SCORE = 0.5;

/** What the suggester looks at for a draft. */
export function draftAsInput(draft: ClipDraft): CategorizeInput {
  return { url: draft.canonicalUrl || draft.url, title: draft.title, siteName: draft.siteName, text: draft.text, lang: draft.lang };
}

/** The category a quick clip is filed under: the top suggestion when it is confident and exists, else null. */
export function confidentCategory(suggestions: CategorySuggestion[], taxonomy: Category[], threshold = CONFIDENT_SCORE): string | null {
  const top = [...suggestions].sort((a, b) => b.score - a.score)[0];
  if (!top || !(top.score >= threshold)) return null;
  return taxonomy.some((c) => c.id === top.categoryId) ? top.categoryId : null;
}
