/** A plain multinomial naive-Bayes category model (bag of words, Laplace smoothing): the baseline the learned suggester is measured against. */
import type { CategorySuggestion } from './types';
import { contentTokens } from '../text/keywords';
import { detectLanguage } from '../text/language';
import { lightStem } from '../text/stem';

/** What a filed clip contributes to training (the same shape the learned suggester takes). */
export interface TrainingClip {
  title: string;
  text: string;
  siteName?: string | null;
  url?: string;
  categoryId: string | null;
  lang?: string | null;
}

/** How much text is read per clip: the opening says what a page is about, and segmentation costs. */
export const TRAINING_TEXT_CHARS = 4000;

/** Stemmed content words of a clip's title and opening text, Chinese through Intl.Segmenter. */
export function bagOfWords(clip: { title: string; text: string; lang?: string | null }): string[] {
  const head = (clip.text || '').slice(0, TRAINING_TEXT_CHARS);
  const lang = clip.lang && clip.lang !== 'und' ? clip.lang : detectLanguage(`${clip.title}\n${head}`);
  return contentTokens(`${clip.title}\n${head}`, lang).map(lightStem);
}

/** Word counts per category, documents per category, and the vocabulary. */
export interface NaiveBayesModel {
  docs: Record<string, number>;
  words: Record<string, Record<string, number>>;
  totals: Record<string, number>;
  vocabulary: Set<string>;
  totalDocs: number;
}

/** Train a multinomial naive-Bayes model on filed clips (unfiled ones are skipped). */
export function trainNaiveBayes(clips: TrainingClip[]): NaiveBayesModel {
  const model: NaiveBayesModel = { docs: {}, words: {}, totals: {}, vocabulary: new Set(), totalDocs: 0 };
  for (const clip of clips) learnNaiveBayes(model, clip);
  return model;
}

/** Add one filed clip to the model in place. */
export function learnNaiveBayes(model: NaiveBayesModel, clip: TrainingClip): NaiveBayesModel {
  const cat = clip.categoryId;
  if (!cat) return model;
  model.docs[cat] = (model.docs[cat] || 0) + 1;
  model.totalDocs++;
  const counts = (model.words[cat] ??= {});
  for (const w of bagOfWords(clip)) {
    counts[w] = (counts[w] || 0) + 1;
    model.totals[cat] = (model.totals[cat] || 0) + 1;
    model.vocabulary.add(w);
  }
  return model;
}

/** Categories by posterior probability (log prior + Σ log P(word|category), α = 1), best first. */
export function suggestNaiveBayes(model: NaiveBayesModel, input: { title: string; text: string; lang?: string | null }, limit = 3): CategorySuggestion[] {
  const cats = Object.keys(model.docs);
  if (!cats.length || limit <= 0) return [];
  const words = bagOfWords(input);
  const v = model.vocabulary.size;
  const logs = cats.map((c) => {
    let lp = Math.log(model.docs[c]! / model.totalDocs);
    const counts = model.words[c] || {};
    const denom = Math.log((model.totals[c] || 0) + v);
    for (const w of words) if (model.vocabulary.has(w)) lp += Math.log((counts[w] || 0) + 1) - denom;
    return lp;
  });
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return cats
    .map((c, i) => ({ categoryId: c, score: Math.round((exps[i]! / sum) * 1000) / 1000, why: 'naive Bayes over words' }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
