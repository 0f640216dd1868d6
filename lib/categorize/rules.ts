/**
 * Team rules: "pages from this site / matching this URL / containing these words go to this category,
 * with these tags". Rules live on the category they file into (Category.rules), so they sync with the
 * taxonomy and are edited by the same people (owners and editors). Applied at capture time before the
 * suggesters: a rule hit is the top suggestion, with why "rule: …".
 */
import type { Category, CategorizeInput, CategoryRule, CategorySuggestion } from './types';

/** A rule with the category that owns it. */
export interface TeamRule extends CategoryRule {
  categoryId: string;
}

/** What the rules say about a page: the category of the first matching rule, every matching rule's tags, and why. */
export interface RuleOutcome {
  categoryId?: string;
  tags: string[];
  /** "rule: site github.com · rule: words kubernetes" — empty when nothing matched. */
  why: string;
}

/** Every rule of the taxonomy, in taxonomy order (earlier categories win ties). */
export function rulesOf(taxonomy: readonly Category[]): TeamRule[] {
  return taxonomy.flatMap((c) => (c.rules ?? []).map((rule) => ({ ...rule, categoryId: c.id })));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** "github.com" matches github.com and any subdomain; a leading "*." or "www." is ignored. */
function siteMatches(site: string, host: string): boolean {
  const want = site.trim().toLowerCase().replace(/^\*\./, '').replace(/^www\./, '').replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  return !!want && !!host && (host === want || host.endsWith(`.${want}`));
}

/** A URL glob (`*` = anything) as an anchored regex; a pattern without a scheme matches after it. */
function globRegex(pattern: string): RegExp {
  const body = pattern.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(/^[a-z]+:\/\//i.test(pattern.trim()) ? `^${body}$` : `^[a-z]+://(www\\.)?${body}$`, 'i');
}

/** Every keyword appears in the title or text (case-insensitive; Chinese matched as written, no spaces needed). */
function keywordsMatch(keywords: readonly string[], haystack: string): boolean {
  const words = keywords.map((k) => k.trim().toLocaleLowerCase()).filter(Boolean);
  return words.length > 0 && words.every((w) => haystack.includes(w));
}

/** Why a rule matched `input`, or null when it does not. All of its conditions that are set must hold. */
export function ruleMatch(rule: CategoryRule, input: CategorizeInput): string | null {
  const reasons: string[] = [];
  if (rule.site !== undefined && rule.site.trim()) {
    if (!siteMatches(rule.site, hostOf(input.url))) return null;
    reasons.push(`site ${rule.site.trim()}`);
  }
  if (rule.urlPattern !== undefined && rule.urlPattern.trim()) {
    if (!globRegex(rule.urlPattern).test(input.url)) return null;
    reasons.push(`URL ${rule.urlPattern.trim()}`);
  }
  if (rule.keywords?.some((k) => k.trim())) {
    if (!keywordsMatch(rule.keywords, `${input.title}\n${input.text}`.toLocaleLowerCase())) return null;
    reasons.push(`words ${rule.keywords.filter((k) => k.trim()).join(', ')}`);
  }
  return reasons.length ? reasons.join(' + ') : null;
}

/** Apply the rules to a page: first match files it, all matches add tags (deduplicated, in rule order). */
export function applyRules(input: CategorizeInput, rules: readonly TeamRule[]): RuleOutcome {
  let categoryId: string | undefined;
  const tags: string[] = [];
  const seen = new Set<string>();
  const why: string[] = [];
  for (const rule of rules) {
    const reason = ruleMatch(rule, input);
    if (!reason) continue;
    categoryId ??= rule.categoryId;
    why.push(`rule: ${reason}`);
    for (const tag of rule.tags ?? []) {
      const key = tag.trim().toLocaleLowerCase();
      if (key && !seen.has(key)) {
        seen.add(key);
        tags.push(tag.trim());
      }
    }
  }
  return { ...(categoryId ? { categoryId } : {}), tags, why: why.join(' · ') };
}

/**
 * Put a rule hit first: the rule's category with score 1 and its why, then the suggesters' other
 * categories (limited to existing ones) in their order. Without a hit the suggestions pass through.
 */
export function withRuleFirst(outcome: RuleOutcome, suggestions: CategorySuggestion[], taxonomy: readonly Category[], limit = 3): CategorySuggestion[] {
  const known = new Set(taxonomy.map((c) => c.id));
  const rest = suggestions.filter((s) => known.has(s.categoryId) && s.categoryId !== outcome.categoryId);
  if (!outcome.categoryId || !known.has(outcome.categoryId)) return rest.slice(0, limit);
  return [{ categoryId: outcome.categoryId, score: 1, why: outcome.why }, ...rest].slice(0, limit);
}

/** Tags from the rules first, then the suggester's, without case-insensitive duplicates. */
export function withRuleTags(outcome: RuleOutcome, tags: readonly string[], limit = 5): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of [...outcome.tags, ...tags]) {
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out.slice(0, Math.max(limit, outcome.tags.length));
}
