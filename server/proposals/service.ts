/**
 * Category proposals: any member proposes a category (names in English and Chinese, a parent, why);
 * owners and editors accept — which creates the node in the team taxonomy, at the next team version,
 * so every member pulls it — or decline. Everything is scoped to the caller's team.
 */
import type { Kysely } from 'kysely';
import type { Proposal, ProposalCreate, SyncCategory } from '../../lib/sync/protocol';
import { newCategoryId } from '../../lib/store/taxonomy-edit';
import type { Database, ProposalsTable } from '../db/schema';
import { TeamError, type Caller } from '../team/service';
import { newId } from '../team/tokens';

type Row = ProposalsTable & { proposer_name: string | null };

function toProposal(row: Row): Proposal {
  return {
    id: row.id,
    name: { en: row.name_en, zh: row.name_zh },
    parentId: row.parent_id,
    reason: row.reason,
    status: row.status,
    proposer: { memberId: row.member_id, name: row.proposer_name ?? '' },
    categoryId: row.category_id,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

function selectProposals(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('proposals')
    .leftJoin('members', 'members.id', 'proposals.member_id')
    .selectAll('proposals')
    .select('members.name as proposer_name')
    .where('proposals.team_id', '=', teamId);
}

/** The team's proposals: open ones first, then decided ones, newest first within each. */
export async function listProposals(db: Kysely<Database>, caller: Caller): Promise<Proposal[]> {
  const rows = (await selectProposals(db, caller.teamId).orderBy('proposals.created_at', 'desc').orderBy('proposals.id', 'desc').execute()) as Row[];
  return rows.map(toProposal).sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
}

/** Record a proposal from any member. */
export async function createProposal(db: Kysely<Database>, caller: Caller, input: { name: { en: string; zh: string }; parentId: string | null; reason: string }, now: number): Promise<Proposal> {
  const row: ProposalsTable = {
    id: newId('prop'),
    team_id: caller.teamId,
    member_id: caller.memberId,
    name_en: input.name.en,
    name_zh: input.name.zh,
    parent_id: input.parentId,
    reason: input.reason,
    status: 'open',
    category_id: null,
    decided_by: null,
    decided_at: null,
    created_at: new Date(now).toISOString(),
  };
  await db.insertInto('proposals').values(row).execute();
  return toProposal({ ...row, proposer_name: caller.name });
}

/**
 * Accept (creating the category under the proposed parent, or at the top when that parent is gone) or
 * decline an open proposal of the caller's team, in one transaction. 404 for another team's proposal,
 * 409 when it was already decided.
 */
export async function decideProposal(db: Kysely<Database>, caller: Caller, proposalId: string, decision: 'accepted' | 'declined', now: number): Promise<Proposal> {
  const at = new Date(now).toISOString();
  return db.transaction().execute(async (tx) => {
    const team = await tx.updateTable('teams').set((eb) => ({ version: eb.ref('version') })).where('id', '=', caller.teamId).returning('version').executeTakeFirstOrThrow();
    const row = (await selectProposals(tx, caller.teamId).where('proposals.id', '=', proposalId).executeTakeFirst()) as Row | undefined;
    if (!row) throw new TeamError(404, 'not_found', 'no such proposal in your team');
    if (row.status !== 'open') throw new TeamError(409, 'already_decided', `this proposal was already ${row.status}`);
    let categoryId: string | null = null;
    if (decision === 'accepted') {
      const existing = await tx.selectFrom('categories').select(['id', 'deleted_at']).where('team_id', '=', caller.teamId).execute();
      const live = new Set(existing.filter((c) => !c.deleted_at).map((c) => c.id));
      categoryId = newCategoryId(row.name_en || row.name_zh, new Set(existing.map((c) => c.id)));
      const category: SyncCategory = {
        id: categoryId,
        parentId: row.parent_id && live.has(row.parent_id) ? row.parent_id : null,
        name: { en: row.name_en, zh: row.name_zh },
        aliases: [],
        keywords: [],
        ...(row.reason ? { description: row.reason } : {}),
      };
      const version = Number(team.version) + 1;
      await tx.insertInto('categories').values({ team_id: caller.teamId, id: categoryId, version, data: JSON.stringify(category), updated_at: at, deleted_at: null }).execute();
      await tx.updateTable('teams').set({ version }).where('id', '=', caller.teamId).execute();
    }
    await tx
      .updateTable('proposals')
      .set({ status: decision, category_id: categoryId, decided_by: caller.memberId, decided_at: at })
      .where('id', '=', proposalId)
      .where('team_id', '=', caller.teamId)
      .execute();
    return toProposal({ ...row, status: decision, category_id: categoryId, decided_by: caller.memberId, decided_at: at });
  });
}
