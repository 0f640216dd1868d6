/** Local category and tag suggestions from the page's words, the taxonomy's seed words and the user's filing. */
import type { Category, CategorizeInput, CategorySuggestion, FilingHistory } from './types';
import { lexiconOf, matchLexicon, tokenStream } from './lexicon';
import { filingTerms, siteKeyOf } from './terms';
import { foldText } from '../text/normalize';
import { keyTermScores } from '../text/keywords';
import { detectLanguage } from '../text/language';

/** How much of the text is read for suggestions (the opening says what a page is about). */
const TEXT_CHARS = 6000;
const TITLE_BOOST = 3;
/** Below this a suggestion is noise, not a guess worth showing. */
const MIN_SCORE = 0.15;

interface Evidence {
  raw: number;
  words: Map<string, number>;
}

/** Keyword evidence per category: log-damped counts in the text, boosted when the title says it. */
function keywordEvidence(input: CategorizeInput, taxonomy: Category[]): Map<string, Evidence> {
  const lex = lexiconOf(taxonomy);
  const body = matchLexicon(lex, (input.text || '').slice(0, TEXT_CHARS));
  const title = matchLexicon(lex, input.title || '');
  const out = new Map<string, Evidence>();
  for (const e of new Set([...body.keys(), ...title.keys()])) {
    const strength = Math.log2(1 + (body.get(e) || 0)) + (title.has(e) ? TITLE_BOOST : 0);
    for (const t of e.targets) {
      let ev = out.get(t.categoryId);
      if (!ev) out.set(t.categoryId, (ev = { raw: 0, words: new Map() }));
      ev.raw += t.weight * strength;
      ev.words.set(e.label, (ev.words.get(e.label) || 0) + t.weight * strength);
    }
  }
  return out;
}

/** Cosine similarity of the page's filing terms with each category's learned terms. */
function termEvidence(input: CategorizeInput, history: FilingHistory): Map<string, { score: number; words: string[] }> {
  const out = new Map<string, { score: number; words: string[] }>();
  const categories = Object.entries(history.termsByCategory);
  if (categories.length === 0) return out;
  const doc = filingTerms(input.title, input.text, input.lang);
  let docNorm = 0;
  for (const w of doc.values()) docNorm += w * w;
  docNorm = Math.sqrt(docNorm);
  if (!docNorm) return out;
  for (const [cat, bag] of categories) {
    let dot = 0;
    let norm = 0;
    const shared: Array<[string, number]> = [];
    for (const [t, c] of Object.entries(bag)) {
      norm += c * c;
      const w = doc.get(t);
      if (w) {
        dot += w * c;
        shared.push([t, w * c]);
      }
    }
    if (!dot) continue;
    shared.sort((a, b) => b[1] - a[1]);
    out.set(cat, { score: dot / (docNorm * Math.sqrt(norm)), words: shared.slice(0, 3).map(([t]) => t) });
  }
  return out;
}

/** Share of the site's earlier clips filed in each category, and how many. */
function siteEvidence(input: CategorizeInput, history: FilingHistory): Map<string, { share: number; count: number }> {
  const out = new Map<string, { share: number; count: number }>();
  const keys = new Set([siteKeyOf(input.url, input.siteName), (input.siteName || '').trim().toLowerCase()].filter(Boolean));
  const merged: Record<string, number> = {};
  for (const k of keys) for (const [cat, n] of Object.entries(history.bySite[k] || {})) merged[cat] = (merged[cat] || 0) + n;
  const total = Object.values(merged).reduce((a, b) => a + b, 0);
  for (const [cat, count] of Object.entries(merged)) out.set(cat, { share: count / total, count });
  return out;
}

function filedCount(history: FilingHistory): number {
  let n = 0;
  for (const cats of Object.values(history.bySite)) for (const c of Object.values(cats)) n += c;
  return n;
}

/**
 * Suggest up to `limit` categories for a page, scored in [0, 1], best first, each with a short `why`.
 * Evidence: the page's words against each category's names, aliases and seed keywords (title counts
 * more; Chinese by longest-first substring match), plus the user's filing — same site, and words learned
 * per category — which weighs more as the history grows. Leaves beat their parent on similar evidence.
 * Nothing matching gives [] rather than a guess.
 */
