/** HTML character references in and out, for the bookmarks file (no DOM needed, so it runs anywhere). */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  middot: '·', bull: '•', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', deg: '°', times: '×', divide: '÷',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß',
};

/**
 * Decode character references: numeric (`&#39;`, `&#x27;`) and the common named ones. The semicolon may be
 * missing after the basic five (`&amp` as browsers read it); unknown names stay as written.
 */
export function decodeHtmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref] ?? NAMED[ref.toLowerCase()];
    if (named === undefined) return whole;
    if (!whole.endsWith(';') && !['amp', 'lt', 'gt', 'quot', 'nbsp'].includes(ref.toLowerCase())) return whole;
    return named;
  });
}

/** Escape text for an attribute value or element content: `& < > "` always, `'` too (either quote is safe). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Escape text so that it reads back exactly even where HTML collapses whitespace: as escapeHtml, plus tabs,
 * line breaks, runs of spaces and spaces at either end as numeric references.
 */
export function escapeHtmlExact(s: string): string {
  const escaped = escapeHtml(s).replace(/[\t\n\r\f\v]/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replace(/ (?= )/g, '&#32;').replace(/^ | $/g, '&#32;');
}
