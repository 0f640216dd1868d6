/** k-fold cross-validation of the category suggesters on the hand-labeled fixture pages, shared by bench:categorize and its test. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suggest, trainCategorizer } from '../../lib/categorize/learned';
import { suggestNaiveBayes, trainNaiveBayes, type TrainingClip } from '../../lib/categorize/naive-bayes';
import { suggestCategories } from '../../lib/categorize/suggest';
import { STARTER_TAXONOMY } from '../../lib/categorize/taxonomy';
import type { CategorySuggestion } from '../../lib/categorize/types';
import { REPO_ROOT, type FixturePage } from './fixture-corpus';

/** Page id → category id (null: nothing to file, left out). */
export function loadCategoryLabels(): Record<string, string | null> {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/data/category-labels.json'), 'utf8')) as { labels: Record<string, string | null> }).labels;
}

export type Method = 'learned' | 'naive-bayes' | 'lexicon';
export const METHODS: Method[] = ['learned', 'naive-bayes', 'lexicon'];
/** Language groups reported separately. */
export type LangGroup = 'en' | 'zh' | 'other';
export const langGroup = (lang: string): LangGroup => (lang === 'en' ? 'en' : lang === 'zh' ? 'zh' : 'other');

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}
export type AccuracyTable = Record<Method, Record<LangGroup | 'all', Accuracy>>;

type Labeled = FixturePage & { categoryId: string };

/** Deterministic shuffle (so folds are stable between runs). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Cross-validate: pages are dealt round-robin into k folds by category (stratified, after a seeded shuffle);
 * each fold is suggested for by models trained on the other folds' filed clips. The lexicon-only suggester
 * learns nothing, so it is the same in every fold.
 */
export function crossValidate(pages: FixturePage[], k = 5, seed = 7): { table: AccuracyTable; perPage: Array<{ id: string; lang: LangGroup; label: string; top: Record<Method, string | null> }> } {
  const labels = loadCategoryLabels();
  const labeled = pages.filter((p) => labels[p.id]).map((p) => ({ ...p, pageText: '', categoryId: labels[p.id]! }) as Labeled);
  const folds: Labeled[][] = Array.from({ length: k }, () => []);
  const byCat = new Map<string, Labeled[]>();
  for (const p of shuffled(labeled, seed)) byCat.set(p.categoryId, [...(byCat.get(p.categoryId) || []), p]);
  let next = 0;
  for (const cat of [...byCat.keys()].sort()) for (const p of byCat.get(cat)!) folds[next++ % k]!.push(p);

  const table = {} as AccuracyTable;
  for (const m of METHODS) table[m] = { en: { n: 0, top1: 0, top3: 0 }, zh: { n: 0, top1: 0, top3: 0 }, other: { n: 0, top1: 0, top3: 0 }, all: { n: 0, top1: 0, top3: 0 } };
  const perPage: Array<{ id: string; lang: LangGroup; label: string; top: Record<Method, string | null> }> = [];
  const toTraining = (p: Labeled): TrainingClip => ({ title: p.title, text: p.text, siteName: p.siteName, url: p.url, categoryId: p.categoryId, lang: p.lang });
  for (let f = 0; f < k; f++) {
    const train = folds.filter((_, i) => i !== f).flat().map(toTraining);
    const learned = trainCategorizer(train);
    const nb = trainNaiveBayes(train);
    for (const p of folds[f]!) {
      const input = { url: p.url, title: p.title, siteName: p.siteName, text: p.text, lang: p.lang };
      const results: Record<Method, CategorySuggestion[]> = {
        learned: suggest(learned, input, STARTER_TAXONOMY, 3),
        'naive-bayes': suggestNaiveBayes(nb, input, 3),
        lexicon: suggestCategories(input, STARTER_TAXONOMY, undefined, 3),
      };
      const g = langGroup(p.lang);
      const top = {} as Record<Method, string | null>;
      for (const m of METHODS) {
        const ids = results[m].map((s) => s.categoryId);
        top[m] = ids[0] ?? null;
        for (const cell of [table[m][g], table[m].all]) {
          cell.n++;
          if (ids[0] === p.categoryId) cell.top1++;
          if (ids.slice(0, 3).includes(p.categoryId)) cell.top3++;
        }
      }
      perPage.push({ id: p.id, lang: g, label: p.categoryId, top });
    }
  }
  return { table, perPage };
}