export function suggestCategories(input: CategorizeInput, taxonomy: Category[], history?: FilingHistory, limit = 3): CategorySuggestion[] {
  if (taxonomy.length === 0 || limit <= 0) return [];
  const byId = new Map(taxonomy.map((c) => [c.id, c]));
  const kw = keywordEvidence(input, taxonomy);
  const terms = history ? termEvidence(input, history) : new Map<string, { score: number; words: string[] }>();
  const sites = history ? siteEvidence(input, history) : new Map<string, { share: number; count: number }>();
  const filed = history ? filedCount(history) : 0;
  const historyWeight = Math.min(0.6, filed / (filed + 15));

  const hasChildren = new Set(taxonomy.map((c) => c.parentId).filter((p): p is string => !!p));
  const own = (id: string | null) => (id ? kw.get(id)?.raw || 0 : 0);
  const bestChild = new Map<string, number>();
  for (const c of taxonomy) if (c.parentId) bestChild.set(c.parentId, Math.max(bestChild.get(c.parentId) || 0, own(c.id)));

  // A leaf borrows a little of its parent's evidence; a parent a little of its best child's.
  const combined = new Map<string, number>();
  let maxRaw = 0;
  for (const c of taxonomy) {
    const raw = own(c.id) + 0.25 * own(c.parentId) + 0.5 * (bestChild.get(c.id) || 0);
    combined.set(c.id, raw);
    maxRaw = Math.max(maxRaw, raw);
  }

  const out: CategorySuggestion[] = [];
  for (const c of taxonomy) {
    const ev = kw.get(c.id);
    const raw = combined.get(c.id)!;
    const distinct = (ev?.words.size || 0) + (c.parentId ? Math.min(1, kw.get(c.parentId)?.words.size || 0) : 0);
    // Absolute strength (saturating) × standing against the best category × breadth of evidence.
    let keywordScore = maxRaw > 0 ? (1 - Math.exp(-raw / 10)) * (0.4 + 0.6 * (raw / maxRaw)) * Math.min(1, distinct / 3) : 0;
    if (hasChildren.has(c.id)) keywordScore *= 0.85;
    const learned = terms.get(c.id);
    const site = sites.get(c.id);
    const siteScore = site ? site.share * (1 - Math.exp(-site.count / 2)) : 0;
    const score = Math.min(1, (1 - historyWeight) * keywordScore + historyWeight * (learned?.score || 0) + 0.6 * siteScore);
    if (score < MIN_SCORE) continue;
    const why: string[] = [];
    if (ev && ev.words.size) why.push('words: ' + [...ev.words].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w).join(', '));
    if (site) why.push(`site seen ${site.count}×`);
    if (learned && learned.score >= 0.1) why.push('like earlier clips: ' + learned.words.join(', '));
    if (!why.length && c.parentId === null) why.push('words under ' + (taxonomy.find((x) => x.parentId === c.id && kw.has(x.id))?.name.en || c.name.en));
    if (!why.length) why.push('related words');
    out.push({ categoryId: c.id, score: Math.round(score * 1000) / 1000, why: why.join(' · ') });
  }
  out.sort((a, b) => b.score - a.score || depth(byId, b.categoryId) - depth(byId, a.categoryId));
  return out.slice(0, limit);
}

function depth(byId: Map<string, Category>, id: string): number {
  let d = 0;
  for (let c = byId.get(id); c?.parentId; c = byId.get(c.parentId)) d++;
  return d;
}

/** Count of whole-word (or, for Han, substring) occurrences of a tag in folded text. */
function occurrences(tag: string, haystackHan: string, stream: string): number {
  const t = foldText(tag).trim();
  if (!t) return 0;
  const han = /\p{Script=Han}/u.test(t);
  const key = han ? t.replace(/\s+/g, '') : tokenStream(t);
  const hay = han ? haystackHan : stream;
  if (!han && key.trim() === '') return 0;
  let n = 0;
  for (let i = hay.indexOf(key); i >= 0; i = hay.indexOf(key, i + key.length - (han ? 0 : 1))) n++;
  return n;
}

/**
 * Suggest up to `limit` tags: first the user's existing tags that the title or text mention (title first),
 * then a few of the page's key terms as new tags.
 */
export function suggestTags(input: CategorizeInput, existingTags: string[], limit = 5): string[] {
  if (limit <= 0) return [];
  const text = (input.text || '').slice(0, TEXT_CHARS);
  const bodyHan = foldText(text).replace(/\s+/g, '');
  const bodyStream = tokenStream(text);
  const titleHan = foldText(input.title || '').replace(/\s+/g, '');
  const titleStream = tokenStream(input.title || '');
  const scored: Array<[string, number]> = [];
  const seen = new Set<string>();
  for (const tag of existingTags) {
    const k = foldText(tag).trim();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    // Tags the title names come first, then by how often the text says them.
    const s = (occurrences(tag, titleHan, titleStream) ? 1000 : 0) + occurrences(tag, bodyHan, bodyStream);
    if (s > 0) scored.push([tag, s]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  const chosen = scored.slice(0, limit).map(([t]) => t);
  const taken = new Set(chosen.map((t) => foldText(t).trim()));
  const newMax = Math.min(3, limit - chosen.length);
  if (newMax > 0) {
    const lang = input.lang && input.lang !== 'und' ? input.lang : detectLanguage(`${input.title}\n${text}`);
    const candidates = keyTermScores(`${input.title}\n${text.slice(0, 2000)}`, lang, 12)
      .filter((t) => t.count >= 2 && t.term.length <= 24 && !taken.has(t.term) && !seen.has(t.term))
      .map((t) => ({ term: t.term, score: t.score * (occurrences(t.term, titleHan, titleStream) ? 2 : 1) }))
      .sort((a, b) => b.score - a.score);
    let added = 0;
    for (const c of candidates) {
      if (added >= newMax) break;
      // Skip a term already covered by a chosen tag ("知识" when "知识管理" is in).
      if ([...taken].some((t) => t.includes(c.term) || c.term.includes(t))) continue;
      chosen.push(c.term);
      taken.add(c.term);
      added++;
    }
  }
  return chosen;
}
