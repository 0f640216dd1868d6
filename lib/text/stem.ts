/** A deliberately light English stemmer (plural and a few suffixes) so "models" matches "model". */

/** Reduce a folded English word to a matching key; other scripts pass through unchanged. */
export function lightStem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|ics)$/.test(word)) return word.slice(0, -1);
  return word;
}
