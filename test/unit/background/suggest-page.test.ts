import { describe, expect, it } from 'vitest';
import { suggestForPage, trainingClips } from '@/lib/background/suggest';
import { suggest, trainCategorizer } from '@/lib/categorize/learned';
import { suggestCategories, suggestTags } from '@/lib/categorize/suggest';
import type { Category } from '@/lib/categorize/types';
import { makeClip } from '../db/make-clip';

const node = (id: string, en: string, extra: Partial<Category> = {}): Category => ({ id, parentId: null, name: { en, zh: en }, aliases: [], keywords: [], ...extra });
const taxonomy = [node('cooking', 'Cooking', { rules: [{ site: 'recipes.test', tags: ['recipe'] }] }), node('astro', 'Astronomy')];
const categorizer = { suggestCategories, suggestTags };
const empty = { bySite: {}, termsByCategory: {} };

describe('suggestForPage', () => {
  it('puts a rule hit first (score 1, why "rule: …") with its tags, over what the words say', () => {
    const input = { url: 'https://recipes.test/star', title: 'Telescope stars and galaxies', siteName: null, text: 'telescope galaxies stars orbit', lang: 'en' };
    const out = suggestForPage(input, { categorizer, taxonomy, filing: empty, tags: [] });
    expect(out.suggestions[0]).toEqual({ categoryId: 'cooking', score: 1, why: 'rule: site recipes.test' });
    expect(out.tagSuggestions[0]).toBe('recipe');
  });

  it('uses the learned model trained on filed clips when there is one, and only existing categories', () => {
    const filed = [
      makeClip({ id: 'a', title: 'Galaxy survey telescope', text: 'galaxy telescope survey nebula', categoryId: 'astro' }),
      makeClip({ id: 'b', title: 'Nebula photographs', text: 'nebula telescope exposure', categoryId: 'astro' }),
      makeClip({ id: 'c', title: 'Bread', text: 'flour yeast oven', categoryId: 'cooking' }),
      makeClip({ id: 'd', title: 'Old', text: 'nebula', categoryId: 'gone' }),
      makeClip({ id: 'e', title: 'Deleted', text: 'nebula', categoryId: 'astro', deletedAt: '2024-01-02T00:00:00Z' }),
    ];
    const training = trainingClips(filed, taxonomy);
    expect(training.map((c) => c.title)).toEqual(['Galaxy survey telescope', 'Nebula photographs', 'Bread']);
    const model = trainCategorizer(training);
    const input = { url: 'https://space.test/x', title: 'A new nebula', siteName: null, text: 'telescope nebula galaxy', lang: 'en' };
    const out = suggestForPage(input, { categorizer, taxonomy, filing: empty, tags: [], learned: { model, categorizer: { train: trainCategorizer, suggest } } });
    expect(out.suggestions[0]?.categoryId).toBe('astro');
    expect(out.suggestions[0]?.why).toMatch(/filed clip/);
    expect(out.suggestions.every((s) => taxonomy.some((c) => c.id === s.categoryId))).toBe(true);
  });
});
