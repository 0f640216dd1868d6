/** Fakes for the background's dependencies: a scripting API that plays the clipper, a feedback recorder. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { ClipStore } from '@/lib/db';
import type { ClipDraft } from '@/lib/clip/types';
import type { Category, CategorySuggestion } from '@/lib/categorize/types';
import type { ScriptingLike } from '@/lib/background/capture';
import type { Feedback } from '@/lib/background/feedback';
import { createBackgroundServices, type BackgroundDeps, type TabInfo } from '@/lib/background/services';
import type { ClipResponse } from '@/lib/background/clip-request';

export function makeDraft(over: Partial<ClipDraft> = {}): ClipDraft {
  return {
    mode: 'article', url: 'https://site.test/post?utm_source=feed', canonicalUrl: 'https://site.test/post', title: 'Neural nets for teams',
    byline: null, siteName: 'Site', lang: 'en', dir: 'ltr', publishedTime: null, excerpt: 'x',
    summary: { abstract: 'Abstract.', keyPoints: [] }, text: 'neural network model training', markdown: 'text', html: '<p>text</p>',
    wordCount: 4, readingMinutes: 1, fallback: null, ...over,
  };
}

export const TAXONOMY: Category[] = [
  { id: 'tech', parentId: null, name: { en: 'Technology', zh: '科技' }, aliases: [], keywords: [] },
  { id: 'ai', parentId: 'tech', name: { en: 'AI', zh: '人工智能' }, aliases: [], keywords: [] },
];

export interface Injection {
  target: { tabId: number };
  func?: (...args: never[]) => unknown;
  args?: unknown[];
  files?: string[];
}

/** A scripting API whose clipper answers `respond(tabId)`; a thrown error plays an injection failure. */
export function fakeScripting(respond: (tabId: number, request: unknown) => ClipResponse | Error) {
  const calls: Injection[] = [];
  let lastRequest: unknown;
  const scripting: ScriptingLike = {
    async executeScript(injection) {
      calls.push(injection as Injection);
      const answer = injection.files ? respond(injection.target.tabId, lastRequest) : null;
      if (answer instanceof Error) throw answer;
      if (injection.func) {
        // Play the request injection: run it against a scratch global and remember what it set.
        const scope = globalThis as Record<string, unknown>;
        const before = scope.__cairnClipRequest;
        (injection.func as (...a: unknown[]) => unknown)(...(injection.args ?? []));
        lastRequest = scope.__cairnClipRequest;
        scope.__cairnClipRequest = before;
        return [{ result: undefined }];
      }
      return [{ result: answer }];
    },
  };
  return { scripting, calls, request: () => lastRequest };
}

export function recordingFeedback() {
  const events: Array<{ kind: string; tabId?: number; detail?: string }> = [];
  const feedback: Feedback = {
    async succeeded(tabId) { events.push({ kind: 'succeeded', tabId }); },
    async failed(tabId, message) { events.push({ kind: 'failed', tabId, detail: message }); },
    async toast(tabId, clipId, label) { events.push({ kind: 'toast', tabId, detail: `${clipId}|${label}` }); },
    async clipsChanged() { events.push({ kind: 'clipsChanged' }); },
  };
  return { feedback, events };
}

/** Services over a fresh fake-indexeddb store with a controllable categorizer. */
export async function makeServices(opts: {
  respond?: (tabId: number, request: unknown) => ClipResponse | Error;
  tabs?: Record<number, TabInfo>;
  suggestions?: CategorySuggestion[];
} = {}) {
  const store = new ClipStore(new IDBFactory());
  await store.saveTaxonomy(TAXONOMY);
  const scripting = fakeScripting(
    opts.respond ?? ((tabId) => (opts.tabs?.[tabId] ? { ok: true, draft: makeDraft() } : new Error(`No tab with id: ${tabId}.`))),
  );
  const { feedback, events } = recordingFeedback();
  let historyBuilds = 0;
  let clock = Date.parse('2024-06-01T00:00:00Z');
  const deps: BackgroundDeps = {
    store,
    scripting: scripting.scripting,
    tabs: {
      async get(tabId) {
        const tab = opts.tabs?.[tabId];
        if (!tab) throw new Error(`No tab with id: ${tabId}`);
        return tab;
      },
    },
    feedback,
    categorizer: {
      suggestCategories: () => opts.suggestions ?? [{ categoryId: 'ai', score: 0.8, why: 'words: neural' }],
      suggestTags: (_input, existing) => ['neural', ...existing].slice(0, 5),
    },
    buildHistory: (clips) => {
      historyBuilds++;
      return { bySite: { 'site.test': Object.fromEntries(clips.filter((c) => c.categoryId).map((c) => [c.categoryId!, 1])) }, termsByCategory: {} };
    },
    t: (key, subs) => (key === 'toastClipped' ? `Clipped: ${subs?.[0]}` : key === 'toastUpdated' ? `Updated: ${subs?.[0]}` : ''),
    now: () => new Date((clock += 1000)),
  };
  const services = createBackgroundServices(deps);
  return { services, store, scripting, events, deps, historyBuilds: () => historyBuilds };
}
