/** The user's selection in a page, as HTML the selection-mode pipeline can clip. */

/** Selections shorter than this (non-space characters) are treated as accidental for "prefer selection". */
export const MEANINGFUL_SELECTION_CHARS = 10;

/** Elements whose formatting the selection keeps when it lies wholly inside one (code stays code). */
const KEEP_WRAPPER = 'pre, code';

/**
 * The selected content of `win` as HTML ('' when nothing is selected): every range cloned into a
 * container, wrapped in a shallow copy of an enclosing `pre`/`code` so code keeps its formatting.
 */
export function selectionHtml(win: Window): string {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const doc = win.document;
  const container = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const fragment = range.cloneContents();
    const anchor = range.commonAncestorContainer;
    const element = anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement;
    const wrapper = element?.closest(KEEP_WRAPPER);
    if (wrapper) {
      const shell = wrapper.cloneNode(false) as Element;
      shell.append(fragment);
      container.append(shell);
    } else {
      container.append(fragment);
    }
  }
  return container.innerHTML;
}

/** True when the selection has enough text to be what the user meant to clip. */
export function hasMeaningfulSelection(win: Window): boolean {
  const text = win.getSelection()?.toString() ?? '';
  return text.replace(/\s+/g, '').length >= MEANINGFUL_SELECTION_CHARS;
}
