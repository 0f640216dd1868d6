import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../helpers/dom';
import { hasMeaningfulSelection, selectionHtml } from '@/lib/clip/selection';
import { showClipToast } from '@/lib/background/toast';

function select(win: Window, from: Node, fromOffset: number, to: Node, toOffset: number) {
  const range = win.document.createRange();
  range.setStart(from, fromOffset);
  range.setEnd(to, toOffset);
  const sel = win.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

describe('selectionHtml', () => {
  it('returns the selected markup, and nothing when the selection is collapsed', () => {
    const { window, document } = parseHtml('<p id="a">Hello <b>bold</b> world</p><p id="b">Second para</p>');
    expect(selectionHtml(window)).toBe('');
    select(window, document.getElementById('a')!.firstChild!, 0, document.getElementById('b')!.firstChild!, 6);
    expect(selectionHtml(window)).toBe('<p id="a">Hello <b>bold</b> world</p><p id="b">Second</p>');
  });

  it('keeps code formatting when the selection lies inside a pre block', () => {
    const { window, document } = parseHtml('<pre class="js">const a = 1;\nconst b = 2;</pre>');
    const text = document.querySelector('pre')!.firstChild!;
    select(window, text, 6, text, 20);
    expect(selectionHtml(window)).toBe('<pre class="js">a = 1;\nconst b</pre>');
  });

  it('counts non-space characters (CJK too) to tell a real selection from an accidental one', () => {
    const { window, document } = parseHtml('<p>知识管理是学习型组织的基础 and a b</p>');
    const text = document.querySelector('p')!.firstChild!;
    select(window, text, 0, text, 3);
    expect(hasMeaningfulSelection(window)).toBe(false);
    select(window, text, 0, text, 12);
    expect(hasMeaningfulSelection(window)).toBe(true);
  });
});

describe('showClipToast', () => {
  const saved: Record<string, unknown> = {};
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) (globalThis as Record<string, unknown>)[k] = v;
    vi.useRealTimers();
  });

  function withPage(sendMessage: (m: unknown) => Promise<unknown>) {
    const { window, document } = parseHtml('<body><p>page</p></body>');
    for (const k of ['document', 'CSSStyleSheet', 'chrome']) saved[k] = (globalThis as Record<string, unknown>)[k];
    Object.assign(globalThis, { document, CSSStyleSheet: (window as unknown as { CSSStyleSheet: unknown }).CSSStyleSheet, chrome: { runtime: { sendMessage } } });
    let root: ShadowRoot | null = null;
    const proto = (window as unknown as { Element: typeof Element }).Element.prototype;
    const attach = proto.attachShadow;
    proto.attachShadow = function (init: ShadowRootInit) {
      expect(init.mode).toBe('closed');
      root = attach.call(this, init);
      return root;
    };
    return { document, root: () => root! };
  }

  const options = { clipId: 'C1', text: 'Clipped: 标题 <b>', undo: 'Undo', undone: 'Undone', failed: 'Could not undo', ms: 6000 };

  it('renders text safely in a closed shadow root and removes itself after the timeout', () => {
    vi.useFakeTimers();
    const page = withPage(async () => undefined);
    showClipToast(options);
    const host = page.document.getElementById('cairn-clip-toast')!;
    expect(host).not.toBeNull();
    expect(page.root().querySelector('.m')!.textContent).toBe('Clipped: 标题 <b>');
    expect(page.root().querySelector('b')).toBeNull();
    showClipToast(options);
    expect(page.document.querySelectorAll('#cairn-clip-toast')).toHaveLength(1);
    vi.advanceTimersByTime(6001);
    expect(page.document.getElementById('cairn-clip-toast')).toBeNull();
  });

  it('Undo sends clip:undo for the clip and reports the answer', async () => {
    const sent: unknown[] = [];
    const page = withPage(async (m) => {
      sent.push(m);
      return { ok: true, value: {} };
    });
    showClipToast(options);
    (page.root().querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(page.root().querySelector('.m')!.textContent).toBe('Undone'));
    expect(sent).toEqual([{ cairn: 'clip:undo', data: { id: 'C1' } }]);
  });

  it('shows the error when undo fails', async () => {
    const page = withPage(async () => ({ ok: false, error: 'Nothing to undo' }));
    showClipToast(options);
    (page.root().querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(page.root().querySelector('.m')!.textContent).toBe('Could not undo: Nothing to undo'));
  });
});
