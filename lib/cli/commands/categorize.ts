import { parseArgs } from 'node:util';
import { suggest, trainCategorizer, type ExtraEvidence, type LearnedModel } from '../../categorize/learned';
import { categoryPath, STARTER_TAXONOMY } from '../../categorize/taxonomy';
import type { Category } from '../../categorize/types';
import { EXIT, UsageError, type CliIo } from '../io';
import { LibraryError, loadLibrary } from '../library';
import { DEFAULT_LOAD_OPTIONS, loadPage } from '../load-page';
import { CATEGORIZE_USAGE } from '../usage';
import { parseLimit } from './search';

interface CategorizeArgs {
  library: string;
  inputs: string[];
  limit: number;
}

/** Where suggestions come from besides the library's filing: the taxonomy and (later) the team's rules. */
export interface CategorizeSources {
  taxonomy?: Category[];
  rules?: ExtraEvidence;
}

/**
 * `cairn categorize --library FILE.jsonl <file-or-url>...`: learn from the library's filed clips (their
 * `category` paths), clip each input as `cairn clip` does, and print one JSON line per input, in order:
 * {"input", "suggestions": [{"category", "score", "why"}]} — the same lib/categorize code as the extension.
 */
export async function runCategorize(argv: string[], io: CliIo, sources: CategorizeSources = {}): Promise<number> {
  const parsed = parseCategorizeArgs(argv);
  if (parsed === 'help') {
    io.out(CATEGORIZE_USAGE);
    return EXIT.ok;
  }
  const taxonomy = sources.taxonomy ?? STARTER_TAXONOMY;
  let model: LearnedModel;
  try {
    const library = await loadLibrary(parsed.library, io, 'categorize');
    model = trainCategorizer([...library.clips.values()].filter((c) => c.categoryId && !c.deletedAt));
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    io.err(`cairn categorize: ${error.message}\n`);
    return EXIT.failed;
  }
  const { clipPage } = await import('../clip-page');
  let failed = 0;
  for (const input of parsed.inputs) {
    try {
      const page = await loadPage(input, io, DEFAULT_LOAD_OPTIONS);
      const clip = await clipPage(page, { mode: 'article', taxonomy, now: io.now() });
      const suggestions = suggest(model, { url: clip.url, title: clip.title, siteName: clip.siteName, text: clip.text, lang: clip.lang }, taxonomy, parsed.limit, {
        extra: sources.rules,
      }).map((s) => ({ category: categoryPath(taxonomy, s.categoryId, 'en'), score: s.score, why: s.why }));
      io.out(`${JSON.stringify({ input, suggestions })}\n`);
    } catch (error) {
      failed++;
      io.out(`${JSON.stringify({ input, error: errorMessage(error) })}\n`);
    }
  }
  if (failed) io.err(`cairn categorize: ${failed} of ${parsed.inputs.length} input${parsed.inputs.length === 1 ? '' : 's'} failed\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

function parseCategorizeArgs(argv: string[]): CategorizeArgs | 'help' {
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
    throw new UsageError((error as Error).message, CATEGORIZE_USAGE);
  }
  if (values.help) return 'help';
  if (!values.library) throw new UsageError('--library FILE.jsonl is required', CATEGORIZE_USAGE);
  if (!positionals.length) throw new UsageError('give at least one file or URL', CATEGORIZE_USAGE);
  return { library: values.library as string, inputs: positionals, limit: parseLimit(values.limit, CATEGORIZE_USAGE, 3) };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'InputError' ? error.message : `could not clip: ${error.message}`;
  return `could not clip: ${String(error)}`;
}
