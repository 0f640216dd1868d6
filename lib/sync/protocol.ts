/**
 * The sync protocol between a Cairn client (extension, CLI) and a team server: zod schemas and their types,
 * imported by both ends so a request the client builds is exactly what the server validates.
 *
 * Push: `POST /v1/sync/push` with `{ clientId, mutations: [{ seq, type, … }] }`. Each client numbers its
 * mutations with an increasing integer `seq`; the server keeps the last applied seq per (member, client) in
 * the same transaction as the writes, so a replayed push (lost response, retry) changes nothing.
 *
 * Pull: `GET /v1/sync/pull?cursor=C&limit=N[&clientId=X]` returns the current state of every row whose team
 * version is above C, in version (server) order, tombstones included, at most N per page, with the next
 * cursor, whether more remain, and the last seq the server applied for clientId (so a client whose push
 * response was lost can drop the acknowledged part of its outbox).
 *
 * Conflict rule (applied by the server, in server order = the order pushes commit):
 *  - `clip.put` is a field patch: each field present overwrites that field (field-level last writer wins);
 *    a put for an id the team lacks creates the clip, filling absent fields with the JSON clip defaults.
 *  - `tags` are not overwritten: a put carries `tags: { add, remove }`, applied as set operations, so two
 *    members adding different tags both keep theirs. For the same tag, the later operation wins.
 *  - `note` is kept per author: a put's note replaces only the pushing member's own note; pull returns all
 *    notes with their authors.
 *  - `clip.delete` makes a final tombstone: later puts for that id are ignored.
 *  - `clip.unshare` takes the clip out of the team (a tombstone for everyone, reason "unshared"); the author
 *    keeps a private copy locally, and a later put from the author shares it again.
 *  - `taxonomy.put` replaces one category node whole (last writer wins); `deleted: true` makes a tombstone.
 */
import { z } from 'zod';

/** Limits shared by both ends so a client never builds a push the server would refuse. */
export const SYNC_LIMITS = {
  /** Mutations in one push. */
  maxMutations: 1000,
  /** Changes in one pull page. */
  maxPullLimit: 1000,
  defaultPullLimit: 200,
  /** Request body bytes the server accepts (413 above). */
  maxBodyBytes: 16 * 1024 * 1024,
  maxIdLength: 128,
  maxShortText: 4096,
  maxUrlLength: 8192,
  /** text, markdown, html of one clip. */
  maxLongText: 2_000_000,
  maxTags: 200,
  maxTagLength: 200,
  maxNameLength: 200,
} as const;

const isoTime = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time');
const id = z.string().min(1).max(SYNC_LIMITS.maxIdLength);
const shortText = z.string().max(SYNC_LIMITS.maxShortText);
const longText = z.string().max(SYNC_LIMITS.maxLongText);
const tag = z.string().min(1).max(SYNC_LIMITS.maxTagLength);

/** Member roles: owners manage the team; editors push; viewers only pull. */
export const RoleSchema = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * The shared content fields of a clip as they travel (the JSON clip's fields, with the category as its
 * stable taxonomy id instead of a path, because the taxonomy itself is synced). No defaults here: a patch
 * carries only the fields that changed. `note`, `tags`, `visibility` and `deletedAt` travel separately.
 */
export const ClipFieldsSchema = z.object({
  url: z.string().max(SYNC_LIMITS.maxUrlLength),
  canonicalUrl: z.string().max(SYNC_LIMITS.maxUrlLength),
  title: shortText,
  byline: shortText.nullable(),
  siteName: shortText.nullable(),
  lang: z.string().max(35),
  dir: z.enum(['ltr', 'rtl']).nullable(),
  publishedTime: z.string().max(64).nullable(),
  excerpt: z.string().max(100_000),
  summary: z.object({ abstract: z.string().max(100_000), keyPoints: z.array(z.string().max(10_000)).max(50) }),
  text: longText,
  markdown: longText,
  html: longText,
  categoryId: id.nullable(),
  wordCount: z.number().int().nonnegative().max(1e9),
  readingMinutes: z.number().nonnegative().max(1e7),
  mode: z.enum(['article', 'selection', 'page', 'link']),
  fallback: shortText.nullable(),
  createdAt: isoTime,
});
export type ClipFields = z.infer<typeof ClipFieldsSchema>;

/** Every patchable field name, in a stable order (the server stores and merges them one by one). */
export const CLIP_FIELD_NAMES = Object.keys(ClipFieldsSchema.shape) as (keyof ClipFields)[];

