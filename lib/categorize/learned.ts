/**
 * The learned category suggester: TF-IDF centroids of the team's own filed clips (Chinese and English
 * words, plus the site), blended with the lexicon suggester. With few filed clips the lexicon (taxonomy
 * names and seed words) decides; the learned part's weight grows with the number of filed clips.
 *
 * Why centroids (Rocchio) over naive Bayes: a team files a handful of clips per category at first, long
 * articles next to short ones. Cosine to a centroid of length-normalised TF-IDF vectors is not swayed by
 * one long document or by how many clips a category already holds, and IDF mutes words every page has;
 * naive Bayes multiplies hundreds of per-word likelihoods, so long texts and big categories dominate.
 */
import type { Category, CategorizeInput, CategorySuggestion } from './types';
import { bagOfWords, type TrainingClip } from './naive-bayes';
import { suggestCategories } from './suggest';
import { siteKeyOf } from './terms';

export type { TrainingClip } from './naive-bayes';

/** The trained model: document frequencies and, per category, the sum of its clips' normalised term vectors. */
export interface LearnedModel {
  docFreq: Map<string, number>;
  totalDocs: number;
  /** categoryId → term → summed weight (each clip's log-tf vector normalised to length 1). */
  centroids: Map<string, Map<string, number>>;
  docsPerCategory: Map<string, number>;
}

/** Extra evidence per category from elsewhere (team rules, later): a score in [0, 1] and a reason. */
export type ExtraEvidence = (input: CategorizeInput) => Map<string, { score: number; why: string }>;

export interface LearnedSuggestOptions {
  /** Rules or other evidence added on top (weight `extraWeight`, default 0.5). */
  extra?: ExtraEvidence;
  extraWeight?: number;
}

/** Title words count this many times: a title says in a few words what the text says in many. */
const TITLE_WEIGHT = 3;
const SITE_FEATURE = 'site:';
/** The learned part's weight is n / (n + HALF_WEIGHT_AT), capped: 24 filed clips give it half. */
const HALF_WEIGHT_AT = 24;
const MAX_LEARNED_WEIGHT = 0.6;
/** A best cosine at or above this means the page reads like the team's filing; below, the learned part counts less. */
const CONFIDENT_COSINE = 0.3;
const MIN_SCORE = 0.1;
/** A category with this many filed clips has its similarity halved; with many clips the shrinkage fades. */
const SHRINK_CLIPS = 2;

/** Log-scaled term frequencies of a clip: title words weigh more, the site is one more feature. */
function termVector(clip: { title: string; text: string; lang?: string | null; url?: string; siteName?: string | null }): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of bagOfWords({ title: '', text: clip.text, lang: clip.lang })) counts.set(w, (counts.get(w) || 0) + 1);
  for (const w of bagOfWords({ title: clip.title, text: '', lang: clip.lang })) counts.set(w, (counts.get(w) || 0) + TITLE_WEIGHT);
  const site = siteKeyOf(clip.url || '', clip.siteName);
  if (site) counts.set(SITE_FEATURE + site, 2);
  const v = new Map<string, number>();
  for (const [t, c] of counts) v.set(t, 1 + Math.log(c));
  return v;
}

/** A new empty model. */
export function emptyLearnedModel(): LearnedModel {
  return { docFreq: new Map(), totalDocs: 0, centroids: new Map(), docsPerCategory: new Map() };
}

/** Train on the team's filed clips (clips without a category are skipped). */
export function trainCategorizer(filedClips: TrainingClip[]): LearnedModel {
  const model = emptyLearnedModel();
  for (const clip of filedClips) learn(model, clip);
  return model;
}

/** Add one filed clip to the model in place (and return it). */
export function learn(model: LearnedModel, clip: TrainingClip): LearnedModel {
  if (!clip.categoryId) return model;
  const v = termVector(clip);
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  model.totalDocs++;
  for (const t of v.keys()) model.docFreq.set(t, (model.docFreq.get(t) || 0) + 1);
  let centroid = model.centroids.get(clip.categoryId);
  if (!centroid) model.centroids.set(clip.categoryId, (centroid = new Map()));
  for (const [t, w] of v) centroid.set(t, (centroid.get(t) || 0) + w / norm);
  model.docsPerCategory.set(clip.categoryId, (model.docsPerCategory.get(clip.categoryId) || 0) + 1);
  return model;
}

