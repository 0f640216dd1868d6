/** The learned category suggester: lexicon first, filing takes over, incremental learning, and cross-validated quality against naive Bayes. */
import { describe, expect, it } from 'vitest';
import { learn, suggest, trainCategorizer, type TrainingClip } from '../../../lib/categorize/learned';
import { suggestNaiveBayes, trainNaiveBayes } from '../../../lib/categorize/naive-bayes';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import { loadFixturePages } from '../../data/fixture-corpus';
import { crossValidate, loadCategoryLabels } from '../../data/categorize-eval';

const clip = (title: string, text: string, categoryId: string, url = 'https://blog.example/p', lang = 'en'): TrainingClip => ({ title, text, categoryId, url, siteName: null, lang });
const input = (title: string, text: string, url = 'https://other.example/x', lang = 'en') => ({ title, text, url, siteName: null, lang });

describe('learned suggester', () => {
  it('falls back to the lexicon with no filing, and says why', () => {
    const model = trainCategorizer([]);
    const s = suggest(model, input('Training a neural network', 'Deep learning models and neural network training on a large dataset.'), STARTER_TAXONOMY);
    expect(s[0]!.categoryId).toBe('tech-ai');
    expect(s[0]!.why).toMatch(/words: /);
  });

  it('learns a team’s own use of a category that the seed words do not know', () => {
    const sourdough = (i: number) => clip(`Sourdough log ${i}`, `Levain feeding schedule, hydration, crumb and oven spring for loaf ${i}. Starter, levain, hydration, crumb.`, 'science', `https://bakery.example/${i}`);
    const page = input('Levain notes', 'My levain and hydration notes: crumb, oven spring and the feeding schedule.', 'https://bakery.example/new');
    const before = suggest(trainCategorizer([]), page, STARTER_TAXONOMY);
    expect(before.map((s) => s.categoryId)).not.toContain('science');
    const model = trainCategorizer([]);
    for (let i = 0; i < 12; i++) learn(model, sourdough(i));
    const after = suggest(model, page, STARTER_TAXONOMY);
    expect(after[0]!.categoryId).toBe('science');
    expect(after[0]!.why).toMatch(/like 12 filed clips: .*(levain|hydration|crumb)/);
  });

  it('learns Chinese filing too, and incremental learning equals training at once', () => {
    const zh = [
      clip('团队复盘会议纪要', '本次复盘讨论项目经验教训，总结复盘方法，沉淀团队经验。复盘 经验 教训', 'learning-org', 'https://wiki.example/1', 'zh'),
      clip('季度复盘：经验与教训', '复盘是团队学习的关键环节，复盘会议要记录经验教训。', 'learning-org', 'https://wiki.example/2', 'zh'),
      clip('咖啡馆探店', '这家咖啡馆的手冲咖啡很好喝，甜点也不错。', 'culture-travel-food', 'https://food.example/1', 'zh'),
    ];
    const once = trainCategorizer(zh);
    const stepwise = trainCategorizer([]);
    for (const c of zh) learn(stepwise, c);
    const page = input('项目复盘', '我们在项目结束后做了一次复盘，记录经验教训。', 'https://wiki.example/3', 'zh');
    expect(suggest(stepwise, page, STARTER_TAXONOMY)).toEqual(suggest(once, page, STARTER_TAXONOMY));
    expect(suggest(once, page, STARTER_TAXONOMY)[0]!.categoryId).toBe('learning-org');
  });

  it('adds extra evidence (rules) on top, and ignores categories the taxonomy lacks', () => {
    const model = trainCategorizer([clip('x', 'alpha beta gamma', 'no-such-category')]);
    const rules = () => new Map([['reference', { score: 1, why: 'rule: site is docs' }], ['no-such-category', { score: 1, why: 'x' }]]);
    const s = suggest(model, input('alpha', 'alpha beta gamma'), STARTER_TAXONOMY, 3, { extra: rules });
    expect(s[0]).toMatchObject({ categoryId: 'reference', why: expect.stringContaining('rule: site is docs') });
    expect(s.map((x) => x.categoryId)).not.toContain('no-such-category');
  });

  it('naive Bayes baseline ranks by posterior probability', () => {
    const nb = trainNaiveBayes([clip('cats', 'cat cat kitten purr', 'culture'), clip('stocks', 'stock bond market investor', 'biz-finance')]);
    const s = suggestNaiveBayes(nb, input('kitten', 'a cat and a kitten'));
    expect(s[0]!.categoryId).toBe('culture');
    expect(s[0]!.score).toBeGreaterThan(0.5);
    expect(s.reduce((a, b) => a + b.score, 0)).toBeCloseTo(1, 2);
  });
});

describe('cross-validated on the hand-labeled fixture pages (bench: npm run bench:categorize)', () => {
  it('labels every fixture page, and the learned suggester beats naive Bayes on top-1 overall', () => {
    const pages = loadFixturePages();
    const labels = loadCategoryLabels();
    const taxonomyIds = new Set(STARTER_TAXONOMY.map((c) => c.id));
    for (const p of pages) {
      expect(p.id in labels, p.id).toBe(true);
      if (labels[p.id]) expect(taxonomyIds.has(labels[p.id]!), p.id).toBe(true);
    }
    const { table } = crossValidate(pages, 5);
    for (const m of ['learned', 'naive-bayes', 'lexicon'] as const)
      console.log(m, Object.entries(table[m]).map(([g, c]) => `${g}: top-1 ${c.top1}/${c.n}, top-3 ${c.top3}/${c.n}`).join('; '));
    const rate = (m: 'learned' | 'naive-bayes' | 'lexicon', k: 'top1' | 'top3') => table[m].all[k] / table[m].all.n;
    expect(rate('learned', 'top1')).toBeGreaterThan(rate('naive-bayes', 'top1'));
    // Measured 0.479 / 0.792 (naive Bayes 0.302 / 0.385, lexicon 0.458 / 0.667): floors with margin.
    expect(rate('learned', 'top1')).toBeGreaterThanOrEqual(0.42);
    expect(rate('learned', 'top3')).toBeGreaterThanOrEqual(0.72);
    expect(rate('learned', 'top3')).toBeGreaterThan(rate('lexicon', 'top3'));
  }, 180_000);
});