/** The values a clip created by a partial put starts with (the JSON clip defaults). */
export function defaultClipFields(now: string): ClipFields {
  return {
    url: '',
    canonicalUrl: '',
    title: '',
    byline: null,
    siteName: null,
    lang: 'und',
    dir: null,
    publishedTime: null,
    excerpt: '',
    summary: { abstract: '', keyPoints: [] },
    text: '',
    markdown: '',
    html: '',
    categoryId: null,
    wordCount: 0,
    readingMinutes: 0,
    mode: 'article',
    fallback: null,
    createdAt: now,
  };
}

/** Tag set operations: `add` then `remove`, applied in server order. */
export const TagOpsSchema = z.object({
  add: z.array(tag).max(SYNC_LIMITS.maxTags).default([]),
  remove: z.array(tag).max(SYNC_LIMITS.maxTags).default([]),
});

const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Highlights one put may carry, and one clip may hold. */
export const MAX_HIGHLIGHTS = 2000;

/**
 * A highlight as it travels (lib/clip/types Highlight without `author`: the server stamps the pushing
 * member). A put carries only new, edited or removed (`deletedAt`) highlights; the server keeps a set keyed
 * by highlight id where the later put wins for an id, and only a highlight's author may change it.
 */
export const HighlightSchema = z.object({
  id,
  anchor: z.object({
    quote: z.object({ exact: z.string().max(100_000), prefix: z.string().max(1000), suffix: z.string().max(1000) }),
    position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  }),
  color: z.enum(['yellow', 'green', 'blue', 'pink', 'purple']),
  note: z.string().max(100_000),
  createdAt: isoTime,
  updatedAt: isoTime.optional(),
  deletedAt: isoTime.nullable().optional(),
});
export type SyncHighlight = z.infer<typeof HighlightSchema>;

/** A highlight in a pull: with its author. */
export const PulledHighlightSchema = HighlightSchema.extend({ author: z.object({ id: z.string(), name: z.string() }) });
export type PulledHighlight = z.infer<typeof PulledHighlightSchema>;

/** Create a clip or patch its fields (field-level last writer wins); tags as set ops; note is the sender's own. */
export const ClipPutSchema = z.object({
  seq,
  type: z.literal('clip.put'),
  clipId: id,
  fields: ClipFieldsSchema.partial().default({}),
  tags: TagOpsSchema.optional(),
  /** The sender's own note on this clip ("" clears it). */
  note: z.string().max(100_000).optional(),
  /** New, edited or removed highlights (per-id set, later put wins; see HighlightSchema). */
  highlights: z.array(HighlightSchema).max(MAX_HIGHLIGHTS).optional(),
});

/** Delete a clip for the whole team: a final tombstone (author, or an owner). */
export const ClipDeleteSchema = z.object({ seq, type: z.literal('clip.delete'), clipId: id });

/** Take a clip out of the team: a tombstone for others; the author keeps it privately (author, or an owner). */
export const ClipUnshareSchema = z.object({ seq, type: z.literal('clip.unshare'), clipId: id });

/** A team rule (lib/categorize/types CategoryRule): site, URL pattern or keywords → this category, plus tags. */
export const CategoryRuleSchema = z.object({
  site: z.string().max(SYNC_LIMITS.maxNameLength).optional(),
  urlPattern: z.string().max(SYNC_LIMITS.maxUrlLength).optional(),
  keywords: z.array(z.string().max(SYNC_LIMITS.maxNameLength)).max(50).optional(),
  tags: z.array(tag).max(50).optional(),
});

/** One node of the team taxonomy (same shape as lib/categorize Category). */
export const CategorySchema = z.object({
  id,
  parentId: id.nullable(),
  name: z.object({ en: z.string().max(SYNC_LIMITS.maxNameLength), zh: z.string().max(SYNC_LIMITS.maxNameLength) }),
  aliases: z.array(z.string().max(SYNC_LIMITS.maxNameLength)).max(200).default([]),
  keywords: z.array(z.string().max(SYNC_LIMITS.maxNameLength)).max(1000).default([]),
  description: z.string().max(10_000).optional(),
  /** Team rules that file pages under this node (lib/categorize/rules.ts), synced with it. */
  rules: z.array(CategoryRuleSchema).max(100).optional(),
});
export type SyncCategory = z.infer<typeof CategorySchema>;

/** Replace one taxonomy node whole (last writer wins), or tombstone it with `deleted: true`. */
export const TaxonomyPutSchema = z.object({
  seq,
  type: z.literal('taxonomy.put'),
  category: CategorySchema,
  deleted: z.boolean().default(false),
});

/**
 * A member opened a team clip from Related or Search: one more on the clip's `opens` counter (and its
 * `lastOpenedAt`). Only team clips are sent; nothing about pages that are not clips ever travels.
 */
export const UsageOpenSchema = z.object({ seq, type: z.literal('usage.open'), clipId: id });

