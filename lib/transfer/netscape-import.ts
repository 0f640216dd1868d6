/** Bookmarks HTML (any browser's export) → link clips: folders file the clip or become tags. */
import type { Category } from '../categorize/types';
import { fileByFolders } from './folders';
import { linkUrlProblem, makeLinkClip } from './link-clip';
import { parseNetscapeBookmarks } from './netscape-parse';
import type { ReadItem } from './types';

/** Seconds since epoch (ADD_DATE), or microseconds as some exporters write; null when absent or bad. */
export function parseEpoch(value: string | undefined): number | null {
  if (!value || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return null;
  if (n > 1e14) return Math.floor(n / 1000); // microseconds (Firefox's internal unit)
  if (n > 1e11) return Math.floor(n); // milliseconds
  return Math.floor(n * 1000);
}

/** Read every bookmark as a link clip (or a skip with its reason), keyed by the line of its `<A` tag. */
export function readNetscapeItems(html: string, taxonomy: Category[], now: number): ReadItem[] {
  return parseNetscapeBookmarks(html).map((b): ReadItem => {
    const problem = linkUrlProblem(b.href);
    if (problem) return { item: b.line, skip: problem };
    const filing = fileByFolders(taxonomy, b.folders);
    const tags = (b.attributes.tags ?? '').split(',');
    const created = parseEpoch(b.attributes.add_date) ?? parseEpoch(b.attributes.time_added) ?? now;
    const modified = parseEpoch(b.attributes.last_modified);
    const clip = makeLinkClip({
      url: b.href,
      title: b.title,
      tags: [...tags, ...filing.tags],
      createdAt: created,
      updatedAt: modified && modified >= created ? modified : created,
      note: b.description,
      category: filing.category,
    });
    return { item: b.line, clip };
  });
}
