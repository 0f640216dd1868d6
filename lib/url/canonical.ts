/** STUB — replaced by the text helper. */
export function normalizeUrl(url: string): string {
  return url.split('#')[0]!;
}
