/** Bookmarks HTML as Chrome and Firefox write it, quirks included, read into link clips. */
import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY } from '../../../lib/categorize/taxonomy';
import { exportNetscape, importLibrary, parseNetscapeBookmarks } from '../../../lib/transfer';

const NOW = Date.UTC(2030, 5, 1);
const options = { taxonomy: STARTER_TAXONOMY, now: () => NOW };

/** Chrome/Edge style: upper-case tags, ICON data, a toolbar root, nested and empty folders, no TAGS. */
const CHROME = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://developer.mozilla.org/en-US/docs/Web" ADD_DATE="1650000000" ICON="data:image/png;base64,iVBORw0KGgo=">MDN Web Docs</A>
        <DT><H3 ADD_DATE="1600000001" LAST_MODIFIED="0">Technology</H3>
        <DL><p>
            <DT><H3 ADD_DATE="1600000002" LAST_MODIFIED="0">AI &amp; Data</H3>
            <DL><p>
                <DT><A HREF="https://example.com/llm?utm_source=feed&amp;id=7" ADD_DATE="1660000000">Attention &amp; Transformers: a guide</A>
            </DL><p>
            <DT><H3 ADD_DATE="1600000003" LAST_MODIFIED="0">Empty folder</H3>
            <DL><p>
            </DL><p>
        </DL><p>
        <DT><H3 ADD_DATE="1600000004" LAST_MODIFIED="0">读书</H3>
        <DL><p>
            <DT><A HREF="https://book.douban.com/subject/1/">学习型组织 &lt;第五项修炼&gt;</A>
        </DL><p>
        <DT><A HREF="javascript:(function(){alert('hi')})()" ADD_DATE="1650000001">My bookmarklet</A>
    </DL><p>
    <DT><H3 ADD_DATE="1600000005" LAST_MODIFIED="0">Work</H3>
    <DL><p>
        <DT><H3>Programming</H3>
        <DL><p>
            <DT><A HREF="https://github.com/" ADD_DATE="1670000000">GitHub</A>
        </DL><p>
    </DL><p>
</DL><p>
`;

/** Firefox style: lower/upper mix, TAGS, SHORTCUTURL, place: queries, <DD> descriptions, root menu folders. */
const FIREFOX = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; img-src data: *; object-src 'none'"></meta>
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>

<DL><p>
    <DT><A HREF="place:parent=toolbar_____&sort=12&maxResults=10" ADD_DATE="1600000000" LAST_MODIFIED="1600000000">Recently Bookmarked</A>
    <DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1690000000">Mozilla Firefox</H3>
    <DL><p>
        <DT><A HREF="https://support.mozilla.org/products/firefox" ADD_DATE="1600000100" LAST_MODIFIED="1600000200" TAGS="help,firefox">Get Help</A>
        <DD>Firefox&#39;s support site &amp; forums
    </DL><p>
    <DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1690000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>
    <DD>Add bookmarks to this folder to see them displayed on the Bookmarks Toolbar
    <DL><p>
        <DT><A HREF="https://www.rust-lang.org/" ADD_DATE="1610000000" LAST_MODIFIED="1610000001" SHORTCUTURL="rust" TAGS="rust,Programming">Rust</A>
        <DD>A language empowering everyone
to build reliable software.
        <DT><A HREF="https://www.rust-lang.org/?utm_campaign=x#top" ADD_DATE="1620000000" TAGS="systems">Rust (again)</A>
    </DL><p>
    <HR>
    <DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1690000000" UNFILED_BOOKMARKS_FOLDER="true">Other Bookmarks</H3>
    <DL><p>
        <DT><A HREF="https://news.ycombinator.com/" ADD_DATE="1630000000">Hacker News</A>
        <DT><A HREF="not a url" ADD_DATE="1630000001">Broken</A>
        <DT><A HREF="https://example.org/no-title" ADD_DATE="1630000002"></A>
    </DL><p>
</DL>
`;

