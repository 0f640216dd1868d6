import type { Category, CategorizeInput, CategorySuggestion, FilingHistory } from './types';
/** STUB — replaced by the text helper. */
export function suggestCategories(input: CategorizeInput, taxonomy: Category[], history?: FilingHistory, limit = 3): CategorySuggestion[] {
  return taxonomy.slice(0, limit).map((c) => ({ categoryId: c.id, score: 0, why: 'stub' }));
}
/** STUB */
export function suggestTags(input: CategorizeInput, existingTags: string[], limit = 5): string[] {
  return [];
}
