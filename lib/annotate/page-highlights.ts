/**
 * What the highlighter does inside the page: describe the user's selection as an anchor, and show a list
 * of highlights as <mark>s (replacing any shown before), reporting which could not be found (orphans).
 */
import { anchorAll, describeRange, highlightIds, highlightRange, removeHighlight, HIGHLIGHT_ATTR } from '../highlight';
import type { HighlightAnchor } from '../highlight/types';
import type { HighlighterRequest, HighlighterResponse, ShownHighlight } from './request';

/** Id of the one <style> element the highlighter adds to a page. */
export const HIGHLIGHT_STYLE_ID = 'cairn-highlight-style';

const COLORS: Record<string, string> = {
  yellow: 'rgba(255, 226, 82, 0.55)',
  green: 'rgba(120, 220, 130, 0.5)',
  blue: 'rgba(110, 180, 255, 0.45)',
  pink: 'rgba(255, 140, 190, 0.5)',
  purple: 'rgba(190, 150, 255, 0.5)',
};

/** Add the highlight styles to the page once (a unique class prefix, so the page's own CSS is not touched). */
export function ensureHighlightStyles(doc: Document): void {
  if (doc.getElementById(HIGHLIGHT_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = HIGHLIGHT_STYLE_ID;
  style.textContent = [
    `mark[${HIGHLIGHT_ATTR}].cairn-hl { color: inherit; padding: 0; border-radius: 2px; }`,
    ...Object.entries(COLORS).map(([name, color]) => `mark[${HIGHLIGHT_ATTR}].cairn-hl-${name} { background: ${color}; }`),
  ].join('\n');
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** The current selection as an anchor in the page's body text, or null when nothing visible is selected. */
export function describeSelection(win: Window): HighlightAnchor | null {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return describeRange(win.document.body, selection.getRangeAt(0));
}

/** Show `highlights` on the page (removing marks shown before); returns the ids shown and the orphans, in input order. */
export function showHighlights(doc: Document, highlights: readonly ShownHighlight[]): { shown: string[]; orphans: string[] } {
  for (const id of highlightIds(doc)) removeHighlight(doc, id);
  ensureHighlightStyles(doc);
  const matches = anchorAll(doc.body, highlights.map((h) => h.anchor));
  const shown: string[] = [];
  const orphans: string[] = [];
  // Wrap from the last match backwards: splitting text nodes never moves a range that comes earlier.
  const order = highlights.map((h, i) => ({ h, m: matches[i] })).sort((a, b) => (b.m?.start ?? -1) - (a.m?.start ?? -1));
  for (const { h, m } of order) {
    if (!m) continue;
    if (highlightRange(doc, m.range, { id: h.id, color: h.color }).length > 0) shown.push(h.id);
  }
  for (const h of highlights) if (!shown.includes(h.id)) orphans.push(h.id);
  return { shown: highlights.filter((h) => shown.includes(h.id)).map((h) => h.id), orphans };
}

/** Run one request against the page (the highlighter content script's whole job). */
export function runHighlighter(win: Window, request: HighlighterRequest): HighlighterResponse {
  try {
    if (request.action === 'describe') {
      const anchor = describeSelection(win);
      if (!anchor) return { ok: false, error: 'Nothing is selected on the page.' };
      return { ok: true, action: 'describe', anchor, url: win.location.href };
    }
    return { ok: true, action: 'show', ...showHighlights(win.document, request.highlights) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
