import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportLibrary, type ExportFormat } from '../../transfer';
import { EXIT, UsageError, type CliIo } from '../io';
import { EXPORT_USAGE } from '../usage';
import { readLibraryFile } from './import';
import { parseCommandArgs } from '../args';

const FORMATS: ExportFormat[] = ['jsonl', 'markdown', 'netscape'];

interface ExportArgs {
  library: string;
  format: ExportFormat;
  out: string | null;
}

/** `cairn export --library FILE.jsonl --format F --out PATH`: write the library as JSON Lines, a vault zip or bookmarks. */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const args = parseExportArgs(argv);
  if (args === 'help') {
    io.out(EXPORT_USAGE);
    return EXIT.ok;
  }
  const clips = await readLibraryFile(args.library, io);
  if (!clips) return EXIT.failed;
  const file = exportLibrary(clips, args.format);
  if (args.out) {
    try {
      await writeFile(path.resolve(io.cwd, args.out), file.data);
    } catch (error) {
      io.err(`cairn export: cannot write ${args.out}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
  } else io.out(file.data as string);
  const exported = args.format === 'jsonl' ? clips.length : clips.filter((c) => !c.deletedAt).length;
  io.err(`${JSON.stringify({ library: args.library, format: args.format, out: args.out ?? '-', exported })}\n`);
  return EXIT.ok;
}

function parseExportArgs(argv: string[]): ExportArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    library: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  }, EXPORT_USAGE);
  if (values.help) return 'help';
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, EXPORT_USAGE);
  if (!values.library) throw new UsageError('--library FILE.jsonl is required', EXPORT_USAGE);
  const format = (values.format as string | undefined) ?? 'jsonl';
  if (!FORMATS.includes(format as ExportFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`, EXPORT_USAGE);
  const out = values.out === undefined || values.out === '-' ? null : (values.out as string);
  if (format === 'markdown' && !out) throw new UsageError('--format markdown writes a zip: give --out FILE.zip', EXPORT_USAGE);
  return { library: values.library as string, format: format as ExportFormat, out };
}
