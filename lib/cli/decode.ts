/**
 * Turn an HTML page's bytes into text the way a careful browser would, but trusting the bytes over labels
 * that lie: a byte-order mark wins; then bytes that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever
 * the page claims (saved pages are often re-encoded to UTF-8 but keep `<meta charset=gb2312>`); then the
 * HTTP Content-Type charset; then `<meta charset>` / `http-equiv` in the first 4 KB; then windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): { text: string; encoding: string } {
  const bom = sniffBom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  if (hasNonAscii(bytes)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // Not UTF-8: fall through to the declared charset.
    }
  }
  for (const label of [headerCharset, metaCharset(bytes)]) {
    const decoder = label ? decoderFor(label) : null;
    if (decoder) return { text: decodeWith(decoder, bytes), encoding: decoder.encoding };
  }
  return { text: decodeWith(new TextDecoder('windows-1252'), bytes), encoding: 'windows-1252' };
}

/**
 * windows-1252 (also what the latin1 / iso-8859-1 / ascii labels mean on the web) puts quotes, dashes and € at
 * 0x80–0x9F. Node 20's TextDecoder decodes it as ISO-8859-1 and yields C1 controls there (nodejs/node#56542),
 * so those are mapped here; on a fixed Node none remain and this changes nothing.
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** The charset parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2]! : null;
}

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

/** The charset a page declares in a `<meta>` tag near its start (first 4 KB: real pages put long scripts before it). */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label.trim());
    // The HTML spec maps UTF-16 labels found in a meta tag to UTF-8 (the bytes could not have been read otherwise).
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return null;
  }
}
