/** Property test: export → import gives back the same library, for seeded random libraries of 0–200 clips. */
import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import type { JsonClip } from '../../../lib/clip/interchange';
import { exportLibrary, importLibrary } from '../../../lib/transfer';
import { randomLibrary } from './random-library';
import { seededRandom } from '../../helpers/seeded-random';

const SEEDS = [1, 2, 3, 42, 2024, 77_777];
const options = { taxonomy: STARTER_TAXONOMY, now: () => Date.UTC(2031, 0, 1) };

function sizeFor(seed: number): number {
  return seed === 1 ? 0 : Math.floor(seededRandom(seed * 7)() * 201);
}

/** What a bookmarks file can carry: URL, title, tags, creation time to the second, category, note. */
function bookmarkView(clip: JsonClip) {
  return {
    url: clip.url,
    title: clip.title,
    tags: clip.tags,
    createdAt: new Date(Math.floor(Date.parse(clip.createdAt) / 1000) * 1000).toISOString(),
    category: clip.category,
    note: clip.note,
  };
}

/** What a vault note carries: everything but the derived text and HTML. */
function vaultView(clip: JsonClip) {
  const { text: _text, html: _html, ...rest } = clip;
  return rest;
}

describe.each(SEEDS)('round trip, seed %i', (seed) => {
  const library = randomLibrary(seed, sizeFor(seed));
  const live = library.filter((c) => !c.deletedAt);

  it('JSON Lines gives back exactly the same clips and the same bytes', async () => {
    const file = exportLibrary(library, 'jsonl');
    const result = await importLibrary(file.data, 'jsonl', options);
    expect(result.report).toEqual({ imported: library.length, updated: 0, skipped: [] });
    expect(result.added).toStrictEqual(library);
    expect(exportLibrary(result.added, 'jsonl').data).toBe(file.data);
  });

  it('Netscape bookmarks give back url, title, tags, createdAt (seconds), category and note', async () => {
    const file = exportLibrary(library, 'netscape');
    const result = await importLibrary(file.data, 'netscape', options);
    expect(result.report.skipped).toEqual([]);
    expect(result.report.imported).toBe(live.length);
    const byUrl = new Map(result.added.map((c) => [c.url, c]));
    for (const clip of live) {
      const back = byUrl.get(clip.url);
      expect(back, clip.url).toBeDefined();
      expect(bookmarkView(back!)).toEqual(bookmarkView(clip));
      expect(back!.mode).toBe('link');
    }
  });

  it('the Markdown vault zip gives back every field but text and HTML', async () => {
    const file = exportLibrary(library, 'markdown');
    expect(file.data).toBeInstanceOf(Uint8Array);
    const result = await importLibrary(file.data, 'markdown', options);
    expect(result.report.skipped).toEqual([]);
    expect(result.added.map(vaultView)).toStrictEqual(live.map(vaultView));
    expect(result.added.map((c) => c.text)).toEqual(live.map((c) => c.markdown));
  });
});

describe('round trip against the library it came from', () => {
  it('importing an export into the same library adds nothing and reports every clip as a duplicate', async () => {
    const library = randomLibrary(9, 60).filter((c) => !c.deletedAt);
    for (const format of ['jsonl', 'netscape', 'markdown'] as const) {
      const file = exportLibrary(library, format);
      const result = await importLibrary(file.data, format, { ...options, existing: library });
      expect(result.report.imported, format).toBe(0);
      expect(result.report.updated, format).toBe(0);
      expect(result.report.skipped, format).toHaveLength(library.length);
      for (const s of result.report.skipped) expect(s.reason).toMatch(/^duplicate of a clip already in the library/);
    }
  });
});
