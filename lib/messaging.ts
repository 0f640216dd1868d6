/**
 * One typed message map between the extension's pages and the background (DESIGN principle 3).
 * Each entry is a request → response signature; errors are serialized by the receiver and
 * rethrown at the sender.
 */
import type { HighlightColor } from './highlight/types';
import type { OrganizeResult } from './categorize/organize';
import type { Clip, ClipDraft, ClipListItem, ClipMode, Visibility } from './clip/types';
import type { Category, CategorySuggestion } from './categorize/types';
import type { TeamSummary } from './sync/connection';
import type { SyncState } from './sync/client';
import type { FeedResponse, InsightsResponse, Proposal, ProposalCreate, TeamResponse } from './sync/protocol';
import type { ClipUsageCount } from './usage/counters';
import type { JsonClip } from './clip/interchange';
import type { BulkAction, BulkOutcome, BulkSnapshot } from './background/bulk';

/** What a capture returns to the clip form: the draft plus what the form offers. */
export interface CaptureResult {
  tabId: number;
  draft: ClipDraft;
  suggestions: CategorySuggestion[];
  tagSuggestions: string[];
  /** A clip with the same normalized URL already in the store: the form offers to update it. */
  existing: Clip | null;
  /** Own or team clips with near-identical text (another URL), most similar first; absent when the index was not ready in time (ask `clip:nearDuplicates`). */
  nearDuplicates?: Array<{ clip: Clip; similarity: number }>;
}

/** The user's edits on the clip form, saved with the draft. */
export interface ClipFiling {
  categoryId: string | null;
  tags: string[];
  note: string;
  /** Share with the team ('team') or keep on this device ('private'); absent keeps the clip's current one. */
  visibility?: Visibility;
}

/** The team connection (without its token) and the sync state, for the side panel. */
export interface TeamStatus {
  connection: TeamSummary | null;
  sync: SyncState;
}

export interface ProtocolMap {
  /** Extract the page in the tab (injects the clipper on demand). */
  'clip:capture': (req: { tabId: number; mode: ClipMode }) => CaptureResult;
  /** Save a draft; with `replaceId` it updates that clip (same id, createdAt kept). */
  'clip:save': (req: { draft: ClipDraft; filing: ClipFiling; replaceId?: string }) => Clip;
  /** Live clips for the library list, newest first, without page bodies (`clip:get` has the whole clip). */
  'clip:list': (req: { categoryId?: string | null; limit?: number }) => ClipListItem[];
  /** Every live clip, whole (exports, and the library an import merges into). */
  'clips:all': (req: undefined) => Clip[];
  'clip:get': (req: { id: string }) => Clip | null;
  'clip:update': (req: { id: string; patch: Partial<Pick<Clip, 'title' | 'categoryId' | 'tags' | 'note' | 'summary' | 'byline' | 'siteName' | 'publishedTime' | 'lang'>> }) => Clip;
  /** Delete (a tombstone); `clip:restore` undoes it. */
  'clip:delete': (req: { id: string }) => void;
  'clip:restore': (req: { id: string }) => Clip;
  'taxonomy:get': (req: void) => Category[];
  'taxonomy:save': (req: { categories: Category[] }) => Category[];
  'tags:list': (req: void) => string[];
  /** Merge a category into another: its clips are re-filed, its subcategories move (lib/categorize/organize.ts). */
  'taxonomy:merge': (req: { fromId: string; intoId: string }) => OrganizeResult;
  /** Move a category under another parent (null = top level); its clips come along (they file by id). */
  'taxonomy:move': (req: { id: string; parentId: string | null }) => OrganizeResult;
  /** Rename a tag on every clip (merging into `to` where a clip has both). */
  'tags:rename': (req: { from: string; to: string }) => OrganizeResult;
  /** The team's category proposals (needs a connected team). */
  'proposals:list': (req: void) => Proposal[];
  /** Propose a new category (any member; owners and editors decide in Settings). */
  'proposals:create': (req: ProposalCreate) => Proposal;
  /** Accept (creates the category for the whole team) or decline a proposal (owners, editors). */
  'proposals:decide': (req: { id: string; decision: 'accept' | 'decline' }) => Proposal;
  /**
   * Undo the last quick clip (context menu, shortcut or "Save link") of clip `id`: puts back the
   * version it replaced, or tombstones it if the quick clip created it. Sent by the in-page toast.
   */
  'clip:undo': (req: { id: string }) => Clip;
  /** Share a clip with the team (`shared: true`) or take it back (it stays on this device, private). */
  'clip:share': (req: { id: string; shared: boolean }) => Clip;
  /** The team connection and sync state. */
  'team:status': (req: void) => TeamStatus;
  /** Join a team with an invite code (the page has already been granted the server's origin). */
  'team:connect': (req: { endpoint: string; code: string; name: string }) => TeamStatus;
  /** Leave: forget the token; own shared clips stay here as private clips, teammates' clips go. */
  'team:leave': (req: void) => TeamStatus;
  /** The team, its members and what each contributed (GET /v1/team); also tests the connection. */
  'team:info': (req: void) => TeamResponse;
  /** Sync now (the panel's "Sync now" button). */
  'sync:now': (req: void) => TeamStatus;
  /** One edit on many clips (move, tag, untag, delete: one transaction; share/unshare: per clip); the outcome carries the undo snapshot. */
  'clips:bulk': (req: { ids: string[]; action: BulkAction }) => BulkOutcome;
  /** Undo a bulk edit: put back the snapshot's category, tags, deletion and sharing. */
  'clips:revert': (req: { snapshot: BulkSnapshot[] }) => number;
  /** Store a batch of imported clips (already merged against the library by lib/transfer) in one transaction. */
  'clips:import': (req: { clips: JsonClip[] }) => { added: number; updated: number };
  /** Count an open of a clip from Related or Search (locally; team clips also count for the team). */
  'usage:open': (req: { id: string; from: 'related' | 'search' }) => ClipUsageCount;
  /** Mark (or unmark) a clip helpful; team clips' marks go to the team as a per-member toggle. */
  'usage:helpful': (req: { id: string; helpful: boolean }) => ClipUsageCount;
  /** This user's counters for one clip (opens, last open, helpful). */
  'usage:get': (req: { id: string }) => ClipUsageCount;
  /** Most useful and stale team clips, usage per category, contributions (GET /v1/team/insights). */
  'team:insights': (req: { staleDays?: number } | void) => InsightsResponse;
  /** What the team recently shared, noted and found helpful (GET /v1/feed). */
  'team:feed': (req: { since?: string; category?: string } | void) => FeedResponse;
  /** Near-identical clips (own or team, another URL) of a captured draft; waits for the index. */
  'clip:nearDuplicates': (req: { draft: ClipDraft }) => Array<{ clip: Clip; similarity: number }>;
  /** Add the user's note to an existing clip (a near-duplicate found at capture); other members' notes stay. */
  'clip:addNote': (req: { id: string; note: string }) => Clip;
  /** Re-show the page clip's highlights (own and team) on the tab's live page; orphans are the ids not found. */
  'highlights:show': (req: { tabId: number }) => { clipId: string | null; shown: string[]; orphans: string[] };
  /** Highlight the tab's current selection (clips the page first when it has no clip). */
  'highlights:add': (req: { tabId: number; color?: HighlightColor }) => { clip: Clip; highlightId: string; orphans: string[] };
  /** Edit a highlight's note or color. */
  'highlights:edit': (req: { clipId: string; highlightId: string; patch: { note?: string; color?: HighlightColor } }) => Clip;
  /** Remove a highlight (a tombstone, so the removal reaches the team). */
  'highlights:remove': (req: { clipId: string; highlightId: string }) => Clip;
}