/** A member marked (or unmarked) a team clip "helpful": an explicit per-member toggle, not a visit. */
export const UsageHelpfulSchema = z.object({ seq, type: z.literal('usage.helpful'), clipId: id, helpful: z.boolean() });

/** One client mutation. */
export const MutationSchema = z.discriminatedUnion('type', [ClipPutSchema, ClipDeleteSchema, ClipUnshareSchema, TaxonomyPutSchema, UsageOpenSchema, UsageHelpfulSchema]);
export type Mutation = z.infer<typeof MutationSchema>;
/** A mutation as a client writes it (defaults optional). */
export type MutationInput = z.input<typeof MutationSchema>;

/** A stable id a client makes once per install (per device), scoped by the member who pushes. */
export const ClientIdSchema = z.string().min(1).max(SYNC_LIMITS.maxIdLength);

/** Body of `POST /v1/sync/push`. Seqs must increase strictly within one push. */
export const PushRequestSchema = z
  .object({
    clientId: ClientIdSchema,
    mutations: z.array(MutationSchema).max(SYNC_LIMITS.maxMutations),
  })
  .refine((push) => push.mutations.every((m, i) => i === 0 || m.seq > push.mutations[i - 1]!.seq), {
    message: 'mutation seq must increase strictly within a push',
    path: ['mutations'],
  });
export type PushRequest = z.infer<typeof PushRequestSchema>;
export type PushRequestInput = z.input<typeof PushRequestSchema>;

