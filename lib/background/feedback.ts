/**
 * What the user sees after a quick clip: the toolbar badge (✓ green, or ! red with the error as the
 * button's tooltip), the in-page "Clipped · Undo" toast, and a broadcast to open extension pages.
 * Wraps the browser APIs it is given, so it runs against fakes in tests.
 */
import type { CairnEvent } from '../messaging';
import type { ScriptingLike } from './capture';
import { showClipToast, type ToastOptions } from './toast';

/** The slice of `browser.action` (or MV2 `browserAction`) the badge uses. */
export interface ActionLike {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void> | void;
  setTitle(details: { title: string; tabId?: number }): Promise<void> | void;
}

export interface FeedbackDeps {
  action: ActionLike | undefined;
  scripting: ScriptingLike;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  /** Localized string by message name (browser.i18n.getMessage), with substitutions. */
  t: (key: string, substitutions?: string[]) => string;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export interface Feedback {
  succeeded(tabId: number | undefined): Promise<void>;
  failed(tabId: number | undefined, message: string): Promise<void>;
  toast(tabId: number | undefined, clipId: string, label: string): Promise<void>;
  clipsChanged(): Promise<void>;
}

export const SUCCESS_BADGE_MS = 3_000;
export const FAILURE_BADGE_MS = 10_000;
export const TOAST_MS = 6_000;

/** Badge, toast and broadcast over the given APIs; every call swallows its own failures (feedback must never break a save). */
export function createFeedback(deps: FeedbackDeps): Feedback {
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const quietly = async (work: () => unknown) => {
    try {
      await work();
    } catch {
      // The tab may have closed or navigated; nothing useful to do.
    }
  };
  const defaultTitle = () => deps.t('actionTitle') || 'Cairn';
  const clearLater = (tabId: number | undefined, ms: number) =>
    later(() => {
      void quietly(() => deps.action?.setBadgeText({ text: '', tabId }));
      void quietly(() => deps.action?.setTitle({ title: defaultTitle(), tabId }));
    }, ms);

  return {
    async succeeded(tabId) {
      await quietly(() => deps.action?.setBadgeBackgroundColor({ color: '#1a7f37', tabId }));
      await quietly(() => deps.action?.setBadgeText({ text: '✓', tabId }));
      await quietly(() => deps.action?.setTitle({ title: defaultTitle(), tabId }));
      clearLater(tabId, SUCCESS_BADGE_MS);
    },
    async failed(tabId, message) {
      await quietly(() => deps.action?.setBadgeBackgroundColor({ color: '#cf222e', tabId }));
      await quietly(() => deps.action?.setBadgeText({ text: '!', tabId }));
      await quietly(() => deps.action?.setTitle({ title: message, tabId }));
      clearLater(tabId, FAILURE_BADGE_MS);
    },
    async toast(tabId, clipId, label) {
      if (tabId === undefined) return;
      const options: ToastOptions = {
        clipId,
        text: label,
        undo: deps.t('toastUndo') || 'Undo',
        undone: deps.t('toastUndone') || 'Undone',
        failed: deps.t('toastUndoFailed') || 'Could not undo',
        ms: TOAST_MS,
      };
      await quietly(() => deps.scripting.executeScript({ target: { tabId }, func: showClipToast as (...args: never[]) => unknown, args: [options] }));
    },
    async clipsChanged() {
      // "Receiving end does not exist" just means no extension page is open.
      await quietly(() => deps.runtime.sendMessage({ cairnEvent: 'clips-changed' } satisfies CairnEvent));
    },
  };
}
