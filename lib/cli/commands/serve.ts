import path from 'node:path';
import { EXIT, UsageError, type CliIo } from '../io';
import { SERVE_USAGE } from '../usage';
import { parseCommandArgs } from '../args';

/** `cairn serve`: run the team server until SIGINT/SIGTERM. SQLite in DIR/cairn.sqlite unless DATABASE_URL is set. */
export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, SERVE_USAGE);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, SERVE_USAGE);
  if (values.help) {
    io.out(SERVE_USAGE);
    return EXIT.ok;
  }
  const portText = (values.port as string | undefined) ?? process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not "${portText}"`, SERVE_USAGE);
  const host = (values.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(io.cwd, (values.data as string | undefined) ?? './data');

  const { databaseLocation, startServer } = await import('../../../server/main');
  const database = databaseLocation(process.env, dataDir);
  const server = await startServer({ database, port, host, log: (message) => io.err(`${message}\n`) });
  const where = server.database.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : database;
  io.out(`cairn serve: listening on ${server.url} (database: ${where})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