/** What happened to one mutation: applied, skipped as already seen (replay), or refused (with why). */
export const MutationResultSchema = z.object({
  seq,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;

/** Answer to a push: the last seq now recorded for the client, the team version after it, and per-mutation results. */
export const PushResponseSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
  results: z.array(MutationResultSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** Query of `GET /v1/sync/pull` (strings from the URL, coerced). */
export const PullQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().positive().max(SYNC_LIMITS.maxPullLimit).default(SYNC_LIMITS.defaultPullLimit),
  clientId: ClientIdSchema.optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/** A member's note on a clip. */
export const ClipNoteSchema = z.object({ memberId: z.string(), name: z.string(), note: z.string(), updatedAt: z.string() });
export type ClipNote = z.infer<typeof ClipNoteSchema>;

/** A clip's current state in a pull. A tombstone has `deleted` set and `fields` null. */
export const ClipChangeSchema = z.object({
  kind: z.literal('clip'),
  id: z.string(),
  version: z.number().int().positive(),
  fields: ClipFieldsSchema.nullable(),
  tags: z.array(z.string()),
  notes: z.array(ClipNoteSchema),
  /** Every member's highlights, tombstones included (absent from servers older than highlights). */
  highlights: z.array(PulledHighlightSchema).optional(),
  author: z.object({ memberId: z.string(), name: z.string() }),
  updatedAt: z.string(),
  deleted: z.object({ at: z.string(), reason: z.enum(['deleted', 'unshared']) }).nullable(),
});
export type ClipChange = z.infer<typeof ClipChangeSchema>;

/** A taxonomy node's current state in a pull; a tombstone has `deletedAt` set. */
export const CategoryChangeSchema = z.object({
  kind: z.literal('category'),
  id: z.string(),
  version: z.number().int().positive(),
  category: CategorySchema,
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type CategoryChange = z.infer<typeof CategoryChangeSchema>;

export const ChangeSchema = z.discriminatedUnion('kind', [ClipChangeSchema, CategoryChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;

/** Answer to a pull: changes in version order, the cursor to ask from next, whether more remain. */
export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  lastSeq: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ── Team membership ──────────────────────────────────────────────────────────────────────────────

/** Body of `POST /v1/join`: an invite code and the name the member shows to the team. */
export const JoinRequestSchema = z.object({
  code: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(SYNC_LIMITS.maxNameLength),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const TeamSchema = z.object({ id: z.string(), name: z.string() });
export const MemberSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type Member = z.infer<typeof MemberSchema>;

/** Answer to a join: the API token (shown once; the server keeps only its hash), the team and the new member. */
export const JoinResponseSchema = z.object({ token: z.string(), team: TeamSchema, member: MemberSchema });
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/** Body of `POST /v1/invites` (owners only). */
export const InviteCreateSchema = z.object({
  role: z.enum(['editor', 'viewer']).default('editor'),
  /** Uses before the code stops working; null = unlimited. */
  maxUses: z.number().int().positive().max(10_000).nullable().default(null),
  /** Hours until it expires; null = never. */
  expiresInHours: z.number().positive().max(24 * 365).nullable().default(null),
});
export type InviteCreate = z.infer<typeof InviteCreateSchema>;

export const InviteSchema = z.object({
  code: z.string(),
  role: RoleSchema,
  maxUses: z.number().nullable(),
  uses: z.number(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** Answer to `GET /v1/team`: the team, its members with contribution counts, and (for owners) live invites. */
export const TeamResponseSchema = z.object({
  team: TeamSchema,
  me: MemberSchema,
  members: z.array(MemberSchema.extend({ clipsShared: z.number().int().nonnegative(), joinedAt: z.string() })),
  invites: z.array(InviteSchema).optional(),
});
export type TeamResponse = z.infer<typeof TeamResponseSchema>;

/** Query of `GET /v1/clips/search`. */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(500),
  limit: z.coerce.number().int().positive().max(100).default(20),
});

/** One team search hit. */
export const SearchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  excerpt: z.string(),
  author: z.object({ memberId: z.string(), name: z.string() }),
  updatedAt: z.string(),
});
export const SearchResponseSchema = z.object({ results: z.array(SearchHitSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

// ── Category proposals ───────────────────────────────────────────────────────────────────────────

/** Body of `POST /v1/proposals`: any member proposes a category (names, where it goes, why). */
export const ProposalCreateSchema = z
  .object({
    name: z.object({ en: z.string().trim().max(SYNC_LIMITS.maxNameLength), zh: z.string().trim().max(SYNC_LIMITS.maxNameLength) }),
    parentId: id.nullable().default(null),
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((p) => p.name.en !== '' || p.name.zh !== '', { message: 'a proposal needs an English or a Chinese name', path: ['name'] });
export type ProposalCreate = z.input<typeof ProposalCreateSchema>;

/** A proposal as members see it; `categoryId` is the node an accept created. */
export const ProposalSchema = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }),
  parentId: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'accepted', 'declined']),
  proposer: z.object({ memberId: z.string(), name: z.string() }),
  categoryId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
export const ProposalListSchema = z.object({ proposals: z.array(ProposalSchema) });

/** Every error answer: a machine code and a sentence for people. */
export const ErrorResponseSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

// ── Learning: usage counters, contributions, the team feed ───────────────────────────────────────

/** Query of `GET /v1/team/insights`: how many days without an open make a clip stale, and list sizes. */
export const InsightsQuerySchema = z.object({
  staleDays: z.coerce.number().int().positive().max(3650).default(90),
  limit: z.coerce.number().int().positive().max(100).default(10),
});
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

/** A team clip with its usage counters. */
export const ClipUsageSchema = z.object({
  clipId: z.string(),
  title: z.string(),
  url: z.string(),
  categoryId: z.string().nullable(),
  opens: z.number().int().nonnegative(),
  helpful: z.number().int().nonnegative(),
  lastOpenedAt: z.string().nullable(),
});
export type ClipUsage = z.infer<typeof ClipUsageSchema>;

/** What one member gave the team (recognition, not surveillance): clips shared, notes, highlights, helpful marks received. */
export const ContributionSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  clipsShared: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  /** Highlights on shared clips (0 until clips carry highlights). */
  highlights: z.number().int().nonnegative(),
  helpfulReceived: z.number().int().nonnegative(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

/** Answer to `GET /v1/team/insights`. Category usage is summed at query time from the per-clip counters. */
export const InsightsResponseSchema = z.object({
  staleDays: z.number().int().positive(),
  mostUseful: z.array(ClipUsageSchema),
  stale: z.array(ClipUsageSchema),
  /** Stale clips in all (the list holds at most `limit`). */
  staleCount: z.number().int().nonnegative(),
  categories: z.array(z.object({ categoryId: z.string().nullable(), clips: z.number().int().nonnegative(), opens: z.number().int().nonnegative(), helpful: z.number().int().nonnegative() })),
  contributors: z.array(ContributionSchema),
});
export type InsightsResponse = z.infer<typeof InsightsResponseSchema>;

/** Query of `GET /v1/feed`: items after `since` (ISO), optionally in one category. */
export const FeedQuerySchema = z.object({
  since: isoTime.optional(),
  category: id.optional(),
  limit: z.coerce.number().int().positive().max(200).default(50),
});
export type FeedQuery = z.infer<typeof FeedQuerySchema>;

/** One feed item: a member shared a clip, wrote a note on it, highlighted it, or found it helpful. */
export const FeedItemSchema = z.object({
  kind: z.enum(['shared', 'noted', 'highlighted', 'helpful']),
  clipId: z.string(),
  title: z.string(),
  categoryId: z.string().nullable(),
  member: z.object({ memberId: z.string(), name: z.string() }),
  at: z.string(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;
export const FeedResponseSchema = z.object({ items: z.array(FeedItemSchema) });
export type FeedResponse = z.infer<typeof FeedResponseSchema>;
