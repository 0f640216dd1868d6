/** Category and tag suggestions for a draft, from the stored taxonomy, tags and filing history. */
import type { Clip, ClipDraft } from '../clip/types';
import type { LearnedModel, TrainingClip } from '../categorize/learned';
import { applyRules, rulesOf, withRuleFirst, withRuleTags } from '../categorize/rules';
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

/** The learned suggester (lib/categorize/learned.ts), passed in so tests can leave it out. */
export interface LearnedCategorizer {
  train(filed: TrainingClip[]): LearnedModel;
  suggest(model: LearnedModel, input: CategorizeInput, taxonomy: Category[], limit?: number): CategorySuggestion[];
}

/** The clips a learned model trains on: live clips filed under a category that still exists (own and team). */
export function trainingClips(clips: readonly Clip[], taxonomy?: readonly Category[]): TrainingClip[] {
  const known = taxonomy ? new Set(taxonomy.map((c) => c.id)) : null;
  return clips.filter((c) => c.categoryId && !c.deletedAt && (!known || known.has(c.categoryId)));
}

/** What the capture path has to rank categories and tags for a page. */
export interface SuggestSources {
  categorizer: Categorizer;
  taxonomy: Category[];
  filing: FilingHistory;
  /** A model trained on the filed clips, with its suggester; without it the lexicon + history suggester answers. */
  learned?: { model: LearnedModel; categorizer: LearnedCategorizer } | null;
  tags: string[];
}

/**
 * Category and tag suggestions for a page, governed: team rules first (a hit is the top suggestion,
 * why "rule: …", and adds its tags), then the learned suggester blended with the lexicon (or the
 * lexicon + filing history before anything is filed), limited to categories that exist.
 */
export function suggestForPage(input: CategorizeInput, sources: SuggestSources, limit = 3): { suggestions: CategorySuggestion[]; tagSuggestions: string[] } {
  const { categorizer, taxonomy, filing, learned, tags } = sources;
  const rules = applyRules(input, rulesOf(taxonomy));
  const ranked = learned && learned.model.totalDocs > 0
    ? learned.categorizer.suggest(learned.model, input, taxonomy, limit + 1)
    : categorizer.suggestCategories(input, taxonomy, filing, limit + 1);
  return {
    suggestions: withRuleFirst(rules, ranked, taxonomy, limit),
    tagSuggestions: withRuleTags(rules, categorizer.suggestTags(input, tags)),
  };
}
