import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml } from '../../lib/cli/decode';
import { encodeGbk } from './run-cairn';

const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

describe('decodeHtml', () => {
  it('lets a byte-order mark win over any declaration', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('<meta charset="gbk">', '知识'), 'utf16le')]);
    expect(decodeHtml(utf16, 'iso-8859-1')).toMatchObject({ encoding: 'utf-16le', text: expect.stringContaining('知识') });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Café</p>')]);
    expect(decodeHtml(utf8, 'gbk').text).toBe('<p>Café</p>');
  });

  it('reads valid UTF-8 as UTF-8 even under a stale declaration', () => {
    const bytes = Buffer.from(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '学习型组织'));
    expect(decodeHtml(bytes, 'gb2312')).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('学习型组织') });
  });

  it('uses the header charset, then <meta>, for bytes that are not UTF-8', () => {
    const gbk = encodeGbk(page('<meta charset="gbk">', '学习型组织'));
    expect(decodeHtml(gbk)).toMatchObject({ encoding: 'gbk', text: expect.stringContaining('学习型组织') });
    expect(decodeHtml(gbk, 'GB2312').text).toContain('学习型组织');
    const latin1 = Buffer.from(page('<meta charset="gbk">', 'Noël'), 'latin1');
    expect(decodeHtml(latin1, 'iso-8859-1').text).toContain('Noël');
  });

  it('falls back to windows-1252 for undeclared non-UTF-8 bytes and ignores unknown labels', () => {
    const bytes = Buffer.from(page('<meta charset="no-such-charset">', 'Caf\u00e9 \u2014'.replace('\u2014', '\u0097')), 'latin1');
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-1252', text: expect.stringContaining('Café —') });
  });
});

describe('charsetFromContentType', () => {
  it('reads plain and quoted charset parameters', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('GBK');
    expect(charsetFromContentType('text/html;charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
