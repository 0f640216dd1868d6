/** Pure edits of the taxonomy for the Settings editor; the result is saved with `taxonomy:save`. */
import type { Category } from '../categorize/types';
import { subtreeIds } from './taxonomy-tree';

/** A url-safe id from a name, unique among `taken` (random suffix if the name has no ASCII). */
export function newCategoryId(name: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
    || `category-${Math.floor(random() * 36 ** 4).toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Add a category under `parentId`. */
export function addCategory(taxonomy: readonly Category[], name: { en: string; zh: string }, parentId: string | null): Category[] {
  const id = newCategoryId(name.en || name.zh, new Set(taxonomy.map((c) => c.id)));
  return [...taxonomy, { id, parentId, name: { en: name.en.trim(), zh: name.zh.trim() }, aliases: [], keywords: [] }];
}

/** Rename a category in one language. */
export function renameCategory(taxonomy: readonly Category[], id: string, lang: 'en' | 'zh', value: string): Category[] {
  return taxonomy.map((c) => (c.id === id ? { ...c, name: { ...c.name, [lang]: value } } : c));
}

/** Move a category under another parent; refuses (returns the input) a move into its own subtree. */
export function moveCategory(taxonomy: readonly Category[], id: string, parentId: string | null): Category[] {
  if (parentId !== null && subtreeIds(taxonomy, id).has(parentId)) return [...taxonomy];
  return taxonomy.map((c) => (c.id === id ? { ...c, parentId } : c));
}

/** Why a category cannot be deleted, or null if it is empty (no clips, no subcategories). */
export function deleteBlocker(taxonomy: readonly Category[], id: string, clipCount: number): { clips: number; children: number } | null {
  const children = taxonomy.filter((c) => c.parentId === id).length;
  return clipCount > 0 || children > 0 ? { clips: clipCount, children } : null;
}

/** Delete an empty category; a non-empty one is left alone (returns the input). */
export function deleteCategory(taxonomy: readonly Category[], id: string, clipCount: number): Category[] {
  if (deleteBlocker(taxonomy, id, clipCount)) return [...taxonomy];
  return taxonomy.filter((c) => c.id !== id);
}

/** Ids of categories with neither an English nor a Chinese name. */
export function unnamedCategories(taxonomy: readonly Category[]): string[] {
  return taxonomy.filter((c) => !c.name.en.trim() && !c.name.zh.trim()).map((c) => c.id);
}
