/** A node of the team's taxonomy (the knowledge map). Ids are stable; names can change. */
export interface Category {
  id: string;
  parentId: string | null;
  name: { en: string; zh: string };
  /** Other names people use for it, in any language; used by suggestion and search. */
  aliases: string[];
  /** Seed words that point at this category before the user has filed anything. */
  keywords: string[];
  description?: string;
}

export interface CategorySuggestion {
  categoryId: string;
  score: number;
  /** A few words on why, e.g. "words: neural, model · same site as 3 earlier clips". */
  why: string;
}

/** What the suggester learns from the user's earlier filing. */
export interface FilingHistory {
  /** siteName or hostname → categoryId → count of clips filed there. */
  bySite: Record<string, Record<string, number>>;
  /** categoryId → term → count, from the titles and key terms of filed clips. */
  termsByCategory: Record<string, Record<string, number>>;
}

/** The input the suggester looks at. */
export interface CategorizeInput {
  url: string;
  title: string;
  siteName: string | null;
  text: string;
  lang: string;
}
