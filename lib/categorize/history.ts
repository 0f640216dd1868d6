/** What the suggester learns from the user's earlier filing: which sites and words went to which category. */
import type { FilingHistory } from './types';
import { filingTerms, siteKeyOf } from './terms';

/** The part of a clip filing history looks at. */
export interface FiledClip {
  url: string;
  siteName: string | null;
  title: string;
  text?: string;
  lang?: string;
  categoryId: string | null;
}

/** An empty filing history. */
export function emptyFilingHistory(): FilingHistory {
  return { bySite: {}, termsByCategory: {} };
}

/** Add one filed clip to a history in place (and return it); unfiled clips teach nothing. */
export function recordFiling(history: FilingHistory, clip: FiledClip): FilingHistory {
  const cat = clip.categoryId;
  if (!cat) return history;
  const site = siteKeyOf(clip.url, clip.siteName);
  if (site) {
    const counts = (history.bySite[site] ??= {});
    counts[cat] = (counts[cat] || 0) + 1;
  }
  const bag = (history.termsByCategory[cat] ??= {});
  for (const [term, weight] of filingTerms(clip.title, clip.text, clip.lang)) bag[term] = (bag[term] || 0) + weight;
  return history;
}

/** Build a filing history from stored clips (each reads its title and first ~1.5k chars of text). */
export function buildFilingHistory(clips: FiledClip[]): FilingHistory {
  const history = emptyFilingHistory();
  for (const clip of clips) recordFiling(history, clip);
  return history;
}
