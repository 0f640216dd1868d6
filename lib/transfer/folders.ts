/** Turn a bookmark's folder path into a taxonomy category (when the folders name one) and tags (the rest). */
import type { Category } from '../categorize/types';
import { categoryPath, childrenOf } from '../categorize/taxonomy';
import { foldText } from '../text/normalize';

/** The category a folder path names (English path, or null) and the folder names left over as tags. */
export interface FolderFiling {
  category: string | null;
  tags: string[];
}

function names(c: Category): string[] {
  return [c.name.en, c.name.zh, ...c.aliases].map((n) => foldText(n));
}

/** Longest run of folders from `start` that walks down the taxonomy from its top level: [length, category]. */
function runFrom(taxonomy: Category[], folders: string[], start: number): [number, Category | null] {
  let parentId: string | null = null;
  let found: Category | null = null;
  let length = 0;
  for (let i = start; i < folders.length; i++) {
    const part = foldText(folders[i]!.trim());
    const next: Category | undefined = childrenOf(taxonomy, parentId).find((c) => names(c).includes(part));
    if (!next) break;
    found = next;
    parentId = next.id;
    length++;
  }
  return [length, found];
}

/**
 * File a folder path: the longest run of folders that is a path from the taxonomy's top level
 * ("Work/Technology/AI & Data" → Technology/AI & Data), else the deepest single folder named like exactly one
 * category ("Reading/Programming" → Technology/Software Development). Folders not used become tags.
 */
export function fileByFolders(taxonomy: Category[], folders: string[]): FolderFiling {
  const parts = folders.map((f) => f.trim()).filter(Boolean);
  let best: { start: number; length: number; category: Category } | null = null;
  for (let start = 0; start < parts.length; start++) {
    const [length, category] = runFrom(taxonomy, parts, start);
    if (category && length > (best?.length ?? 0)) best = { start, length, category };
  }
  if (!best) {
    for (let i = parts.length - 1; i >= 0 && !best; i--) {
      const part = foldText(parts[i]!);
      const matches = taxonomy.filter((c) => names(c).includes(part));
      if (matches.length === 1) best = { start: i, length: 1, category: matches[0]! };
    }
  }
  if (!best) return { category: null, tags: parts };
  const used = best;
  return {
    category: categoryPath(taxonomy, used.category.id, 'en'),
    tags: parts.filter((_, i) => i < used.start || i >= used.start + used.length),
  };
}
