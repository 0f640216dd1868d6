/** Text folding shared by segmentation, keywords and matching, so "ＡＢＣ" and "abc" compare equal. */

/** NFKC (full-width → half-width, compatibility forms → plain) then lower-case. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}
