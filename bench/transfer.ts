/**
 * Import/export throughput: a seeded random library (Chinese, emoji, quotes, line breaks; ~30% link clips)
 * exported and imported in each format, clips per second printed, then one JSON line with every figure.
 * Usage: npm run bench:transfer [-- --size N]
 */
import { STARTER_TAXONOMY } from '../lib/categorize/taxonomy';
import { exportLibrary, importLibrary, type ExportFormat } from '../lib/transfer';
import { randomLibrary } from '../test/unit/transfer/random-library';

const sizeArg = process.argv.indexOf('--size');
const SIZE = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 10_000;
const library = randomLibrary(20_240_601, SIZE);
const live = library.filter((c) => !c.deletedAt).length;

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const figures: Record<string, unknown> = { clips: SIZE, live };
console.log(`transfer bench: ${SIZE} clips (${live} not deleted), node ${process.version}`);
for (const format of ['jsonl', 'netscape', 'markdown'] as ExportFormat[]) {
  // One warm-up pass so the figures are not the JIT's first run.
  exportLibrary(library.slice(0, 200), format);
  const [file, exportMs] = await time(() => exportLibrary(library, format));
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data).length : file.data.length;
  const [result, importMs] = await time(() => importLibrary(file.data, format, { taxonomy: STARTER_TAXONOMY, now: () => Date.UTC(2031, 0, 1) }));
  const exported = format === 'jsonl' ? SIZE : live;
  const exportRate = Math.round(exported / (exportMs / 1000));
  const importRate = Math.round(exported / (importMs / 1000));
  console.log(
    `${format.padEnd(9)} export ${exportMs.toFixed(0).padStart(6)} ms (${exportRate} clips/s, ${(bytes / 1e6).toFixed(1)} MB)` +
      `  import ${importMs.toFixed(0).padStart(6)} ms (${importRate} clips/s, ${result.report.imported} imported, ${result.report.skipped.length} skipped)`,
  );
  figures[format] = { exportMs: Math.round(exportMs), exportClipsPerSec: exportRate, bytes, importMs: Math.round(importMs), importClipsPerSec: importRate, imported: result.report.imported, skipped: result.report.skipped.length };
}

// Merging against a library that already holds every clip: the re-import case.
const jsonl = exportLibrary(library, 'jsonl').data;
const [again, againMs] = await time(() => importLibrary(jsonl, 'jsonl', { taxonomy: STARTER_TAXONOMY, existing: library }));
console.log(`re-import into the same library: ${againMs.toFixed(0)} ms (${Math.round(SIZE / (againMs / 1000))} clips/s, ${again.report.skipped.length} duplicates)`);
figures.reimportJsonl = { ms: Math.round(againMs), clipsPerSec: Math.round(SIZE / (againMs / 1000)), duplicates: again.report.skipped.length };
console.log(JSON.stringify({ bench: 'transfer', ...figures }));
