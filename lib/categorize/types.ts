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
  /**
   * Who sees it: 'team' nodes (the default when absent) are the shared taxonomy, edited by owners and
   * editors and synced; 'personal' nodes are this member's own, for private clips, and never leave the device.
   */
  scope?: 'team' | 'personal';
  /** Team rules that file a page here (lib/categorize/rules.ts); synced with the node. */
  rules?: CategoryRule[];
}

/**
 * A team rule: when a page matches (a site, a URL pattern, or all of some keywords), suggest the
 * category that owns the rule first and add `tags`. At least one of site, urlPattern, keywords is set.
 */
export interface CategoryRule {
  /** A host name; matches the host and its subdomains ("github.com" matches "docs.github.com"). */
  site?: string;
  /** A URL glob: `*` matches any run of characters, e.g. "https://example.com/blog/*". */
  urlPattern?: string;
  /** Words that must all appear in the title or text (case-insensitive; Chinese matched as written). */
  keywords?: string[];
  tags?: string[];
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
