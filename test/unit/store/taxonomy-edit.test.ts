import { describe, expect, it } from 'vitest';
import { addCategory, deleteBlocker, deleteCategory, moveCategory, newCategoryId, renameCategory, unnamedCategories } from '../../../lib/store/taxonomy-edit';
import { flattenTree, subtreeIds } from '../../../lib/store/taxonomy-tree';
import { addTags, splitTagInput } from '../../../lib/store/tags';
import { TAXONOMY } from './fake-background';

describe('taxonomy tree', () => {
  it('flattens depth-first with depths, orphans at top level', () => {
    const tax = [...TAXONOMY, { id: 'orphan', parentId: 'missing', name: { en: 'O', zh: '' }, aliases: [], keywords: [] }];
    expect(flattenTree(tax).map((r) => `${r.depth}:${r.category.id}`)).toEqual(['0:tech', '1:ai', '2:ml', '0:km', '0:orphan']);
  });

  it('survives a cycle', () => {
    const cyc = [
      { id: 'a', parentId: 'b', name: { en: 'A', zh: '' }, aliases: [], keywords: [] },
      { id: 'b', parentId: 'a', name: { en: 'B', zh: '' }, aliases: [], keywords: [] },
    ];
    expect(flattenTree(cyc).map((r) => r.category.id).sort()).toEqual(['a', 'b']);
    expect([...subtreeIds(cyc, 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('taxonomy edits', () => {
  it('adds with a unique slug id, even for Chinese-only names', () => {
    const added = addCategory(TAXONOMY, { en: 'AI', zh: '' }, 'tech');
    expect(added.at(-1)).toMatchObject({ id: 'ai-2', parentId: 'tech', name: { en: 'AI', zh: '' } });
    expect(newCategoryId('知识', new Set(), () => 0.5)).toMatch(/^category-[0-9a-z]+$/);
  });

  it('renames in one language only', () => {
    const r = renameCategory(TAXONOMY, 'ai', 'zh', 'AI 人工智能');
    expect(r.find((c) => c.id === 'ai')!.name).toEqual({ en: 'AI', zh: 'AI 人工智能' });
  });

  it('moves, but never into its own subtree', () => {
    expect(moveCategory(TAXONOMY, 'ai', 'km').find((c) => c.id === 'ai')!.parentId).toBe('km');
    expect(moveCategory(TAXONOMY, 'tech', 'ml').find((c) => c.id === 'tech')!.parentId).toBeNull();
    expect(moveCategory(TAXONOMY, 'ml', null).find((c) => c.id === 'ml')!.parentId).toBeNull();
  });

  it('deletes only empty categories', () => {
    expect(deleteBlocker(TAXONOMY, 'ai', 0)).toEqual({ clips: 0, children: 1 });
    expect(deleteCategory(TAXONOMY, 'ai', 0)).toHaveLength(4);
    expect(deleteCategory(TAXONOMY, 'km', 3)).toHaveLength(4);
    expect(deleteCategory(TAXONOMY, 'km', 0).map((c) => c.id)).toEqual(['tech', 'ai', 'ml']);
  });

  it('finds unnamed categories', () => {
    expect(unnamedCategories(renameCategory(renameCategory(TAXONOMY, 'km', 'en', ' '), 'km', 'zh', ''))).toEqual(['km']);
  });
});

describe('tags', () => {
  it('splits on ASCII and CJK separators and dedupes case-insensitively', () => {
    expect(splitTagInput('a, b，知识、 #c')).toEqual(['a', 'b', '知识', 'c']);
    expect(addTags(['React'], 'react', ' ', 'Vue')).toEqual(['React', 'Vue']);
  });
});
