import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STARTER_TAXONOMY } from '../../categorize/taxonomy';
import type { JsonClip } from '../../clip/interchange';
import { detectImportFormat, exportJsonl, importLibrary, readJsonlItems, type ImportFormat } from '../../transfer';
import { EXIT, UsageError, type CliIo } from '../io';
import { IMPORT_USAGE } from '../usage';
import { parseCommandArgs } from '../args';

const FORMATS: ImportFormat[] = ['jsonl', 'netscape', 'pocket', 'markdown'];

interface ImportArgs {
  file: string;
  format: ImportFormat | null;
  library: string | null;
  out: string | null;
}

/**
 * `cairn import FILE`: read bookmarks, a Pocket CSV, JSON Lines or a vault zip into JSON clips, merging
 * duplicates (and, with --library, merging into that library). Clips go to stdout or --out as JSON Lines;
 * the report goes to stderr as one JSON line. Exit 1 only when the file cannot be read or holds nothing valid.
 */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const args = parseImportArgs(argv);
  if (args === 'help') {
    io.out(IMPORT_USAGE);
    return EXIT.ok;
  }
  let data: Uint8Array;
  try {
    data = args.file === '-' ? await io.readStdin() : await readFile(path.resolve(io.cwd, args.file));
  } catch (error) {
    io.err(`cairn import: cannot read ${args.file}: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  const format = args.format ?? detectImportFormat(args.file, data);
  if (!format) throw new UsageError(`cannot tell the format of ${args.file}; give --format ${FORMATS.join('|')}`, IMPORT_USAGE);

  let existing: JsonClip[] = [];
  if (args.library) {
    const loaded = await readLibraryFile(args.library, io);
    if (!loaded) return EXIT.failed;
    existing = loaded;
  }

  let result;
  try {
    result = await importLibrary(data, format, { taxonomy: STARTER_TAXONOMY, existing, now: io.now });
  } catch (error) {
    io.err(`cairn import: ${args.file} is not a readable ${format} file: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  const { report } = result;
  io.err(`${JSON.stringify({ file: args.file, format, ...report })}\n`);

  const duplicates = report.skipped.filter((s) => s.reason.startsWith('duplicate')).length;
  if (report.imported + report.updated + duplicates === 0) {
    io.err(`cairn import: nothing valid found in ${args.file}\n`);
    return EXIT.failed;
  }
  let clips: JsonClip[] = result.added;
  if (args.library) {
    const changed = new Map(result.changed.map((c) => [c.id, c]));
    clips = [...existing.map((c) => changed.get(c.id) ?? c), ...result.added];
  }
  const text = exportJsonl(clips);
  if (args.out) {
    try {
      await writeFile(path.resolve(io.cwd, args.out), text);
    } catch (error) {
      io.err(`cairn import: cannot write ${args.out}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
  } else io.out(text);
  return EXIT.ok;
}

/** A JSON Lines library for --library: bad lines are reported and left out; null when the file cannot be read. */
export async function readLibraryFile(file: string, io: CliIo): Promise<JsonClip[] | null> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.err(`cairn: cannot read library ${file}: ${(error as Error).message}\n`);
    return null;
  }
  const clips: JsonClip[] = [];
  for (const item of readJsonlItems(text)) {
    if ('clip' in item) clips.push(item.clip);
    else io.err(`cairn: ${file} line ${item.item}: skipped, ${item.skip}\n`);
  }
  return clips;
}

function parseImportArgs(argv: string[]): ImportArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' },
    library: { type: 'string' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  }, IMPORT_USAGE);
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give exactly one file to import', IMPORT_USAGE);
  const format = values.format as string | undefined;
  if (format !== undefined && !FORMATS.includes(format as ImportFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`, IMPORT_USAGE);
  if (positionals[0] === '-' && !format) throw new UsageError('give --format when reading standard input', IMPORT_USAGE);
  return { file: positionals[0]!, format: (format as ImportFormat | undefined) ?? null, library: (values.library as string) ?? null, out: (values.out as string) ?? null };
}
