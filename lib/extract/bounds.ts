/**
 * Size limits that keep a clip from freezing the tab. Readability walks and scores every element several
 * times; on a huge or pathological page that costs seconds to minutes, so over these limits we skip it and
 * keep the page's plain text instead.
 */

/**
 * Elements above which Readability is skipped. Real articles, even long Wikipedia pages with their
 * references and navboxes, stay well under 30,000 elements (the largest fixture page has a few thousand);
 * 50,000 leaves headroom while keeping Readability's cost under a second on a mid-range laptop.
 */
export const MAX_ELEMENTS = 50_000;

/** Characters of text above which Readability is skipped: no article is 3 MB of text (≈ 500,000 words). */
export const MAX_TEXT_CHARS = 3_000_000;

/** Characters kept when we fall back to plain text (≈ 1 MB): enough for any book chapter, cheap to index. */
export const FALLBACK_TEXT_CHARS = 1_000_000;

/** Result of checking a document against the limits. */
export interface BoundsCheck {
  elementCount: number;
  textChars: number;
  /** Why the document is too big for Readability, or null when it is within limits. */
  overLimit: string | null;
}

/** Count the document's elements and text and say whether Readability may run on it. */
export function checkBounds(doc: Document, limits = { maxElements: MAX_ELEMENTS, maxTextChars: MAX_TEXT_CHARS }): BoundsCheck {
  const elementCount = doc.getElementsByTagName('*').length;
  if (elementCount > limits.maxElements) {
    return { elementCount, textChars: -1, overLimit: `page has ${elementCount} elements (limit ${limits.maxElements}); kept plain text` };
  }
  const textChars = doc.body?.textContent?.length ?? 0;
  if (textChars > limits.maxTextChars) {
    return { elementCount, textChars, overLimit: `page has ${textChars} characters of text (limit ${limits.maxTextChars}); kept plain text` };
  }
  return { elementCount, textChars, overLimit: null };
}

/** Cut text at `max` characters, on a whitespace boundary when one is near, without splitting a surrogate pair. */
export function capText(text: string, max = FALLBACK_TEXT_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const space = text.lastIndexOf(' ', max);
  if (space > max - 200) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
