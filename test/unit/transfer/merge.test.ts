/** Duplicates within an import and against the library are merged, never added twice. */
import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import { exportJsonl, importLibrary, mergeClip } from '../../../lib/transfer';
import { randomLibrary } from './random-library';

const NOW = Date.UTC(2031, 0, 1);
const options = { taxonomy: STARTER_TAXONOMY, now: () => NOW };

describe('merging', () => {
  const [article, other] = randomLibrary(5, 200).filter((c) => c.mode === 'article' && !c.deletedAt && c.note && c.category);

  it('a bookmark for a page the library has adds its tags and note and counts as updated', async () => {
    const html = `<DL><DT><A HREF="${article!.url.replace(/&/g, '&amp;')}#section" ADD_DATE="1" TAGS="brand-new,${article!.tags[0] ?? 'x'}">Other title</A><DD>from the bookmark</DL>`;
    const result = await importLibrary(html, 'netscape', { ...options, existing: [article!, other!] });
    expect(result.report).toEqual({ imported: 0, updated: 1, skipped: [] });
    const [updated] = result.changed;
    expect(updated!.id).toBe(article!.id);
    expect(updated!.title).toBe(article!.title);
    expect(updated!.tags).toEqual([...article!.tags, 'brand-new']);
    expect(updated!.note).toBe(`${article!.note}\n\nfrom the bookmark`);
    expect(updated!.createdAt).toBe('1970-01-01T00:00:01.000Z');
    expect(updated!.updatedAt).toBe(new Date(NOW).toISOString());
    expect(updated!.markdown).toBe(article!.markdown);
  });

  it('a link clip in the library takes the content of an article imported for the same page', () => {
    const link = { ...article!, mode: 'link' as const, markdown: '', text: '', html: '', wordCount: 0, tags: ['mine'], category: null };
    const merged = mergeClip(link, article!);
    expect(merged).toMatchObject({ id: link.id, mode: 'article', markdown: article!.markdown, category: article!.category });
    expect(merged.tags).toEqual(['mine', ...article!.tags.filter((t) => t.toLowerCase() !== 'mine')]);
  });

  it('returns the same object when the incoming clip adds nothing', () => {
    expect(mergeClip(article!, { ...article!, tags: article!.tags.map((t) => t.toUpperCase()) })).toBe(article);
  });

  it('a newer version of the same clip (same id) replaces the library copy', async () => {
    const newer = { ...article!, title: 'Edited elsewhere', updatedAt: '2030-06-01T00:00:00.000Z' };
    const result = await importLibrary(exportJsonl([newer]), 'jsonl', { ...options, existing: [article!] });
    expect(result.report.updated).toBe(1);
    expect(result.changed[0]).toStrictEqual(newer);
  });

  it('bad JSON Lines are reported by line and never stop the rest', async () => {
    const lines = [
      JSON.stringify(article),
      '{not json',
      JSON.stringify({ input: 'page.html', error: 'ENOENT' }),
      JSON.stringify({ ...other, createdAt: 'yesterday' }),
      '',
      JSON.stringify(other),
      JSON.stringify({ ...article, id: 'another-id' }),
    ].join('\n');
    const result = await importLibrary(lines, 'jsonl', options);
    expect(result.added.map((c) => c.id)).toEqual([article!.id, other!.id]);
    expect(result.report.imported).toBe(2);
    expect(result.report.skipped.map((s) => s.item)).toEqual([2, 3, 4, 7]);
    expect(result.report.skipped[0]!.reason).toMatch(/^not JSON/);
    expect(result.report.skipped[1]!.reason).toBe('a failed clip, not a clip: ENOENT');
    expect(result.report.skipped[2]!.reason).toMatch(/^not a clip \(createdAt: /);
    expect(result.report.skipped[3]!.reason).toBe('duplicate of line 1');
  });
});
