import { describe, expect, it } from 'vitest';
import { createFeedback, FAILURE_BADGE_MS, SUCCESS_BADGE_MS } from '@/lib/background/feedback';
import { showClipToast } from '@/lib/background/toast';
import { isCairnEvent } from '@/lib/messaging';

function setup(opts: { sendFails?: boolean; scriptFails?: boolean } = {}) {
  const calls: Array<[string, unknown]> = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const record = (name: string) => async (d: unknown) => void calls.push([name, d]);
  const feedback = createFeedback({
    action: { setBadgeText: record('text'), setBadgeBackgroundColor: record('color'), setTitle: record('title') },
    scripting: {
      async executeScript(injection) {
        calls.push(['script', injection]);
        if (opts.scriptFails) throw new Error('Cannot access a chrome:// URL');
        return [];
      },
    },
    runtime: {
      async sendMessage(m) {
        calls.push(['send', m]);
        if (opts.sendFails) throw new Error('Could not establish connection. Receiving end does not exist.');
        return undefined;
      },
    },
    t: (key) => ({ actionTitle: 'Cairn: open the side panel', toastUndo: 'Undo' })[key] ?? '',
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
  });
  return { feedback, calls, timers };
}

describe('badge feedback', () => {
  it('shows a green check for about 3 s, then clears it', async () => {
    const { feedback, calls, timers } = setup();
    await feedback.succeeded(4);
    expect(calls).toEqual([
      ['color', { color: '#1a7f37', tabId: 4 }],
      ['text', { text: '✓', tabId: 4 }],
      ['title', { title: 'Cairn: open the side panel', tabId: 4 }],
    ]);
    expect(timers.map((t) => t.ms)).toEqual([SUCCESS_BADGE_MS]);
    timers[0].fn();
    await Promise.resolve();
    expect(calls).toContainEqual(['text', { text: '', tabId: 4 }]);
  });

  it('shows a red ! with the error as the tooltip, then restores the title', async () => {
    const { feedback, calls, timers } = setup();
    await feedback.failed(4, "Cairn can't read this page: nope");
    expect(calls).toContainEqual(['text', { text: '!', tabId: 4 }]);
    expect(calls).toContainEqual(['title', { title: "Cairn can't read this page: nope", tabId: 4 }]);
    expect(timers[0].ms).toBe(FAILURE_BADGE_MS);
    timers[0].fn();
    await Promise.resolve();
    expect(calls.at(-1)).toEqual(['title', { title: 'Cairn: open the side panel', tabId: 4 }]);
  });

  it('never throws when nobody listens or the tab cannot show a toast', async () => {
    const { feedback, calls } = setup({ sendFails: true, scriptFails: true });
    await expect(feedback.clipsChanged()).resolves.toBeUndefined();
    await expect(feedback.toast(4, 'ID', 'Clipped')).resolves.toBeUndefined();
    const sent = calls.find(([n]) => n === 'send')?.[1];
    expect(isCairnEvent(sent)).toBe(true);
    const script = calls.find(([n]) => n === 'script')?.[1] as { func: unknown; args: Array<{ clipId: string; undo: string }> };
    expect(script.func).toBe(showClipToast);
    expect(script.args[0]).toMatchObject({ clipId: 'ID', undo: 'Undo', text: 'Clipped' });
  });

  it('skips the toast when there is no tab', async () => {
    const { feedback, calls } = setup();
    await feedback.toast(undefined, 'ID', 'x');
    expect(calls).toEqual([]);
  });
});
