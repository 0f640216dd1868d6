import path from 'node:path';
import { EXIT, UsageError, type CliIo } from '../io';
import { TEAM_USAGE } from '../usage';
import { parseCommandArgs } from '../args';

/** `cairn team create <name>`: make a team in the server's database and print its owner token (once) and an invite code. */
export async function runTeam(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { data: { type: 'string' }, json: { type: 'boolean' }, owner: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, TEAM_USAGE);
  if (values.help) {
    io.out(TEAM_USAGE);
    return EXIT.ok;
  }
  const [action, ...names] = positionals;
  if (action !== 'create') throw new UsageError(action ? `unknown action "${action}"` : 'give an action: create', TEAM_USAGE);
  const name = names.join(' ').trim();
  if (!name) throw new UsageError('give the team a name', TEAM_USAGE);

  const { databaseLocation } = await import('../../../server/main');
  const { openDatabase } = await import('../../../server/db/open');
  const { createTeam } = await import('../../../server/team/service');
  const dataDir = path.resolve(io.cwd, (values.data as string | undefined) ?? './data');
  const database = await openDatabase(databaseLocation(process.env, dataDir));
  try {
    const created = await createTeam(database.db, { name, ownerName: (values.owner as string | undefined) ?? 'owner', now: io.now() });
    const result = {
      team: created.team,
      owner: { id: created.owner.id, name: created.owner.name, token: created.owner.token },
      invite: created.invite,
    };
    if (values.json) io.out(`${JSON.stringify(result)}\n`);
    else {
      io.out(
        [
          `Team "${created.team.name}" created (${created.team.id}).`,
          `Owner token (shown once, keep it secret): ${created.owner.token}`,
          `Invite code for editors: ${created.invite.code}`,
          '',
        ].join('\n'),
      );
    }
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
