import { EXIT, processIo, UsageError, type CliIo } from './io';
import { MAIN_USAGE } from './usage';

/** A subcommand: takes its own arguments, returns the exit code. Loaded lazily so startup stays quick. */
type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  clip: async () => (await import('./commands/clip')).runClip,
  search: async () => (await import('./commands/search')).runSearch,
  related: async () => (await import('./commands/related')).runRelated,
  serve: async () => (await import('./commands/serve')).runServe,
  team: async () => (await import('./commands/team')).runTeam,
  import: async () => (await import('./commands/import')).runImport,
  export: async () => (await import('./commands/export')).runExport,
  categorize: async () => (await import('./commands/categorize')).runCategorize,
};

/** Entry point of the `cairn` command: dispatch `cairn <command> ...` and return the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(MAIN_USAGE);
    return EXIT.ok;
  }
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`${name ? `cairn: unknown command "${name}"` : 'cairn: no command given'}\n\n${MAIN_USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cairn ${name}: ${error.message}\n\n${error.usage ?? MAIN_USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}
