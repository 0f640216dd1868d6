import type { Summary } from '../clip/types';
/** STUB — replaced by the text helper. */
export function summarize(text: string, lang: string): Summary {
  return { abstract: text.slice(0, 200), keyPoints: [] };
}
