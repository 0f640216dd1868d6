/**
 * The sync engine: push (apply a client's mutations) and pull (changes since a cursor), as numbered steps.
 *
 * Conflict rule (also in lib/sync/protocol.ts and docs/sync.md). Pushes are applied one whole push at a
 * time, in the order their transactions take the team lock ("server order"):
 *  - clip.put is a field patch. Each field it carries overwrites that field: field-level last writer wins,
 *    in server order. A put for an unknown id creates the clip (absent fields take the JSON clip defaults)
 *    and makes the pusher its author.
 *  - tags are a set: a put carries { add, remove }, applied in that order; concurrent adds of different
 *    tags all survive; for one tag the later operation (server order) wins.
 *  - notes are kept per author: a put's note replaces only the pushing member's note.
 *  - clip.delete (author or owner) leaves a final tombstone: content wiped, later puts rejected.
 *  - clip.unshare (author or owner) leaves a tombstone with reason "unshared", content wiped; a later put
 *    from the author shares it again (the client sends the full clip then).
 *  - taxonomy.put replaces a node whole (last writer wins); deleted: true tombstones it, a later put revives it.
 *
 * Versions: each team has one counter (teams.version). Every row a push writes takes the next value.
 * The push transaction begins by UPDATE-ing the team row, which in PostgreSQL takes that row's lock until
 * commit, so pushes to one team run one after another: a push cannot allocate versions until the previous
 * one has committed. Versions therefore become visible in increasing order, and a puller that has seen
 * version V will never later find a newly committed row with a version ≤ V. (A plain sequence would let
 * push A take 5, push B take 6 and commit first; a pull in between would move its cursor to 6 and skip 5
 * for ever.) Pull also reads the team counter first and bounds its queries by it, so its two table reads
 * (clips, categories) agree even at READ COMMITTED, where each statement sees a fresh snapshot.
 * SQLite serializes writers on its own (one write lock per file; one connection per process here).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  CLIP_FIELD_NAMES,
  defaultClipFields,
  type Change,
  type ClipChange,
  type ClipFields,
  type MutationResult,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncCategory,
} from '../../lib/sync/protocol';
import type { Database } from '../db/schema';
import { applyHighlightPuts, parseHighlights, pulledHighlights, type StoredHighlight } from './highlights';
import type { Caller } from '../team/service';

/** A clip as the engine holds it while applying a push. */
interface ClipState {
  id: string;
  authorId: string;
  fields: ClipFields;
  tags: string[];
  /** Every member's highlights (server/sync/highlights.ts). */
  highlights: StoredHighlight[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: 'deleted' | 'unshared' | null;
  /** When the clip last entered the team (null: shared before migration 002). */
  sharedAt: string | null;
  version: number;
}

interface CategoryState {
  id: string;
  category: SyncCategory;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

/** Rows per multi-row INSERT (keeps well under SQLite's and PostgreSQL's bound-parameter limits). */
const WRITE_CHUNK = 200;

/**
 * Apply one push from `caller` (an owner or editor; the route refuses viewers) in one transaction.
 *
 *  1. Lock the team row (UPDATE teams … RETURNING version): pushes to this team now wait for us.
 *  2. Read lastSeq for (member, clientId).
 *  3. Mark every mutation with seq ≤ lastSeq "duplicate": a replayed push changes nothing.
 *  4. Load the current rows of every clip and category the rest touch (one query each).
 *  5. Apply the mutations in seq order to those rows in memory, by the conflict rule above, checking who
 *     may do what; each write takes the next team version. Refused mutations are "rejected" with a reason
 *     (their seq still counts, so a client never retries them for ever).
 *  6. Write the changed clips, notes and categories (multi-row upserts).
 *  7. Store the team's new version and the client's new lastSeq.
 *  8. Commit (all of the above or none of it), and answer with lastSeq, version and per-mutation results.
 */
export async function push(db: Kysely<Database>, caller: Caller, request: PushRequest, now: number): Promise<PushResponse> {
  const at = new Date(now).toISOString();
  return db.transaction().execute(async (tx) => {
    // 1. Lock the team row; `version` is the last version handed out.
    const team = await tx
      .updateTable('teams')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', caller.teamId)
      .returning('version')
      .executeTakeFirstOrThrow();
    let version = Number(team.version);

    // 2. The client's last applied seq (clients are scoped by member, so two members' ids never collide).
    const client = await tx
      .selectFrom('clients')
      .select('last_seq')
      .where('member_id', '=', caller.memberId)
      .where('client_id', '=', request.clientId)
      .executeTakeFirst();
    const lastSeq = client ? Number(client.last_seq) : 0;

    // 3. Replays.
    const results: MutationResult[] = [];
    const fresh = request.mutations.filter((m) => {
      if (m.seq > lastSeq) return true;
      results.push({ seq: m.seq, status: 'duplicate' });
      return false;
    });

    // 4. Current rows.
    const clipIds = [...new Set(fresh.flatMap((m) => (m.type === 'taxonomy.put' ? [] : [m.clipId])))];
    const usage = createUsageBatch(await loadHelpfulMarks(tx, caller, fresh));
    const categoryIds = [...new Set(fresh.flatMap((m) => (m.type === 'taxonomy.put' ? [m.category.id] : [])))];
    const clips = await loadClips(tx, caller.teamId, clipIds);
    const categories = await loadCategories(tx, caller.teamId, categoryIds);
    const changedClips = new Set<string>();
    const changedCategories = new Set<string>();
    const notes = new Map<string, string>();

    // 5. Apply in seq order.
    for (const mutation of fresh) {
      const reject = (reason: string) => results.push({ seq: mutation.seq, status: 'rejected', reason });
      const applied = () => results.push({ seq: mutation.seq, status: 'applied' });
      if (mutation.type === 'taxonomy.put') {
        categories.set(mutation.category.id, {
          id: mutation.category.id,
          category: mutation.category,
          updatedAt: at,
          deletedAt: mutation.deleted ? at : null,
          version: ++version,
        });
        changedCategories.add(mutation.category.id);
        applied();
        continue;
      }
      if (mutation.type === 'usage.open' || mutation.type === 'usage.helpful') {
        // Counters only: a usage mutation never changes the clip or the team version. One that names a
        // clip the team does not have counts nothing but is still "applied" (its seq is used up), so the
        // client has no reason to re-pull.
        const live = clips.get(mutation.clipId);
        if (!live || live.deletedAt) {
          results.push({ seq: mutation.seq, status: 'applied', reason: 'not a team clip: not counted' });
          continue;
        }
        if (mutation.type === 'usage.open') usage.open(mutation.clipId, at);
        else usage.helpful(mutation.clipId, mutation.helpful, at);
        applied();
        continue;
      }
      const clip = clips.get(mutation.clipId);
      const mayRemove = !clip || clip.authorId === caller.memberId || caller.role === 'owner';
      if (mutation.type === 'clip.put') {
        if (clip?.deletedReason === 'deleted') {
          reject('clip was deleted');
          continue;
        }
        if (clip?.deletedReason === 'unshared' && clip.authorId !== caller.memberId) {
          reject('clip was unshared by its author');
          continue;
        }
        const state: ClipState = clip ?? {
          id: mutation.clipId,
          authorId: caller.memberId,
          fields: defaultClipFields(at),
          tags: [],
          highlights: [],
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          deletedReason: null,
          sharedAt: at,
          version: 0,
        };
        if (state.deletedAt) state.sharedAt = at; // shared again after an unshare
        for (const name of CLIP_FIELD_NAMES) {
          if (mutation.fields[name] !== undefined) (state.fields as Record<string, unknown>)[name] = mutation.fields[name];
        }
        if (mutation.tags) state.tags = applyTagOps(state.tags, mutation.tags.add, mutation.tags.remove);
        if (mutation.highlights?.length) state.highlights = applyHighlightPuts(state.highlights, mutation.highlights, caller.memberId);
        if (mutation.note !== undefined) notes.set(state.id, mutation.note);
        state.deletedAt = null;
        state.deletedReason = null;
        state.createdAt = state.fields.createdAt;
        state.updatedAt = at;
        state.version = ++version;
        clips.set(state.id, state);
        changedClips.add(state.id);
        applied();
      } else {
        // clip.delete / clip.unshare
        const reason = mutation.type === 'clip.delete' ? 'deleted' : 'unshared';
        if (!mayRemove) {
          reject(`only the clip's author or an owner can ${reason === 'deleted' ? 'delete' : 'unshare'} it`);
          continue;
        }
        if (!clip && reason === 'unshared') {
          applied(); // Never shared: nothing to take back.
          continue;
        }
        if (clip?.deletedReason === 'deleted' || (clip?.deletedReason === 'unshared' && reason === 'unshared')) {
          applied(); // Already gone; no new version.
          continue;
        }
        const state: ClipState = clip ?? {
          id: mutation.clipId,
          authorId: caller.memberId,
          fields: defaultClipFields(at),
          tags: [],
          highlights: [],
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          deletedReason: null,
          sharedAt: null,
          version: 0,
        };
        // A tombstone keeps no content: the clip left the team.
        state.fields = { ...defaultClipFields(state.createdAt), createdAt: state.createdAt };
        state.tags = [];
        state.highlights = [];
        state.deletedAt = at;
        state.deletedReason = reason;
        state.updatedAt = at;
        state.version = ++version;
        notes.delete(state.id);
        clips.set(state.id, state);
        changedClips.add(state.id);
        applied();
      }
    }

    // 6. Write.
    await writeClips(tx, caller.teamId, [...changedClips].map((id) => clips.get(id)!));
    await writeNotes(tx, caller, notes, at, [...changedClips].filter((id) => clips.get(id)!.deletedAt));
    await writeCategories(tx, caller.teamId, [...changedCategories].map((id) => categories.get(id)!));
    await writeUsage(tx, caller, usage);

    // 7. New team version and client lastSeq.
    const newLastSeq = Math.max(lastSeq, ...request.mutations.map((m) => m.seq));
    await tx.updateTable('teams').set({ version }).where('id', '=', caller.teamId).execute();
    if (newLastSeq > lastSeq) {
      await tx
        .insertInto('clients')
        .values({ member_id: caller.memberId, client_id: request.clientId, last_seq: newLastSeq, updated_at: at })
        .onConflict((oc) => oc.columns(['member_id', 'client_id']).doUpdateSet({ last_seq: newLastSeq, updated_at: at }))
        .execute();
    }

    // 8. Commit happens as this callback returns.
    results.sort((a, b) => a.seq - b.seq);
    return { lastSeq: newLastSeq, version, results };
  });
}

/** Usage counted while applying one push: counter deltas per clip and the caller's helpful marks to add or drop. */
interface UsageBatch {
  open(clipId: string, at: string): void;
  helpful(clipId: string, helpful: boolean, at: string): void;
  deltas: Map<string, { opens: number; helpful: number; lastOpenedAt: string | null }>;
  marksAdded: Map<string, string>;
  marksDropped: Set<string>;
}

/** Start counting a push's usage; `marked` holds the clips the caller had marked helpful before it. */
function createUsageBatch(marked: Set<string>): UsageBatch {
  const deltas: UsageBatch['deltas'] = new Map();
  const marksAdded = new Map<string, string>();
  const marksDropped = new Set<string>();
  const delta = (clipId: string) => {
    let d = deltas.get(clipId);
    if (!d) deltas.set(clipId, (d = { opens: 0, helpful: 0, lastOpenedAt: null }));
    return d;
  };
  return {
    deltas,
    marksAdded,
    marksDropped,
    open(clipId, at) {
      const d = delta(clipId);
      d.opens += 1;
      d.lastOpenedAt = at;
    },
    helpful(clipId, helpful, at) {
      // A toggle: marking twice (or unmarking what is not marked) changes nothing.
      if (helpful === marked.has(clipId)) return;
      delta(clipId).helpful += helpful ? 1 : -1;
      if (helpful) {
        marked.add(clipId);
        marksAdded.set(clipId, at);
        marksDropped.delete(clipId);
      } else {
        marked.delete(clipId);
        marksAdded.delete(clipId);
        marksDropped.add(clipId);
      }
    },
  };
}

/** The clips among a push's helpful mutations that the caller has already marked helpful. */
async function loadHelpfulMarks(tx: Transaction<Database>, caller: Caller, mutations: readonly { type: string; clipId?: string }[]): Promise<Set<string>> {
  const ids = [...new Set(mutations.flatMap((m) => (m.type === 'usage.helpful' && m.clipId ? [m.clipId] : [])))];
  const marked = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('helpful_marks')
      .select('clip_id')
      .where('team_id', '=', caller.teamId)
      .where('member_id', '=', caller.memberId)
      .where('clip_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) marked.add(row.clip_id);
  }
  return marked;
}

/** Add a push's counter deltas in place (opens, helpful, last open) and write the caller's helpful marks. A negative helpful delta always meets an existing row: an unmark needs an earlier mark, which made it. */
async function writeUsage(tx: Transaction<Database>, caller: Caller, usage: UsageBatch): Promise<void> {
  const rows = [...usage.deltas]
    .filter(([, d]) => d.opens !== 0 || d.helpful !== 0)
    .map(([clipId, d]) => ({ team_id: caller.teamId, clip_id: clipId, opens: d.opens, helpful: d.helpful, last_opened_at: d.lastOpenedAt }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await tx
      .insertInto('clip_usage')
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        oc.columns(['team_id', 'clip_id']).doUpdateSet((eb) => ({
          opens: eb(eb.ref('clip_usage.opens'), '+', eb.ref('excluded.opens')),
          helpful: eb(eb.ref('clip_usage.helpful'), '+', eb.ref('excluded.helpful')),
          last_opened_at: eb.fn.coalesce(eb.ref('excluded.last_opened_at'), eb.ref('clip_usage.last_opened_at')),
        })),
      )
      .execute();
  }
  const added = [...usage.marksAdded].map(([clipId, at]) => ({ team_id: caller.teamId, clip_id: clipId, member_id: caller.memberId, marked_at: at }));
  for (let i = 0; i < added.length; i += WRITE_CHUNK) {
    await tx.insertInto('helpful_marks').values(added.slice(i, i + WRITE_CHUNK)).onConflict((oc) => oc.doNothing()).execute();
  }
  const dropped = [...usage.marksDropped];
  for (let i = 0; i < dropped.length; i += 500) {
    await tx.deleteFrom('helpful_marks').where('team_id', '=', caller.teamId).where('member_id', '=', caller.memberId).where('clip_id', 'in', dropped.slice(i, i + 500)).execute();
  }
}

/** Tags after `add` then `remove`, keeping first-seen order and no duplicates. */
export function applyTagOps(tags: string[], add: string[], remove: string[]): string[] {
  const next = new Set(tags);
  for (const tag of add) next.add(tag);
  for (const tag of remove) next.delete(tag);
  return [...next];
}

async function loadClips(tx: Transaction<Database>, teamId: string, ids: string[]): Promise<Map<string, ClipState>> {
  const map = new Map<string, ClipState>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('clips')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      map.set(row.id, {
        id: row.id,
        authorId: row.author_id,
        fields: JSON.parse(row.fields) as ClipFields,
        tags: JSON.parse(row.tags) as string[],
        highlights: parseHighlights(row.highlights),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
        deletedReason: row.deleted_reason,
        sharedAt: row.shared_at ?? null,
        version: Number(row.version),
      });
    }
  }
  return map;
}

