/** Highlights: describe a selection robustly, find it again on a changed page, and show it with <mark>s. */
export * from './types';
export { describeRange, describeRangeInIndex, describeOffsets, CONTEXT_CHARS } from './describe';
export { anchor, anchorAll, anchorInIndex, MAX_ERROR_RATE } from './anchor';
export { highlightRange, removeHighlight, highlightIds, HIGHLIGHT_ATTR, type HighlightOptions } from './mark';
export { buildTextIndex, offsetOfPoint, rangeFromOffsets, type TextIndex } from './text-index';
