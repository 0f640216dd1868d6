import { STARTER_TAXONOMY } from '../../categorize/taxonomy';
import { EXIT, type CliIo } from '../io';
import { LibraryError, loadLibrary, type LoadedLibrary } from '../library';
import { answerEachInput, parseLibraryInputsArgs } from '../library-inputs';
import { RELATED_USAGE } from '../usage';

/**
 * `cairn related --library FILE.jsonl <file-or-url>...`: load and clip each input the way `cairn clip`
 * does, then print one JSON line per input, in order: {"input", "results": [{id, url, title, score, why}]}.
 */
export async function runRelated(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseLibraryInputsArgs(argv, RELATED_USAGE, 10);
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
  return answerEachInput('related', parsed.inputs, io, STARTER_TAXONOMY, (clip) => {
    const page = { title: clip.title, url: clip.url, siteName: clip.siteName, text: clip.text, keyTerms: clip.tags, categoryId: clip.categoryId };
    const results = library.index.related(page, { limit: parsed.limit }).map((hit) => {
      const found = library.clips.get(hit.id);
      return { id: hit.id, url: found?.url ?? null, title: found?.title ?? '', score: hit.score, why: hit.why.text };
    });
    return { results };
  });
}