function idf(model: LearnedModel, term: string): number {
  return Math.log((1 + model.totalDocs) / (1 + (model.docFreq.get(term) || 0))) + 1;
}

/** Cosine of the input's TF-IDF vector with each category centroid (shrunk for small categories), and the words that shared most. */
export function learnedScores(model: LearnedModel, input: CategorizeInput): Map<string, { cosine: number; words: string[] }> {
  const out = new Map<string, { cosine: number; words: string[] }>();
  if (!model.totalDocs) return out;
  const doc = new Map<string, number>();
  let docNorm = 0;
  for (const [t, w] of termVector(input)) {
    if (!model.docFreq.has(t)) continue;
    const x = w * idf(model, t);
    doc.set(t, x);
    docNorm += x * x;
  }
  docNorm = Math.sqrt(docNorm);
  if (!docNorm) return out;
  for (const [cat, centroid] of model.centroids) {
    let dot = 0;
    let norm = 0;
    const shared: Array<[string, number]> = [];
    for (const [t, w] of centroid) {
      const c = w * idf(model, t);
      norm += c * c;
      const x = doc.get(t);
      if (x) {
        dot += x * c;
        shared.push([t, x * c]);
      }
    }
    if (!dot) continue;
    shared.sort((a, b) => b[1] - a[1]);
    // Shrink towards zero for categories with few clips: one filed clip is weak evidence of a category.
    const n = model.docsPerCategory.get(cat) || 0;
    out.set(cat, { cosine: (dot / (docNorm * Math.sqrt(norm))) * (n / (n + SHRINK_CLIPS)), words: shared.slice(0, 3).map(([t]) => (t.startsWith(SITE_FEATURE) ? `same site ${t.slice(SITE_FEATURE.length)}` : t)) });
  }
  return out;
}

/**
 * Suggest up to `limit` categories, best first, scores in [0, 1], each with a `why`: the lexicon's score
 * (taxonomy names and seed words in the text) blended with the learned centroid similarity, whose weight
 * grows with the number of filed clips; optional extra evidence (rules) is added on top.
 */
export function suggest(model: LearnedModel, input: CategorizeInput, taxonomy: Category[], limit = 3, options: LearnedSuggestOptions = {}): CategorySuggestion[] {
  if (!taxonomy.length || limit <= 0) return [];
  const known = new Set(taxonomy.map((c) => c.id));
  const lexicon = new Map(suggestCategories(input, taxonomy, undefined, taxonomy.length).map((s) => [s.categoryId, s]));
  const learned = learnedScores(model, input);
  let best = 0;
  for (const [cat, l] of learned) if (known.has(cat)) best = Math.max(best, l.cosine);
  // The learned part weighs more as filing grows, and less for a page unlike anything filed (e.g. the
  // first Chinese page in an English library), where the lexicon knows better.
  const w = Math.min(MAX_LEARNED_WEIGHT, model.totalDocs / (model.totalDocs + HALF_WEIGHT_AT)) * Math.min(1, best / CONFIDENT_COSINE);
  const extra = options.extra ? options.extra(input) : new Map<string, { score: number; why: string }>();
  const extraWeight = options.extraWeight ?? 0.5;
  const out: CategorySuggestion[] = [];
  for (const id of new Set([...lexicon.keys(), ...learned.keys(), ...extra.keys()])) {
    if (!known.has(id)) continue;
    const lex = lexicon.get(id);
    const l = learned.get(id);
    const e = extra.get(id);
    const learnedScore = l && best ? l.cosine / best : 0;
    const score = Math.min(1, (1 - w) * (lex?.score || 0) + w * learnedScore + extraWeight * (e?.score || 0));
    if (score < MIN_SCORE) continue;
    const why: string[] = [];
    if (e) why.push(e.why);
    if (l && learnedScore >= 0.3) why.push(`like ${model.docsPerCategory.get(id)} filed clip${model.docsPerCategory.get(id) === 1 ? '' : 's'}: ${l.words.join(', ')}`);
    if (lex) why.push(lex.why);
    out.push({ categoryId: id, score: Math.round(score * 1000) / 1000, why: why.join(' · ') || 'related words' });
  }
  return out.sort((a, b) => b.score - a.score || (a.categoryId < b.categoryId ? -1 : 1)).slice(0, limit);
}
