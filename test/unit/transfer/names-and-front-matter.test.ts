/** Vault file names and the front matter reader, including notes edited in Obsidian. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportMarkdownZip, parseMarkdownDocument, safeFileName, vaultPaths } from '../../../lib/transfer';
import { fromVaultDocument } from '../../../lib/transfer/vault-document';
import { randomLibrary } from './random-library';

describe('safeFileName', () => {
  it.each([
    ['学习型组织：知识管理 \u200b', '学习型组织：知识管理'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j'],
    ['#tag [link] ^block', 'tag link block'],
    ['  trailing dots...  ', 'trailing dots'],
    ['.hidden', 'hidden'],
    ['CON', 'CON_'],
    ['lpt1.txt', 'lpt1.txt_'],
    ['line\nbreak\ttab', 'line break tab'],
    ['🚀 launch 👩‍💻', '🚀 launch 👩‍💻'],
    ['???', 'Untitled'],
  ])('%j → %j', (title, expected) => {
    expect(safeFileName(title)).toBe(expected);
  });

  it('cuts long names at a character boundary within 200 UTF-8 bytes', () => {
    const name = safeFileName('知'.repeat(100) + '👩‍💻'.repeat(20));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name).toBe('知'.repeat(66));
    const emoji = safeFileName('👩‍💻'.repeat(30));
    expect(emoji.length % '👩‍💻'.length).toBe(0);
  });
});

describe('vault paths', () => {
  it('puts clips in category folders and keeps names unique ignoring case', () => {
    const base = randomLibrary(3, 1)[0]!;
    const paths = vaultPaths([
      { ...base, title: 'Notes', category: 'Technology/AI & Data' },
      { ...base, title: 'notes', category: 'Technology/AI & Data' },
      { ...base, title: 'Notes', category: null },
      { ...base, title: 'a: b', category: 'Technology/AI & Data' },
      { ...base, title: 'a? b', category: 'Technology/AI & Data' },
    ]);
    expect(paths).toEqual(['Technology/AI & Data/Notes.md', 'Technology/AI & Data/notes (2).md', 'Notes.md', 'Technology/AI & Data/a b.md', 'Technology/AI & Data/a b (2).md']);
  });

  it('zips one note per live clip, no attachments', () => {
    const library = randomLibrary(11, 50);
    const entries = unzipSync(exportMarkdownZip(library));
    const names = Object.keys(entries);
    expect(names).toHaveLength(library.filter((c) => !c.deletedAt).length);
    expect(names.every((n) => n.endsWith('.md'))).toBe(true);
    expect(strFromU8(entries[names[0]!]!)).toMatch(/^---\ntitle: "/);
  });
});

describe('parseMarkdownDocument', () => {
  it('reads the front matter as Obsidian rewrites it: plain scalars, block lists, single quotes', () => {
    const doc = parseMarkdownDocument(`---
title: Plain title: with colon
url: https://example.com/a?b=c#d
tags:
  - knowledge
  - "quoted tag"
  - '它''s'
category: 'Technology/AI & Data'
note: ~
flag: true
summary:
  abstract: Short.
  key_points:
    - One
    - Two
# a comment
empty:
---

Body line 1
---
Body line 2
`);
    expect(doc.data).toEqual({
      title: 'Plain title: with colon',
      url: 'https://example.com/a?b=c#d',
      tags: ['knowledge', 'quoted tag', "它's"],
      category: 'Technology/AI & Data',
      note: null,
      flag: true,
      summary: { abstract: 'Short.', key_points: ['One', 'Two'] },
      empty: null,
    });
    expect(doc.body).toBe('Body line 1\n---\nBody line 2\n');
  });

  it('reads YAML escapes in double quotes and gives a document without front matter as all body', () => {
    expect(parseMarkdownDocument('---\na: "\\x41\\u4e2d\\U0001F600\\N\\\\0"\n---\n').data).toEqual({ a: 'A中😀\u0085\\0' });
    expect(parseMarkdownDocument('# Just a note\n')).toEqual({ data: {}, body: '# Just a note\n' });
  });

  it('turns a hand-written note with a url into a clip and refuses one without', () => {
    const made = fromVaultDocument('---\nurl: https://x.example/\ntags: [a, b]\n---\n\nMy words.', () => 'NEWID', Date.UTC(2030, 0, 1));
    expect('clip' in made && made.clip).toMatchObject({ id: 'NEWID', url: 'https://x.example/', title: 'https://x.example/', tags: ['a', 'b'], mode: 'article', markdown: 'My words.', createdAt: '2030-01-01T00:00:00.000Z' });
    expect(fromVaultDocument('# no front matter', () => 'X', 0)).toEqual({ problem: 'no url in the front matter' });
  });
});
