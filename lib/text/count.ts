/** STUB — replaced by the text helper. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
