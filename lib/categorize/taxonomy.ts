import type { Category } from './types';
/** STUB — replaced by the text helper. */
export const STARTER_TAXONOMY: Category[] = [
  { id: 'technology', parentId: null, name: { en: 'Technology', zh: '科技' }, aliases: [], keywords: [] },
];
/** "Technology/AI" style path of English (or Chinese) names for a category id. */
export function categoryPath(taxonomy: Category[], id: string | null, lang: 'en' | 'zh' = 'en'): string {
  const byId = new Map(taxonomy.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = id ? byId.get(id) : undefined; c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name[lang]);
  return names.join('/');
}
