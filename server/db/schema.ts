/** The server's tables as Kysely sees them: one definition for SQLite and PostgreSQL (portable column types only). */
import type { ColumnType } from 'kysely';
import type { Generated } from 'kysely';

export interface TeamsTable {
  id: string;
  name: string;
  /** The team's change counter: every written row takes the next value (see server/sync/engine.ts). */
  version: Generated<number>;
  created_at: string;
}

export interface MembersTable {
  id: string;
  team_id: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer';
  /** sha-256 (hex) of the member's API token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  /** Set when an owner removes the member: the token stops working at once. */
  removed_at: string | null;
}

export interface InvitesTable {
  code: string;
  team_id: string;
  role: 'editor' | 'viewer';
  max_uses: number | null;
  uses: Generated<number>;
  expires_at: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

/** Last applied mutation seq per (member, client): the push's replay guard. */
export interface ClientsTable {
  member_id: string;
  client_id: string;
  last_seq: number;
  updated_at: string;
}

export interface ClipsTable {
  team_id: string;
  id: string;
  version: number;
  author_id: string;
  /** JSON of the clip's ClipFields (lib/sync/protocol.ts), merged field by field. */
  fields: string;
  /** JSON array of tags. */
  tags: string;
  /** Lower-cased title, excerpt, abstract and URL, for the simple LIKE team search. */
  search_text: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: 'deleted' | 'unshared' | null;
  /** When the clip last entered the team (first share, or re-share after unshare); null for rows older than migration 002. */
  shared_at: string | null;
  /** JSON array of StoredHighlight (server/sync/highlights.ts): every member's highlights, tombstones included (migration 004). */
  highlights: ColumnType<string, string | undefined, string>;
}

export interface ClipNotesTable {
  team_id: string;
  clip_id: string;
  member_id: string;
  note: string;
  updated_at: string;
}

export interface CategoriesTable {
  team_id: string;
  id: string;
  version: number;
  /** JSON of the category node. */
  data: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Usage counters of one team clip (updated in place: a counter, not a log of visits). */
export interface ClipUsageTable {
  team_id: string;
  clip_id: string;
  opens: number;
  helpful: number;
  last_opened_at: string | null;
}

/** One member's explicit "helpful" mark on one clip (a toggle, so helpful counts once per member). */
export interface HelpfulMarksTable {
  team_id: string;
  clip_id: string;
  member_id: string;
  marked_at: string;
}

/** A proposed category (migration 003): open until an owner or editor accepts (creating it) or declines. */
export interface ProposalsTable {
  id: string;
  team_id: string;
  member_id: string;
  name_en: string;
  name_zh: string;
  parent_id: string | null;
  reason: string;
  status: 'open' | 'accepted' | 'declined';
  /** The category made on accept. */
  category_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** Every table of the server database. */
export interface Database {
  teams: TeamsTable;
  members: MembersTable;
  invites: InvitesTable;
  clients: ClientsTable;
  clips: ClipsTable;
  clip_notes: ClipNotesTable;
  categories: CategoriesTable;
  clip_usage: ClipUsageTable;
  helpful_marks: HelpfulMarksTable;
  proposals: ProposalsTable;
}
