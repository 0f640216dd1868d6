import type { HighlightAnchor } from './types';
import { buildTextIndex, offsetOfPoint, type TextIndex } from './text-index';

/** Characters of context kept on each side of the quote (TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/**
 * Describe a selected Range as a quote (exact text with 32 characters of context either side) plus its
 * position in the normalized text of `root`; null when the range holds no visible text.
 */
export function describeRange(root: Element, range: Range): HighlightAnchor | null {
  return describeRangeInIndex(buildTextIndex(root), range);
}

/** describeRange against an index already built for the page (several selections, one walk). */
export function describeRangeInIndex(index: TextIndex, range: Range): HighlightAnchor | null {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  return describeOffsets(index, start, end);
}

/** Describe normalized offsets [start, end) of an index, trimming the spaces at either end. */
export function describeOffsets(index: TextIndex, start: number, end: number): HighlightAnchor | null {
  const { text } = index;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end <= start) return null;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  };
}
