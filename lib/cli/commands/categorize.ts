import { suggest, trainCategorizer, type ExtraEvidence, type LearnedModel } from '../../categorize/learned';
import { categoryPath, STARTER_TAXONOMY } from '../../categorize/taxonomy';
import type { Category } from '../../categorize/types';
import { EXIT, type CliIo } from '../io';
import { LibraryError, loadLibrary } from '../library';
import { answerEachInput, parseLibraryInputsArgs } from '../library-inputs';
import { CATEGORIZE_USAGE } from '../usage';

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
  const parsed = parseLibraryInputsArgs(argv, CATEGORIZE_USAGE, 3);
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
  return answerEachInput('categorize', parsed.inputs, io, taxonomy, (clip) => {
    const input = { url: clip.url, title: clip.title, siteName: clip.siteName, text: clip.text, lang: clip.lang };
    const suggestions = suggest(model, input, taxonomy, parsed.limit, { extra: sources.rules }).map((s) => ({
      category: categoryPath(taxonomy, s.categoryId, 'en'),
      score: s.score,
      why: s.why,
    }));
    return { suggestions };
  });
}
