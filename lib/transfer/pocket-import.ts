/** Pocket's CSV export (title,url,time_added,tags,status) → link clips. */
import type { Category } from '../categorize/types';
import { parseCsv } from './csv';
import { fileByFolders } from './folders';
import { linkUrlProblem, makeLinkClip } from './link-clip';
import { parseEpoch } from './netscape-import';
import type { ReadItem } from './types';

/** The file is not a Pocket export at all (no header with a `url` column). */
export class PocketFormatError extends Error {
  override name = 'PocketFormatError';
}

/**
 * Read each row of a Pocket CSV export as a link clip, keyed by the line its record starts on. Columns are
 * found by their header names, in any order; tags are separated by `|`. A tag naming a taxonomy category
 * files the clip there, the deepest such category when several do (the tags are kept). Status (unread/archive) is not carried.
 */
export function readPocketItems(text: string, taxonomy: Category[], now: number): ReadItem[] {
  const [header, ...rows] = parseCsv(text);
  const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  const urlAt = col('url');
  if (urlAt < 0) throw new PocketFormatError('no "url" column in the CSV header (expected title,url,time_added,tags,status)');
  const titleAt = col('title');
  const timeAt = col('time_added');
  const tagsAt = col('tags');
  return rows.map((row): ReadItem => {
    const get = (at: number) => (at >= 0 ? (row.fields[at] ?? '') : '');
    const url = get(urlAt).trim();
    const problem = linkUrlProblem(url);
    if (problem) return { item: row.line, skip: problem };
    const tags = get(tagsAt).split('|');
    const filed = mostSpecific(tags.map((t) => fileByFolders(taxonomy, [t]).category));
    const title = get(titleAt);
    const clip = makeLinkClip({
      url,
      title: title === url ? '' : title,
      tags,
      createdAt: parseEpoch(get(timeAt)) ?? now,
      category: filed,
    });
    return { item: row.line, clip };
  });
}

/** The deepest of some category paths (the first of equals), or null. */
function mostSpecific(paths: Array<string | null>): string | null {
  let best: string | null = null;
  for (const p of paths) if (p && (!best || p.split('/').length > best.split('/').length)) best = p;
  return best;
}
