import { describe, expect, it } from 'vitest';
import type { Category } from '../../../lib/categorize/types';
import type { Clip } from '../../../lib/clip/types';
import { createImportStore, exportDownload, IMPORT_BATCH } from '../../../lib/store/transfer';
import type { Send } from '../../../lib/store/send';

const taxonomy: Category[] = [{ id: 'dev', parentId: null, name: { en: 'Dev', zh: '开发' }, aliases: [], keywords: [] }];
const clip = (id: string, url: string): Clip => ({
  id, mode: 'link', url, canonicalUrl: url, title: `T ${id}`, byline: null, siteName: null, lang: 'en', dir: null, publishedTime: null, excerpt: '',
  summary: { abstract: '', keyPoints: [] }, text: '', markdown: '', html: '', wordCount: 0, readingMinutes: 0, fallback: null,
  categoryId: 'dev', tags: ['t'], note: '', visibility: 'private', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', deletedAt: null,
});

function bookmarks(n: number, extra = ''): string {
  const items = Array.from({ length: n }, (_, i) => `<DT><A HREF="https://b.test/${i}" ADD_DATE="1700000000">Bookmark ${i}</A>`).join('\n');
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Dev</H3>\n<DL><p>\n${items}\n${extra}\n</DL><p>\n</DL><p>`;
}

describe('exportDownload', () => {
  it('writes live clips in each format with a dated file name', async () => {
    const clips = [clip('a', 'https://a.test/'), { ...clip('b', 'https://b.test/'), deletedAt: '2024-02-01T00:00:00.000Z' }];
    const jsonl = await exportDownload(clips, taxonomy, 'jsonl', new Date('2026-03-04T10:00:00Z'));
    expect(jsonl.fileName).toBe('cairn-library-2026-03-04.jsonl');
    const lines = String(jsonl.data).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'a', category: 'Dev' });
    const html = await exportDownload(clips, taxonomy, 'netscape');
    expect(String(html.data)).toContain('https://a.test/');
    expect(html.mimeType).toBe('text/html');
    const zip = await exportDownload(clips, taxonomy, 'markdown');
    expect(zip.data).toBeInstanceOf(Uint8Array);
    expect([...(zip.data as Uint8Array).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('import store', () => {
  it('merges against the library, stores the rest in batches, and reports skips', async () => {
    const sent: unknown[][] = [];
    const send = (async (_type: string, data: { clips: unknown[] }) => { sent.push(data.clips); return { added: data.clips.length, updated: 0 }; }) as unknown as Send;
    const store = createImportStore(send, () => Date.parse('2026-01-01T00:00:00Z'));
    const file = bookmarks(IMPORT_BATCH + 5, '<DT><A HREF="javascript:alert(1)">bookmarklet</A>');
    const report = await store.getState().importFile('bookmarks.html', file, { clips: [clip('old', 'https://b.test/0')], taxonomy });
    expect(report?.imported).toBe(IMPORT_BATCH + 4);
    expect(report?.updated).toBeLessThanOrEqual(1);
    expect(report?.skipped.length).toBeGreaterThanOrEqual(1);
    expect(sent.map((b) => b.length)).toEqual([IMPORT_BATCH, report!.imported + report!.updated - IMPORT_BATCH]);
    expect(store.getState()).toMatchObject({ status: 'done', progress: { done: report!.imported + report!.updated } });
  });

  it('says so when the file is of no known kind', async () => {
    const store = createImportStore((async () => ({ added: 0, updated: 0 })) as unknown as Send);
    expect(await store.getState().importFile('notes.txt', 'just words', { clips: [], taxonomy })).toBeNull();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatch(/cannot tell/);
  });
});