async function loadCategories(tx: Transaction<Database>, teamId: string, ids: string[]): Promise<Map<string, CategoryState>> {
  const map = new Map<string, CategoryState>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('categories')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      map.set(row.id, { id: row.id, category: JSON.parse(row.data) as SyncCategory, updatedAt: row.updated_at, deletedAt: row.deleted_at, version: Number(row.version) });
    }
  }
  return map;
}

/** The lower-cased text the LIKE team search looks in. */
function searchText(fields: ClipFields): string {
  return [fields.title, fields.excerpt, fields.summary.abstract, fields.url].join('\n').toLowerCase();
}

async function writeClips(tx: Transaction<Database>, teamId: string, clips: ClipState[]): Promise<void> {
  for (let i = 0; i < clips.length; i += WRITE_CHUNK) {
    const rows = clips.slice(i, i + WRITE_CHUNK).map((clip) => ({
      team_id: teamId,
      id: clip.id,
      version: clip.version,
      author_id: clip.authorId,
      fields: JSON.stringify(clip.fields),
      tags: JSON.stringify(clip.tags),
      highlights: JSON.stringify(clip.highlights),
      search_text: clip.deletedAt ? '' : searchText(clip.fields),
      created_at: clip.createdAt,
      updated_at: clip.updatedAt,
      deleted_at: clip.deletedAt,
      deleted_reason: clip.deletedReason,
      shared_at: clip.sharedAt,
    }));
    await tx
      .insertInto('clips')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['team_id', 'id']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          fields: eb.ref('excluded.fields'),
          tags: eb.ref('excluded.tags'),
          highlights: eb.ref('excluded.highlights'),
          search_text: eb.ref('excluded.search_text'),
          created_at: eb.ref('excluded.created_at'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted_at: eb.ref('excluded.deleted_at'),
          deleted_reason: eb.ref('excluded.deleted_reason'),
          shared_at: eb.ref('excluded.shared_at'),
        })),
      )
      .execute();
  }
}

