import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY, categoryPath, childrenOf, findCategoryByPath, validateTaxonomy } from '../../../lib/categorize/taxonomy';
import type { Category } from '../../../lib/categorize/types';

const HAN = /\p{Script=Han}/u;

describe('STARTER_TAXONOMY', () => {
  it('is a sound tree of ~25 nodes under ~8 top-level areas', () => {
    expect(validateTaxonomy(STARTER_TAXONOMY)).toEqual([]);
    expect(STARTER_TAXONOMY.length).toBeGreaterThanOrEqual(20);
    expect(STARTER_TAXONOMY.length).toBeLessThanOrEqual(35);
    const top = childrenOf(STARTER_TAXONOMY, null);
    expect(top.length).toBeGreaterThanOrEqual(7);
    expect(top.length).toBeLessThanOrEqual(10);
  });

  it('gives every node a kebab id, names in both languages and seed words in both languages', () => {
    for (const c of STARTER_TAXONOMY) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.name.en).toMatch(/^[A-Z]/);
      expect(c.name.zh).toMatch(HAN);
      expect(c.aliases.length).toBeGreaterThan(0);
      const zh = c.keywords.filter((k) => HAN.test(k));
      const en = c.keywords.filter((k) => !HAN.test(k));
      expect(zh.length, `${c.id} Chinese keywords`).toBeGreaterThanOrEqual(7);
      expect(en.length, `${c.id} English keywords`).toBeGreaterThanOrEqual(7);
      expect(c.keywords.length).toBeLessThanOrEqual(60);
    }
  });

  it('has knowledge management under Learning & Knowledge', () => {
    expect(categoryPath(STARTER_TAXONOMY, 'learning-km')).toBe('Learning & Knowledge/Knowledge Management');
    expect(categoryPath(STARTER_TAXONOMY, 'learning-km', 'zh')).toBe('学习与知识/知识管理');
    expect(categoryPath(STARTER_TAXONOMY, 'tech-ai')).toBe('Technology/AI & Data');
    expect(categoryPath(STARTER_TAXONOMY, null)).toBe('');
  });
});

describe('findCategoryByPath', () => {
  it('finds by English or Chinese names or aliases, any case', () => {
    expect(findCategoryByPath(STARTER_TAXONOMY, 'Technology/AI & Data')?.id).toBe('tech-ai');
    expect(findCategoryByPath(STARTER_TAXONOMY, 'technology/ai & data')?.id).toBe('tech-ai');
    expect(findCategoryByPath(STARTER_TAXONOMY, '科技/人工智能与数据')?.id).toBe('tech-ai');
    expect(findCategoryByPath(STARTER_TAXONOMY, 'Tech/Machine Learning')?.id).toBe('tech-ai');
    expect(findCategoryByPath(STARTER_TAXONOMY, '学习与知识/知识管理')?.id).toBe('learning-km');
    expect(findCategoryByPath(STARTER_TAXONOMY, ' Business ')?.id).toBe('business');
  });
  it('returns undefined for unknown paths or a child under the wrong parent', () => {
    expect(findCategoryByPath(STARTER_TAXONOMY, 'Business/AI & Data')).toBeUndefined();
    expect(findCategoryByPath(STARTER_TAXONOMY, 'Nowhere')).toBeUndefined();
    expect(findCategoryByPath(STARTER_TAXONOMY, '')).toBeUndefined();
  });
});

describe('validateTaxonomy', () => {
  const cat = (id: string, parentId: string | null): Category => ({ id, parentId, name: { en: id, zh: id }, aliases: [], keywords: [] });
  it('reports duplicate ids, unknown parents and cycles', () => {
    expect(validateTaxonomy([cat('a', null), cat('a', null)])).toContain('duplicate id: a');
    expect(validateTaxonomy([cat('a', 'zzz')])).toContain('unknown parent zzz of a');
    expect(validateTaxonomy([cat('a', 'b'), cat('b', 'a')]).some((p) => p.startsWith('cycle'))).toBe(true);
    expect(validateTaxonomy([cat('a', null), cat('b', 'a')])).toEqual([]);
  });
});
