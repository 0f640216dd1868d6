/** Team membership: create a team, join by invite, list members, make and revoke invites, remove members. */
import type { Kysely } from 'kysely';
import type { Invite, InviteCreate, JoinResponse, Role, TeamResponse } from '../../lib/sync/protocol';
import type { Database, InvitesTable } from '../db/schema';
import { hashToken, newId, newInviteCode, newToken } from './tokens';

/** The member a request speaks for, found from its token by the auth middleware. */
export interface Caller {
  memberId: string;
  teamId: string;
  name: string;
  role: Role;
  tokenHash: string;
}

/** An expected refusal (bad code, missing row, not allowed): routes turn it into the given HTTP status. */
export class TeamError extends Error {
  override name = 'TeamError';
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What `cairn team create` prints: the team, the owner's token (once) and a first editor invite. */
export interface CreatedTeam {
  team: { id: string; name: string };
  owner: { id: string; name: string; token: string };
  invite: { code: string; role: 'editor' };
}

/** Create a team with its owner (a member holding a new token) and a first editor invite code. */
export async function createTeam(db: Kysely<Database>, input: { name: string; ownerName?: string; now: number }): Promise<CreatedTeam> {
  const at = new Date(input.now).toISOString();
  const team = { id: newId('t'), name: input.name };
  const token = newToken();
  const owner = { id: newId('m'), name: input.ownerName ?? 'owner' };
  const code = newInviteCode();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('teams').values({ id: team.id, name: team.name, created_at: at }).execute();
    await tx
      .insertInto('members')
      .values({ id: owner.id, team_id: team.id, name: owner.name, role: 'owner', token_hash: hashToken(token), created_at: at, removed_at: null })
      .execute();
    await tx
      .insertInto('invites')
      .values({ code, team_id: team.id, role: 'editor', max_uses: null, expires_at: null, created_by: owner.id, created_at: at, revoked_at: null })
      .execute();
  });
  return { team, owner: { ...owner, token }, invite: { code, role: 'editor' } };
}

/** The live member holding this token hash, or null (unknown, or removed). */
export async function findCaller(db: Kysely<Database>, tokenHash: string): Promise<Caller | null> {
  const row = await db
    .selectFrom('members')
    .select(['id', 'team_id', 'name', 'role', 'token_hash'])
    .where('token_hash', '=', tokenHash)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? { memberId: row.id, teamId: row.team_id, name: row.name, role: row.role, tokenHash: row.token_hash } : null;
}

/**
 * Join a team with an invite code: checks the code is live (not revoked, not expired, uses left), counts the
 * use and makes a member with a new token, all in one transaction. Unknown and dead codes answer alike.
 */
export async function joinTeam(db: Kysely<Database>, input: { code: string; name: string; now: number }): Promise<JoinResponse> {
  const at = new Date(input.now).toISOString();
  const code = input.code.trim().toUpperCase();
  const token = newToken();
  const memberId = newId('m');
  return db.transaction().execute(async (tx) => {
    // Counting the use first takes the invite row's lock, so two joins cannot both take the last use.
    const used = await tx
      .updateTable('invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('code', '=', code)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .returning(['team_id', 'role'])
      .executeTakeFirst();
    if (!used) throw new TeamError(404, 'invite_invalid', 'this invite code is unknown, revoked, expired or used up');
    const team = await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', used.team_id).executeTakeFirstOrThrow();
    await tx
      .insertInto('members')
      .values({ id: memberId, team_id: team.id, name: input.name, role: used.role, token_hash: hashToken(token), created_at: at, removed_at: null })
      .execute();
    return { token, team, member: { id: memberId, name: input.name, role: used.role } };
  });
}

/** The caller's team: members with their role and how many live clips each has shared; owners also see live invites. */
export async function describeTeam(db: Kysely<Database>, caller: Caller, now: number): Promise<TeamResponse> {
  const team = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', caller.teamId).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('members')
    .select(['id', 'name', 'role', 'created_at'])
    .where('team_id', '=', caller.teamId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('clips')
    .select(['author_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('team_id', '=', caller.teamId)
    .where('deleted_at', 'is', null)
    .groupBy('author_id')
    .execute();
  const byAuthor = new Map(counts.map((row) => [row.author_id, Number(row.n)]));
  const response: TeamResponse = {
    team,
    me: { id: caller.memberId, name: caller.name, role: caller.role },
    members: members.map((m) => ({ id: m.id, name: m.name, role: m.role, clipsShared: byAuthor.get(m.id) ?? 0, joinedAt: m.created_at })),
  };
  if (caller.role === 'owner') response.invites = await liveInvites(db, caller.teamId, now);
  return response;
}

async function liveInvites(db: Kysely<Database>, teamId: string, now: number): Promise<Invite[]> {
  const at = new Date(now).toISOString();
  const rows = await db
    .selectFrom('invites')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .orderBy('created_at')
    .execute();
  return rows.filter((r) => r.max_uses === null || r.uses < r.max_uses).map(toInvite);
}

function toInvite(row: Omit<InvitesTable, 'uses'> & { uses: number }): Invite {
  return { code: row.code, role: row.role, maxUses: row.max_uses, uses: Number(row.uses), expiresAt: row.expires_at, createdAt: row.created_at };
}

/** Make an invite code for the caller's team (the route allows owners only). */
export async function createInvite(db: Kysely<Database>, caller: Caller, input: InviteCreate, now: number): Promise<Invite> {
  const at = new Date(now).toISOString();
  const row = {
    code: newInviteCode(),
    team_id: caller.teamId,
    role: input.role,
    max_uses: input.maxUses,
    uses: 0,
    expires_at: input.expiresInHours === null ? null : new Date(now + input.expiresInHours * 3_600_000).toISOString(),
    created_by: caller.memberId,
    created_at: at,
    revoked_at: null,
  };
  await db.insertInto('invites').values(row).execute();
  return toInvite(row);
}

/** Revoke one of the caller's team's invite codes; a code of another team is "not found", never touched. */
export async function revokeInvite(db: Kysely<Database>, caller: Caller, code: string, now: number): Promise<void> {
  const result = await db
    .updateTable('invites')
    .set({ revoked_at: new Date(now).toISOString() })
    .where('code', '=', code.trim().toUpperCase())
    .where('team_id', '=', caller.teamId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) throw new TeamError(404, 'not_found', 'no live invite with this code in your team');
}

/**
 * Remove a member of the caller's team: their token stops working at the next request (auth reads the
 * database every time). The last owner cannot be removed, so a team never loses its last manager.
 */
export async function removeMember(db: Kysely<Database>, caller: Caller, memberId: string, now: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const target = await tx
      .selectFrom('members')
      .select(['id', 'role'])
      .where('id', '=', memberId)
      .where('team_id', '=', caller.teamId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!target) throw new TeamError(404, 'not_found', 'no such member in your team');
    if (target.role === 'owner') {
      const owners = await tx
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', caller.teamId)
        .where('role', '=', 'owner')
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) throw new TeamError(409, 'last_owner', 'the last owner of a team cannot be removed');
    }
    await tx.updateTable('members').set({ removed_at: new Date(now).toISOString() }).where('id', '=', memberId).execute();
  });
}