async function writeNotes(tx: Transaction<Database>, caller: Caller, notes: Map<string, string>, at: string, tombstoned: string[]): Promise<void> {
  const rows = [...notes].map(([clipId, note]) => ({ team_id: caller.teamId, clip_id: clipId, member_id: caller.memberId, note, updated_at: at }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await tx
      .insertInto('clip_notes')
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        oc.columns(['team_id', 'clip_id', 'member_id']).doUpdateSet((eb) => ({ note: eb.ref('excluded.note'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
  }
  for (let i = 0; i < tombstoned.length; i += 500) {
    await tx.deleteFrom('clip_notes').where('team_id', '=', caller.teamId).where('clip_id', 'in', tombstoned.slice(i, i + 500)).execute();
  }
}

async function writeCategories(tx: Transaction<Database>, teamId: string, categories: CategoryState[]): Promise<void> {
  for (let i = 0; i < categories.length; i += WRITE_CHUNK) {
    const rows = categories.slice(i, i + WRITE_CHUNK).map((c) => ({
      team_id: teamId,
      id: c.id,
      version: c.version,
      data: JSON.stringify(c.category),
      updated_at: c.updatedAt,
      deleted_at: c.deletedAt,
    }));
    await tx
      .insertInto('categories')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['team_id', 'id']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted_at: eb.ref('excluded.deleted_at'),
        })),
      )
      .execute();
  }
}

/**
 * Changes of the caller's team after `cursor`, oldest first.
 *
 *  1. Read the team's version H: every row with version ≤ H is committed (see the note at the top).
 *  2. Read up to limit+1 clips and up to limit+1 categories with cursor < version ≤ H, by version.
 *  3. Merge them by version and keep the first `limit`; `more` says whether anything was left over.
 *  4. Attach authors' names and every member's note to the clips of the page.
 *  5. The next cursor is the last version on the page, or H when nothing is left (so an idle client's
 *     cursor catches up past versions that rewrote rows it already has).
 *  6. Add lastSeq for the given clientId (0 when unknown), so a client can drop acknowledged mutations.
 */
export async function pull(db: Kysely<Database>, caller: Caller, query: PullQuery): Promise<PullResponse> {
  // 1.
  const team = await db.selectFrom('teams').select('version').where('id', '=', caller.teamId).executeTakeFirstOrThrow();
  const high = Number(team.version);
  // 2.
  const [clipRows, categoryRows] = await Promise.all([
    db
      .selectFrom('clips')
      .selectAll()
      .where('team_id', '=', caller.teamId)
      .where('version', '>', query.cursor)
      .where('version', '<=', high)
      .orderBy('version')
      .limit(query.limit + 1)
      .execute(),
    db
      .selectFrom('categories')
      .selectAll()
      .where('team_id', '=', caller.teamId)
      .where('version', '>', query.cursor)
      .where('version', '<=', high)
      .orderBy('version')
      .limit(query.limit + 1)
      .execute(),
  ]);
  // 3.
  type Row = { version: number; clip?: (typeof clipRows)[number]; category?: (typeof categoryRows)[number] };
  const merged: Row[] = [
    ...clipRows.map((clip) => ({ version: Number(clip.version), clip })),
    ...categoryRows.map((category) => ({ version: Number(category.version), category })),
  ].sort((a, b) => a.version - b.version);
  const page = merged.slice(0, query.limit);
  const more = merged.length > query.limit;
  // 4.
  const pageClipIds = page.flatMap((row) => (row.clip ? [row.clip.id] : []));
  const names = await memberNames(db, caller.teamId);
  const notesByClip = new Map<string, ClipChange['notes']>();
  for (let i = 0; i < pageClipIds.length; i += 500) {
    const rows = await db
      .selectFrom('clip_notes')
      .select(['clip_id', 'member_id', 'note', 'updated_at'])
      .where('team_id', '=', caller.teamId)
      .where('clip_id', 'in', pageClipIds.slice(i, i + 500))
      .where('note', '!=', '')
      .orderBy('clip_id')
      .orderBy('member_id')
      .execute();
    for (const row of rows) {
      const list = notesByClip.get(row.clip_id) ?? [];
      list.push({ memberId: row.member_id, name: names.get(row.member_id) ?? '', note: row.note, updatedAt: row.updated_at });
      notesByClip.set(row.clip_id, list);
    }
  }
  const changes: Change[] = page.map((row): Change => {
    if (row.category) {
      return {
        kind: 'category',
        id: row.category.id,
        version: row.version,
        category: JSON.parse(row.category.data) as SyncCategory,
        updatedAt: row.category.updated_at,
        deletedAt: row.category.deleted_at,
      };
    }
    const clip = row.clip!;
    return {
      kind: 'clip',
      id: clip.id,
      version: row.version,
      fields: clip.deleted_at ? null : (JSON.parse(clip.fields) as ClipFields),
      tags: JSON.parse(clip.tags) as string[],
      notes: notesByClip.get(clip.id) ?? [],
      highlights: clip.deleted_at ? [] : pulledHighlights(parseHighlights(clip.highlights), names),
      author: { memberId: clip.author_id, name: names.get(clip.author_id) ?? '' },
      updatedAt: clip.updated_at,
      deleted: clip.deleted_at ? { at: clip.deleted_at, reason: clip.deleted_reason ?? 'deleted' } : null,
    };
  });
  // 5.
  const cursor = more ? page[page.length - 1]!.version : Math.max(high, page.at(-1)?.version ?? 0);
  // 6.
  let lastSeq = 0;
  if (query.clientId) {
    const client = await db
      .selectFrom('clients')
      .select('last_seq')
      .where('member_id', '=', caller.memberId)
      .where('client_id', '=', query.clientId)
      .executeTakeFirst();
    lastSeq = client ? Number(client.last_seq) : 0;
  }
  return { changes, cursor, more, lastSeq };
}

/** Names of every member the team ever had (removed members' notes still show who wrote them). */
async function memberNames(db: Kysely<Database>, teamId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('members').select(['id', 'name']).where('team_id', '=', teamId).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
