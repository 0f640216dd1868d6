/** Pocket's CSV export and the CSV reader under it. */
import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import { importLibrary, parseCsv, PocketFormatError } from '../../../lib/transfer';

const options = { taxonomy: STARTER_TAXONOMY, now: () => Date.UTC(2030, 0, 1) };

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps record start lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nplain,,"" \n\n"last"';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['plain', '', ' '] },
      { line: 6, fields: ['last'] },
    ]);
  });

  it('tolerates a stray quote inside a field and an unterminated quote at the end', () => {
    expect(parseCsv('a"b,c\n"open,to the end\nstill')).toEqual([
      { line: 1, fields: ['a"b', 'c'] },
      { line: 2, fields: ['open,to the end\nstill'] },
    ]);
  });

  it('handles old Mac line ends (CR only)', () => {
    expect(parseCsv('a,b\rc,d\r').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

const POCKET = [
  'title,url,time_added,tags,status',
  'How to Build a Second Brain,https://fortelabs.com/blog/basboverview/,1583107200,knowledge management|pkm,archive',
  '"Quotes, commas ""and"" more",https://example.com/q?utm_medium=email&id=3,1600000000,,unread',
  '"知识管理：从个人到组织",https://zh.example.cn/文章/1,1610000000,知识|学习型组织,unread',
  '"A title with a',
  'line break",https://example.com/multi,1620000000,read later|,unread',
  'https://example.com/untitled,https://example.com/untitled,1630000000,,unread',
  'No URL,,1630000001,,unread',
  'Bookmarklet,javascript:void(0),1630000002,,unread',
  'Dup of the quotes one,https://example.com/q?id=3,1590000000,dup-tag,unread',
  'No time,https://example.com/no-time,,,unread',
].join('\n');

describe('Pocket CSV import', () => {
  it('reads rows into link clips, files by a tag naming a category, reports bad rows by line', async () => {
    const result = await importLibrary(POCKET, 'pocket', options);
    expect(result.added.map((c) => c.title)).toEqual([
      'How to Build a Second Brain',
      'Quotes, commas "and" more',
      '知识管理：从个人到组织',
      'A title with a\nline break',
      'example.com/untitled',
      'No time',
    ]);
    const [brain, quotes, zh, multi] = result.added;
    expect(brain).toMatchObject({ mode: 'link', tags: ['knowledge management', 'pkm'], category: 'Learning & Knowledge/Knowledge Management', createdAt: '2020-03-02T00:00:00.000Z' });
    // The duplicate row merged in: its tag added, its earlier time kept.
    expect(quotes).toMatchObject({ canonicalUrl: 'https://example.com/q?id=3', tags: ['dup-tag'], createdAt: '2020-05-20T18:40:00.000Z' });
    expect(zh).toMatchObject({ url: 'https://zh.example.cn/文章/1', tags: ['知识', '学习型组织'], category: 'Learning & Knowledge/Learning Organization' });
    expect(multi!.tags).toEqual(['read later']);
    expect(result.added[5]!.createdAt).toBe('2030-01-01T00:00:00.000Z');
    expect(result.report).toEqual({
      imported: 6,
      updated: 0,
      skipped: [
        { item: 8, reason: 'no URL' },
        { item: 9, reason: 'bookmarklet (javascript:), not a page' },
        { item: 10, reason: 'duplicate of line 3, merged into it' },
      ],
    });
  });

  it('finds columns by name in any order', async () => {
    const result = await importLibrary('status,tags,url,title\nunread,a|b,https://x.example/,X\n', 'pocket', options);
    expect(result.added[0]).toMatchObject({ title: 'X', url: 'https://x.example/', tags: ['a', 'b'] });
  });

  it('rejects a CSV that has no url column as a whole', async () => {
    await expect(importLibrary('name,address\nA,B\n', 'pocket', options)).rejects.toThrow(PocketFormatError);
  });
});
