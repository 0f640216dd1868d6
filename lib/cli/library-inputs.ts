/** What `cairn related` and `cairn categorize` share: `--library FILE <inputs>... [--limit N]`, and a clip per input. */
import type { Clip } from '../clip/types';
import type { Category } from '../categorize/types';
import { EXIT, UsageError, type CliIo } from './io';
import { DEFAULT_LOAD_OPTIONS, loadPage } from './load-page';
import { parseLimit } from './commands/search';
import { parseCommandArgs } from './args';

export interface LibraryInputsArgs {
  library: string;
  inputs: string[];
  limit: number;
}

/** Parse `--library FILE.jsonl <file-or-url>... [--limit N]`; 'help' for -h. */
export function parseLibraryInputsArgs(argv: string[], usage: string, defaultLimit: number): LibraryInputsArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, { library: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage);
  if (values.help) return 'help';
  if (!values.library) throw new UsageError('--library FILE.jsonl is required', usage);
  if (!positionals.length) throw new UsageError('give at least one file or URL', usage);
  return { library: values.library as string, inputs: positionals, limit: parseLimit(values.limit, usage, defaultLimit) };
}

/**
 * Load and clip each input as `cairn clip` does and print `{"input", ...answer(clip)}` per input, in order;
 * a failing input prints `{"input", "error"}` in its place. Exit 1 after the rest if any failed.
 */
export async function answerEachInput(
  command: string,
  inputs: string[],
  io: CliIo,
  taxonomy: Category[],
  answer: (clip: Clip) => Record<string, unknown>,
): Promise<number> {
  const { clipPage } = await import('./clip-page');
  let failed = 0;
  for (const input of inputs) {
    try {
      const page = await loadPage(input, io, DEFAULT_LOAD_OPTIONS);
      const clip = await clipPage(page, { mode: 'article', taxonomy, now: io.now() });
      io.out(`${JSON.stringify({ input, ...answer(clip) })}\n`);
    } catch (error) {
      failed++;
      io.out(`${JSON.stringify({ input, error: clipErrorMessage(error) })}\n`);
    }
  }
  if (failed) io.err(`cairn ${command}: ${failed} of ${inputs.length} input${inputs.length === 1 ? '' : 's'} failed\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

function clipErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'InputError' ? error.message : `could not clip: ${error.message}`;
  return `could not clip: ${String(error)}`;
}