describe('Chrome-style bookmarks', () => {
  it('files bookmarks by folder path, decodes references, skips bookmarklets with a reason', async () => {
    const result = await importLibrary(CHROME, 'netscape', options);
    const byTitle = new Map(result.added.map((c) => [c.title, c]));
    expect([...byTitle.keys()]).toEqual(['MDN Web Docs', 'Attention & Transformers: a guide', '学习型组织 <第五项修炼>', 'GitHub']);

    const mdn = byTitle.get('MDN Web Docs')!;
    expect(mdn).toMatchObject({ mode: 'link', category: null, tags: [], createdAt: '2022-04-15T05:20:00.000Z', markdown: '' });

    const llm = byTitle.get('Attention & Transformers: a guide')!;
    expect(llm.url).toBe('https://example.com/llm?utm_source=feed&id=7');
    expect(llm.canonicalUrl).toBe('https://example.com/llm?id=7');
    expect(llm.category).toBe('Technology/AI & Data');
    expect(llm.tags).toEqual([]);

    // No ADD_DATE: the import time. A Chinese folder name that is a category's alias files it.
    const book = byTitle.get('学习型组织 <第五项修炼>')!;
    expect(book.createdAt).toBe(new Date(NOW).toISOString());
    expect(book.category).toBe('Culture & Life/Arts & Books');
    expect(book.tags).toEqual([]);

    // "Work/Programming": Programming is an alias of Software Development; Work stays as a tag.
    const github = byTitle.get('GitHub')!;
    expect(github.category).toBe('Technology/Software Development');
    expect(github.tags).toEqual(['Work']);

    expect(result.report.imported).toBe(4);
    expect(result.report.skipped).toEqual([{ item: 26, reason: 'bookmarklet (javascript:), not a page' }]);
  });

  it('reads folders as nested paths, with the browser root folder left out and empty folders harmless', () => {
    const bookmarks = parseNetscapeBookmarks(CHROME);
    expect(bookmarks.map((b) => b.folders.join('/'))).toEqual(['', 'Technology/AI & Data', '读书', '', 'Work/Programming']);
    expect(bookmarks[1]!.attributes.add_date).toBe('1660000000');
  });
});

describe('Firefox-style bookmarks', () => {
  it('takes TAGS, LAST_MODIFIED and <DD> notes, skips place: queries and bad URLs, merges duplicates', async () => {
    const result = await importLibrary(FIREFOX, 'netscape', options);
    const titles = result.added.map((c) => c.title);
    expect(titles).toEqual(['Get Help', 'Rust', 'Hacker News', 'example.org/no-title']);

    const help = result.added[0]!;
    expect(help.tags).toEqual(['help', 'firefox', 'Mozilla Firefox']);
    expect(help.note).toBe("Firefox's support site & forums");
    expect(help.createdAt).toBe('2020-09-13T12:28:20.000Z');
    expect(help.updatedAt).toBe('2020-09-13T12:30:00.000Z');

    // The toolbar's own <DD> describes the folder, not a bookmark; "Rust (again)" is the same page, merged.
    const rust = result.added[1]!;
    expect(rust.note).toBe('A language empowering everyone to build reliable software.');
    expect(rust.tags).toEqual(['rust', 'Programming', 'systems']);
    expect(rust.category).toBeNull();

    expect(result.report).toEqual({
      imported: 4,
      updated: 0,
      skipped: [
        { item: 9, reason: 'Firefox query bookmark (place:), not a page' },
        { item: 21, reason: 'duplicate of line 18, merged into it' },
        { item: 27, reason: 'not a valid URL: not a url' },
      ],
    });
  });

  it('reports progress for every bookmark read', async () => {
    const seen: Array<[number, number]> = [];
    await importLibrary(FIREFOX, 'netscape', { ...options, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]));
  });
});

describe('tolerance', () => {
  it('keeps going past a bookmark without </A> and an attribute with an unbalanced quote', () => {
    const html = `<DL><p>
<DT><A HREF="https://a.example/" ADD_DATE="1">First
<DT><A HREF="https://b.example/" TITLE="it's>Second</A>
<DT><A HREF='https://c.example/'>Third</a>
</DL>`;
    const bookmarks = parseNetscapeBookmarks(html);
    expect(bookmarks.map((b) => [b.href, b.title])).toEqual([
      ['https://a.example/', 'First'],
      ['https://b.example/', 'Second'],
      ['https://c.example/', 'Third'],
    ]);
  });

  it('writes a file that escapes markup in titles, URLs, tags and notes', () => {
    const html = exportNetscape([
      {
        ...baseClip,
        title: '<script>alert(1)</script> & "x"',
        url: 'https://e.example/?a=1&b="2"',
        tags: ['a<b', 'c&d'],
        note: 'line 1\n<img src=x onerror=alert(1)>',
      },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('HREF="https://e.example/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('TAGS="a&lt;b,c&amp;d"');
    const [back] = parseNetscapeBookmarks(html);
    expect(back).toMatchObject({ title: '<script>alert(1)</script> & "x"', href: 'https://e.example/?a=1&b="2"', description: 'line 1\n<img src=x onerror=alert(1)>' });
  });

  it('splits a tag with a comma on the way back (the TAGS attribute is comma-separated)', async () => {
    const html = exportNetscape([{ ...baseClip, tags: ['one, two'] }]);
    const result = await importLibrary(html, 'netscape', options);
    expect(result.added[0]!.tags).toEqual(['one', 'two']);
  });
});

const baseClip = {
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  url: 'https://base.example/',
  canonicalUrl: 'https://base.example/',
  title: 'Base',
  byline: null,
  siteName: null,
  lang: 'en',
  dir: null,
  publishedTime: null,
  excerpt: '',
  summary: { abstract: '', keyPoints: [] },
  text: '',
  markdown: '',
  html: '',
  category: null,
  tags: [],
  wordCount: 0,
  readingMinutes: 0,
  mode: 'link' as const,
  note: '',
  visibility: 'private' as const,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
