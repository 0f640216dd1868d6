import { STARTER_TAXONOMY } from '../../categorize/taxonomy';
import { toJsonClip, toMarkdownDocument, yamlString, type JsonClip } from '../../clip/interchange';
import type { ClipMode } from '../../clip/types';
import { EXIT, UsageError, type CliIo } from '../io';
import { DEFAULT_LOAD_OPTIONS, loadPage, type LoadedPage, type LoadOptions } from '../load-page';
import { CLIP_USAGE } from '../usage';
import { parseCommandArgs } from '../args';

/** How many inputs are loaded (fetched) ahead of the one being clipped; output order stays the input order. */
const LOAD_AHEAD = 3;

type OutputFormat = 'json' | 'md';

interface ClipArgs {
  inputs: string[];
  url: string | null;
  mode: ClipMode;
  format: OutputFormat;
  load: LoadOptions;
}

/** `cairn clip <file-or-url>...`: print one JSON clip (or Markdown document) per input, in input order. */
export async function runClip(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseClipArgs(argv);
  if (parsed === 'help') {
    io.out(CLIP_USAGE);
    return EXIT.ok;
  }
  const { clipPage } = await import('../clip-page');
  const loads: Promise<{ page: LoadedPage } | { error: unknown }>[] = [];
  const startLoad = (i: number) => {
    loads[i] = loadPage(parsed.inputs[i]!, io, parsed.load).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  };
  for (let i = 0; i < Math.min(LOAD_AHEAD, parsed.inputs.length); i++) startLoad(i);

  let failed = 0;
  for (const [i, input] of parsed.inputs.entries()) {
    const loaded = await loads[i]!;
    if (i + LOAD_AHEAD < parsed.inputs.length) startLoad(i + LOAD_AHEAD);
    try {
      if ('error' in loaded) throw loaded.error;
      const page = parsed.url ? { ...loaded.page, url: parsed.url } : loaded.page;
      const clip = await clipPage(page, { mode: parsed.mode, taxonomy: STARTER_TAXONOMY, now: io.now() });
      io.out(formatClip(toJsonClip(clip, STARTER_TAXONOMY), parsed.format, i));
    } catch (error) {
      failed++;
      io.out(formatError(input, errorMessage(error), parsed.format, i));
    }
  }
  if (failed) io.err(`cairn clip: ${failed} of ${parsed.inputs.length} input${parsed.inputs.length === 1 ? '' : 's'} failed\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

function parseClipArgs(argv: string[]): ClipArgs | 'help' {
  const { values, positionals } = parseCommandArgs(argv, {
    url: { type: 'string' },
    mode: { type: 'string', default: 'article' },
    format: { type: 'string', default: 'json' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, CLIP_USAGE);
  if (values.help) return 'help';
  if (!positionals.length) throw new UsageError('give at least one file or URL', CLIP_USAGE);
  const mode = values.mode as string;
  if (mode !== 'article' && mode !== 'page') throw new UsageError(`--mode must be article or page, not "${mode}"`, CLIP_USAGE);
  const format = values.format as string;
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format must be json or md, not "${format}"`, CLIP_USAGE);
  const url = (values.url as string | undefined) ?? null;
  if (url !== null) {
    if (positionals.length !== 1) throw new UsageError('--url needs exactly one input', CLIP_USAGE);
    if (!URL.canParse(url)) throw new UsageError(`--url is not an absolute URL: "${url}"`, CLIP_USAGE);
  }
  const load = { ...DEFAULT_LOAD_OPTIONS };
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not "${values.timeout}"`, CLIP_USAGE);
    load.timeoutMs = seconds * 1000;
  }
  return { inputs: positionals, url, mode, format, load };
}

function formatClip(json: JsonClip, format: OutputFormat, index: number): string {
  if (format === 'json') return `${JSON.stringify(json)}\n`;
  return `${index ? '\n' : ''}${toMarkdownDocument(json)}`;
}

/** A failed input in place of its clip: a JSON line, or a front-matter-only Markdown document. */
function formatError(input: string, message: string, format: OutputFormat, index: number): string {
  if (format === 'json') return `${JSON.stringify({ input, error: message })}\n`;
  return `${index ? '\n' : ''}---\ninput: ${yamlString(input)}\nerror: ${yamlString(message)}\n---\n`;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'InputError' ? error.message : `could not clip: ${error.message}`;
  return `could not clip: ${String(error)}`;
}