/**
 * Broadcast by the background with `runtime.sendMessage` whenever clips change outside the page
 * that asked (quick clip, context menu, undo). Open extension pages listen with
 * `runtime.onMessage` and reload what they show; it is not a request, so nothing answers it.
 */
export interface CairnEvent {
  cairnEvent: 'clips-changed';
}

/** Broadcast by the background whenever the sync state changes (started, finished, failed, pending count). */
export interface SyncEvent {
  cairnEvent: 'sync-changed';
  status: TeamStatus;
}

/** True when a runtime message is the sync-state broadcast. */
export function isSyncEvent(message: unknown): message is SyncEvent {
  return !!message && typeof message === 'object' && (message as Partial<SyncEvent>).cairnEvent === 'sync-changed';
}

/** True when a runtime message is a Cairn broadcast event (not a request in the ProtocolMap). */
export function isCairnEvent(message: unknown): message is CairnEvent {
  return !!message && typeof message === 'object' && (message as Partial<CairnEvent>).cairnEvent === 'clips-changed';
}

type MessageType = keyof ProtocolMap;
type RequestOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type ResponseOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

interface Envelope {
  cairn: MessageType;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** The slice of `browser.runtime` messaging we use; passed in so lib/ stays testable. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(cb: (message: unknown, sender: unknown) => Promise<unknown> | undefined): void;
  };
}

/** Send a typed request to the background; rethrows the receiver's error here. */
export async function sendMessage<K extends MessageType>(
  runtime: RuntimeLike,
  type: K,
  data: RequestOf<K>,
): Promise<Awaited<ResponseOf<K>>> {
  const reply = (await runtime.sendMessage({ cairn: type, data } satisfies Envelope)) as Reply | undefined;
  if (!reply) throw new Error(`No answer to ${type}: the background did not respond`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Awaited<ResponseOf<K>>;
}

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: unknown) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

/** Register one listener that answers every message in the map; other messages are ignored. */
export function onMessages(runtime: RuntimeLike, handlers: Handlers): void {
  runtime.onMessage.addListener((message, sender) => {
    const envelope = message as Partial<Envelope> | null;
    if (!envelope || typeof envelope.cairn !== 'string' || !(envelope.cairn in handlers)) return undefined;
    const handler = handlers[envelope.cairn] as (data: unknown, sender: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(envelope.data, sender))
      .then(
        (value): Reply => ({ ok: true, value }),
        (err: unknown): Reply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  });
}
