/** STUB — replaced by the text helper. */
export function detectLanguage(text: string, hint?: string | null): string {
  return hint ? hint.split('-')[0]!.toLowerCase() : 'und';
}
