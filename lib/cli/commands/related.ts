import { parseArgs } from 'node:util';
import { STARTER_TAXONOMY } from '../../categorize/taxonomy';
import { EXIT, UsageError, type CliIo } from '../io';
import { LibraryError, loadLibrary, type LoadedLibrary } from '../library';
import { DEFAULT_LOAD_OPTIONS, loadPage } from '../load-page';
import { RELATED_USAGE } from '../usage';
import { parseLimit } from './search';

interface RelatedArgs {
  library: string;
  inputs: string[];
  limit: number;
}

/**
 * `cairn related --library FILE.jsonl <file-or-url>...`: load and clip each input the way `cairn clip`
 * does, then print one JSON line per input, in order: {"input", "results": [{id, url, title, score, why}]}.
 */
export async function runRelated(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseRelatedArgs(argv);
  if (parsed === 'help') {
    io.out(RELATED_USAGE);
    return EXIT.ok;
  }
  let library: LoadedLibrary;
  try {
    library = await loadLibrary(parsed.library, io, 'related');
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    io.err(`cairn related: ${error.message}\n`);
    return EXIT.failed;
  }
  const { clipPage } = await import('../clip-page');
  let failed = 0;
  for (const input of parsed.inputs) {
    try {
      const page = await loadPage(input, io, DEFAULT_LOAD_OPTIONS);
      const clip = await clipPage(page, { mode: 'article', taxonomy: STARTER_TAXONOMY, now: io.now() });
      const hits = library.index.related(
        { title: clip.title, url: clip.url, siteName: clip.siteName, text: clip.text, keyTerms: clip.tags, categoryId: clip.categoryId },
        { limit: parsed.limit },
      );
      const results = hits.map((hit) => {
        const found = library.clips.get(hit.id);
        return { id: hit.id, url: found?.url ?? null, title: found?.title ?? '', score: hit.score, why: hit.why.text };
      });
      io.out(`${JSON.stringify({ input, results })}\n`);
    } catch (error) {
      failed++;
      io.out(`${JSON.stringify({ input, error: errorMessage(error) })}\n`);
    }
  }
  if (failed) io.err(`cairn related: ${failed} of ${parsed.inputs.length} input${parsed.inputs.length === 1 ? '' : 's'} failed\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

function parseRelatedArgs(argv: string[]): RelatedArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        library: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, RELATED_USAGE);
  }
  if (values.help) return 'help';
  if (!values.library) throw new UsageError('--library FILE.jsonl is required', RELATED_USAGE);
  if (!positionals.length) throw new UsageError('give at least one file or URL', RELATED_USAGE);
  return { library: values.library as string, inputs: positionals, limit: parseLimit(values.limit, RELATED_USAGE, 10) };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'InputError' ? error.message : `could not clip: ${error.message}`;
  return `could not clip: ${String(error)}`;
}
