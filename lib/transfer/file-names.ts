/** File and folder names that are safe on Windows, macOS and Linux, made from titles in any language. */

/** Windows device names, which no file may take whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters not allowed in names on some system, plus those that break Obsidian links (# ^ [ ] |). */
const UNSAFE = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Bytes left for a name (255 is the usual limit) after an extension and a " (999)" counter. */
const MAX_NAME_BYTES = 200;

/**
 * A name for a title: NFC (macOS keeps it as given), unsafe characters → space, whitespace collapsed, no
 * leading dot, no trailing dot or space (Windows), not a device name, cut at a character boundary to 200
 * UTF-8 bytes. Chinese and emoji are kept. An empty result becomes `fallback`.
 */
export function safeFileName(title: string, fallback = 'Untitled'): string {
  let name = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '');
  name = cutToBytes(name, MAX_NAME_BYTES).replace(/[.\s]+$/, '');
  if (!name) return fallback;
  if (RESERVED.test(name.split('.')[0]!)) name = `${name}_`;
  return name;
}

function cutToBytes(s: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(s).length <= max) return s;
  let out = '';
  let bytes = 0;
  // By grapheme, so an emoji sequence or a combining mark is never cut in half.
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(s)) {
    const size = encoder.encode(segment).length;
    if (bytes + size > max) break;
    out += segment;
    bytes += size;
  }
  return out;
}

/**
 * Hands out unique paths: the second "Notes.md" in a folder becomes "Notes (2).md". Comparison ignores case
 * and Unicode normalization, as Windows and macOS file systems do.
 */
export function createPathAllocator(): (folder: string, name: string, extension: string) => string {
  const taken = new Set<string>();
  return (folder, name, extension) => {
    const prefix = folder ? `${folder}/` : '';
    for (let n = 1; ; n++) {
      const path = `${prefix}${n === 1 ? name : `${name} (${n})`}${extension}`;
      const key = path.normalize('NFC').toLowerCase();
      if (!taken.has(key)) {
        taken.add(key);
        return path;
      }
    }
  };
}
