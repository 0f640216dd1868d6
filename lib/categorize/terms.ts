/** The terms a page is known by for filing: its title words plus key terms of its opening text. */
import { keyTermScores } from '../text/keywords';
import { detectLanguage } from '../text/language';
import { segmentWords } from '../text/segment';
import { isContentToken } from '../text/keywords';
import { lightStem } from '../text/stem';

/** How much opening text filing terms are taken from (keeps history building and suggestion cheap). */
export const FILING_TEXT_CHARS = 1500;

/** Stable key for "the same site": hostname without `www.`, else the folded site name, else ''. */
export function siteKeyOf(url: string, siteName: string | null | undefined): string {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    if (host) return host;
  } catch {
    /* not a URL: fall through to the site name */
  }
  return (siteName || '').trim().toLowerCase();
}

/** Weighted filing terms of a page: title words count double, then the text's key terms. */
export function filingTerms(title: string, text: string | undefined, lang?: string | null): Map<string, number> {
  const head = (text || '').slice(0, FILING_TEXT_CHARS);
  const language = lang && lang !== 'und' ? lang : detectLanguage(`${title}\n${head}`);
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => {
    const k = lightStem(t);
    terms.set(k, (terms.get(k) || 0) + w);
  };
  for (const w of segmentWords(title, language)) if (isContentToken(w)) add(w, 2);
  if (head) for (const t of keyTermScores(head, language, 12)) add(t.term, 1);
  return terms;
}
