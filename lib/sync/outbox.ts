/**
 * The outbox: team mutations made on this device, waiting to be pushed. Rows are written inside the
 * very IndexedDB transaction that changes the clip or taxonomy (so a dying service worker can never
 * keep the change and lose its mutation, or the reverse), numbered with a per-client sequence.
 * Private clips never produce a row: nothing about them leaves the device.
 */
import type { Category } from '../categorize/types';
import type { Clip, Highlight } from '../clip/types';
import { changedHighlights } from '../annotate/clip-highlights';
import { CLIP_FIELD_NAMES, type ClipFields, type SyncHighlight } from './protocol';
import type { LocalMutation, OutboxEntry } from './outbox-types';

export type { LocalMutation, OutboxEntry } from './outbox-types';

/** Meta keys the sync engine keeps beside the clips (so they commit with the changes they describe). */
export const SYNC_META = {
  /** This device's client id for the connected team; absent when not connected (nothing is queued). */
  clientId: 'sync.clientId',
  /** The sequence number the next mutation gets (starts at 1 per client id). */
  nextSeq: 'sync.nextSeq',
  /** The pull cursor: the team version the next pull starts after (0 before the first). */
  cursor: 'sync.cursor',
  /** This user's member id in the connected team (to tell own clips and notes from others'). */
  memberId: 'sync.memberId',
  /** Lowest version a pull skipped while a local mutation was pending (see lib/sync/apply.ts). */
  rewind: 'sync.rewind',
} as const;

const isTeamLive = (clip: Clip | null | undefined): boolean => !!clip && clip.visibility === 'team' && !clip.deletedAt;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The synced content fields of a clip, as the protocol carries them. */
export function clipFields(clip: Clip): ClipFields {
  return {
    url: clip.url,
    canonicalUrl: clip.canonicalUrl,
    title: clip.title,
    byline: clip.byline,
    siteName: clip.siteName,
    lang: clip.lang,
    dir: clip.dir,
    publishedTime: clip.publishedTime,
    excerpt: clip.excerpt,
    summary: { abstract: clip.summary.abstract, keyPoints: [...clip.summary.keyPoints] },
    text: clip.text,
    markdown: clip.markdown,
    html: clip.html,
    categoryId: clip.categoryId,
    wordCount: clip.wordCount,
    readingMinutes: clip.readingMinutes,
    mode: clip.mode,
    fallback: clip.fallback ?? null,
    createdAt: clip.createdAt,
  };
}

/**
 * What a local change from `previous` to `next` must tell the team: sharing puts every field, all tags
 * and the note; an edit of a shared clip puts only the fields that changed, tag additions/removals and
 * the note if it changed; deleting a shared clip deletes it for the team; making it private unshares
 * it. A clip that is private before and after produces nothing: it never leaves the device.
 */
export function clipMutations(previous: Clip | null | undefined, next: Clip): LocalMutation[] {
  const clipId = next.id;
  if (isTeamLive(next)) {
    const nextFields = clipFields(next);
    if (!previous || !isTeamLive(previous)) {
      const own = ownHighlights(next.highlights);
      return [{ type: 'clip.put', clipId, fields: nextFields, tags: { add: [...next.tags], remove: [] }, note: next.note, ...(own.length ? { highlights: own } : {}) }];
    }
    const before = clipFields(previous);
    const fields: Partial<ClipFields> = {};
    for (const name of CLIP_FIELD_NAMES) if (!same(before[name], nextFields[name])) (fields as Record<string, unknown>)[name] = nextFields[name];
    const add = next.tags.filter((t) => !previous.tags.includes(t));
    const remove = previous.tags.filter((t) => !next.tags.includes(t));
    const noteChanged = previous.note !== next.note;
    const highlights = ownHighlights(changedHighlights(previous.highlights, next.highlights));
    if (Object.keys(fields).length === 0 && add.length === 0 && remove.length === 0 && !noteChanged && highlights.length === 0) return [];
    return [{ type: 'clip.put', clipId, fields, ...(add.length || remove.length ? { tags: { add, remove } } : {}), ...(noteChanged ? { note: next.note } : {}), ...(highlights.length ? { highlights } : {}) }];
  }
  if (!isTeamLive(previous)) return [];
  if (next.deletedAt) return [{ type: 'clip.delete', clipId }];
  return [{ type: 'clip.unshare', clipId }];
}

/**
 * Highlights as they travel: without `author` (the server stamps the pushing member, and ignores changes
 * to a teammate's highlight, so only changed highlights are ever sent and pulled ones never are).
 */
function ownHighlights(list: readonly Highlight[] | undefined): SyncHighlight[] {
  return (list ?? []).map(({ author: _author, ...h }) => h);
}

const isPersonal = (category: Category | undefined) => category?.scope === 'personal';

/** A node as the team sees it: without the local-only `scope` field. */
function teamNode(category: Category): Category {
  const { scope: _scope, ...node } = category;
  return node;
}

/**
 * A taxonomy edit as node puts: new or changed nodes put whole, removed nodes tombstoned. Personal
 * nodes never travel; a node made personal is tombstoned for the team, one made team is put.
 */
export function taxonomyMutations(before: readonly Category[], after: readonly Category[]): LocalMutation[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const kept = new Map(after.map((c) => [c.id, c]));
  const out: LocalMutation[] = [];
  for (const category of after) {
    if (isPersonal(category)) continue;
    const previous = old.get(category.id);
    if (!previous || isPersonal(previous) || !same(teamNode(previous), teamNode(category))) out.push({ type: 'taxonomy.put', category: teamNode(category) });
  }
  for (const category of before) {
    if (isPersonal(category)) continue;
    const now = kept.get(category.id);
    if (!now || isPersonal(now)) out.push({ type: 'taxonomy.put', category: teamNode(category), deleted: true });
  }
  return out;
}

/** The id of the clip whose content a mutation changes, or null for taxonomy and usage mutations (counters never block a pulled clip). */
export function mutationClipId(mutation: LocalMutation): string | null {
  return mutation.type === 'taxonomy.put' || mutation.type === 'usage.open' || mutation.type === 'usage.helpful' ? null : mutation.clipId;
}

/** The part of an IndexedDB (idb) transaction the outbox writes through: its `outbox` and `meta` stores. */
export interface OutboxTx {
  objectStore(name: 'outbox'): { put(value: OutboxEntry): Promise<unknown> };
  objectStore(name: 'meta'): { get(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown> };
}

/**
 * Append `mutations` to the outbox inside `tx` (which must include `outbox` and `meta`), each with the
 * client id and the next per-client seq. Does nothing when no team is connected. Returns the rows.
 */
export async function enqueueInTransaction(tx: OutboxTx, mutations: LocalMutation[], at: string): Promise<OutboxEntry[]> {
  if (mutations.length === 0) return [];
  const meta = tx.objectStore('meta');
  const clientId = (await meta.get(SYNC_META.clientId)) as string | undefined;
  if (!clientId) return [];
  let seq = Number((await meta.get(SYNC_META.nextSeq)) ?? 1);
  const rows: OutboxEntry[] = [];
  for (const mutation of mutations) {
    const row: OutboxEntry = { seq, clientId, at, mutation };
    await tx.objectStore('outbox').put(row);
    rows.push(row);
    seq += 1;
  }
  await meta.put(seq, SYNC_META.nextSeq);
  return rows;
}
