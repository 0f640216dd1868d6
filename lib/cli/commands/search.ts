import { EXIT, UsageError, type CliIo } from '../io';
import { LibraryError, loadLibrary } from '../library';
import { SEARCH_USAGE } from '../usage';
import { parseCommandArgs } from '../args';

interface SearchArgs {
  library: string;
  query: string;
  limit: number;
}

/** `cairn search --library FILE.jsonl "query"`: print one JSON line per result, best first. */
export async function runSearch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseSearchArgs(argv);
  if (parsed === 'help') {
    io.out(SEARCH_USAGE);
    return EXIT.ok;
  }
  let library;
  try {
    library = await loadLibrary(parsed.library, io, 'search');
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    io.err(`cairn search: ${error.message}\n`);
    return EXIT.failed;
  }
  // Whole words only: the CLI gets a finished query, not one being typed.
  for (const hit of library.index.search(parsed.query, { limit: parsed.limit, prefix: false })) {
    const clip = library.clips.get(hit.id);
    const line = {
      id: hit.id,
      url: clip?.url ?? null,
      title: hit.title.text,
      score: hit.score,
      snippet: hit.snippet.text,
      highlights: hit.snippet.highlights,
    };
    io.out(`${JSON.stringify(line)}\n`);
  }
  return EXIT.ok;
}

function parseSearchArgs(argv: string[]): SearchArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    library: { type: 'string' },
    limit: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, SEARCH_USAGE);
  if (values.help) return 'help';
  if (!values.library) throw new UsageError('--library FILE.jsonl is required', SEARCH_USAGE);
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('give a query', SEARCH_USAGE);
  return { library: values.library as string, query, limit: parseLimit(values.limit, SEARCH_USAGE, 10) };
}

/** --limit N: a whole number from 1 to 1000 (shared with `cairn related`). */
export function parseLimit(value: string | boolean | undefined, usage: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${value}"`, usage);
  return n;
}
