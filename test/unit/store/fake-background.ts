/** An in-memory stand-in for the background's message handlers, recording every request. */
import type { Category, CategorySuggestion } from '../../../lib/categorize/types';
import type { Clip, ClipDraft } from '../../../lib/clip/types';
import { listItemOf } from '../../../lib/clip/types';
import type { CaptureResult } from '../../../lib/messaging';
import type { RequestFor, ResponseFor, Send } from '../../../lib/store/send';
import type { ProtocolMap } from '../../../lib/messaging';

const NOT_SYNCING = { status: 'idle' as const, lastSyncedAt: null, pending: 0, lastError: null, failures: 0, retryAt: null };

export function makeDraft(over: Partial<ClipDraft> = {}): ClipDraft {
  return {
    mode: 'article', url: 'https://example.com/a', canonicalUrl: 'https://example.com/a', title: 'A title',
    byline: null, siteName: 'Example', lang: 'en', dir: 'ltr', publishedTime: null, excerpt: 'x',
    summary: { abstract: 'Abstract.', keyPoints: ['one'] }, text: 'text', markdown: 'text', html: '<p>text</p>',
    wordCount: 1, readingMinutes: 1, fallback: null, ...over,
  };
}

export const TAXONOMY: Category[] = [
  { id: 'tech', parentId: null, name: { en: 'Technology', zh: '科技' }, aliases: [], keywords: [] },
  { id: 'ai', parentId: 'tech', name: { en: 'AI', zh: '人工智能' }, aliases: [], keywords: [] },
  { id: 'ml', parentId: 'ai', name: { en: 'Machine learning', zh: '机器学习' }, aliases: [], keywords: [] },
  { id: 'km', parentId: null, name: { en: 'Knowledge management', zh: '知识管理' }, aliases: [], keywords: [] },
];

export interface FakeBackground {
  send: Send;
  calls: { type: keyof ProtocolMap; data: unknown }[];
  clips: Map<string, Clip>;
  taxonomy: Category[];
  /** What the next captures return (per mode), or an error to throw. */
  captureFor: (tabId: number, mode: string) => CaptureResult | Error;
  /** Delay per capture call, to test races. */
  captureDelay: (mode: string) => number;
}

export function fakeBackground(opts: { suggestions?: CategorySuggestion[]; existing?: Clip | null } = {}): FakeBackground {
  let n = 0;
  let clock = Date.parse('2024-01-01T00:00:00Z');
  const tick = () => new Date((clock += 60_000)).toISOString();
  const bg: FakeBackground = {
    calls: [],
    clips: new Map(),
    taxonomy: structuredClone(TAXONOMY),
    captureFor: (tabId, mode) => ({
      tabId, draft: makeDraft({ mode: mode as ClipDraft['mode'] }), suggestions: opts.suggestions ?? [], tagSuggestions: ['ml', 'notes'], existing: opts.existing ?? null,
    }),
    captureDelay: () => 0,
    send: (async (type: keyof ProtocolMap, data: unknown) => {
      bg.calls.push({ type, data: structuredClone(data) });
      const handlers: { [K in keyof ProtocolMap]: (d: RequestFor<K>) => Promise<ResponseFor<K>> | ResponseFor<K> } = {
        'clip:capture': async ({ tabId, mode }) => {
          await new Promise((r) => setTimeout(r, bg.captureDelay(mode)));
          const out = bg.captureFor(tabId, mode);
          if (out instanceof Error) throw out;
          return structuredClone(out);
        },
        'clip:save': ({ draft, filing, replaceId }) => {
          const prev = replaceId ? bg.clips.get(replaceId) : undefined;
          if (replaceId && !prev) throw new Error(`No clip ${replaceId}`);
          const now = tick();
          const clip: Clip = {
            ...draft, ...filing, id: replaceId ?? `c${String(++n).padStart(3, '0')}`, visibility: 'private',
            createdAt: prev?.createdAt ?? now, updatedAt: now, deletedAt: null,
          };
          bg.clips.set(clip.id, clip);
          return structuredClone(clip);
        },
        'clip:list': ({ categoryId }) => [...bg.clips.values()].filter((c) => !c.deletedAt && (categoryId === undefined || c.categoryId === categoryId)).map((c) => listItemOf(structuredClone(c))),
        'clips:all': () => [...bg.clips.values()].filter((c) => !c.deletedAt).map((c) => structuredClone(c)),
        'clip:get': ({ id }) => structuredClone(bg.clips.get(id) ?? null),
        'clip:update': ({ id, patch }) => {
          const c = bg.clips.get(id);
          if (!c) throw new Error('gone');
          const next = { ...c, ...patch, updatedAt: tick() };
          bg.clips.set(id, next);
          return structuredClone(next);
        },
        'clip:delete': ({ id }) => { const c = bg.clips.get(id); if (c) bg.clips.set(id, { ...c, deletedAt: tick() }); },
        'clip:restore': ({ id }) => {
          const c = bg.clips.get(id);
          if (!c) throw new Error('gone');
          const next = { ...c, deletedAt: null };
          bg.clips.set(id, next);
          return structuredClone(next);
        },
        'taxonomy:get': () => structuredClone(bg.taxonomy),
        'taxonomy:save': ({ categories }) => { bg.taxonomy = structuredClone(categories); return structuredClone(categories); },
        'clip:undo': ({ id }) => {
          const c = bg.clips.get(id);
          if (!c) throw new Error('gone');
          const next = { ...c, deletedAt: tick() };
          bg.clips.set(id, next);
          return structuredClone(next);
        },
        'tags:list': () => [...new Set([...bg.clips.values()].flatMap((c) => c.tags))].sort(),
        'taxonomy:merge': () => { throw new Error('not faked: taxonomy:merge (tested in test/unit/categorize/organize.test.ts)'); },
        'taxonomy:move': () => { throw new Error('not faked: taxonomy:move (tested in test/unit/categorize/organize.test.ts)'); },
        'tags:rename': () => { throw new Error('not faked: tags:rename (tested in test/unit/categorize/organize.test.ts)'); },
        'proposals:list': () => [],
        'proposals:create': () => { throw new Error('not faked: proposals:create (tested in test/server/proposals.test.ts)'); },
        'proposals:decide': () => { throw new Error('not faked: proposals:decide (tested in test/server/proposals.test.ts)'); },
        'clip:share': ({ id, shared }) => {
          const c = bg.clips.get(id);
          if (!c) throw new Error('gone');
          const next: Clip = { ...c, visibility: shared ? 'team' : 'private', updatedAt: tick() };
          bg.clips.set(id, next);
          return structuredClone(next);
        },
        'usage:open': () => { throw new Error('not faked: usage:open (tested in test/unit/usage/usage-service.test.ts)'); },
        'usage:helpful': () => { throw new Error('not faked: usage:helpful (tested in test/unit/usage/usage-service.test.ts)'); },
        'usage:get': () => ({ opens: 0, lastOpenedAt: null, helpful: false }),
        'team:insights': () => { throw new Error('no team server in this fake'); },
        'team:feed': () => { throw new Error('no team server in this fake'); },
        'team:status': () => ({ connection: null, sync: NOT_SYNCING }),
        'team:connect': () => { throw new Error('no team server in this fake'); },
        'team:leave': () => ({ connection: null, sync: NOT_SYNCING }),
        'team:info': () => { throw new Error('no team server in this fake'); },
        'sync:now': () => ({ connection: null, sync: NOT_SYNCING }),
        'clips:bulk': () => { throw new Error('not faked: clips:bulk (tested in test/unit/background/bulk.test.ts)'); },
        'clips:revert': () => { throw new Error('not faked: clips:revert (tested in test/unit/background/bulk.test.ts)'); },
        'clips:import': () => { throw new Error('not faked: clips:import (tested in test/unit/background/bulk.test.ts)'); },
        'clip:addNote': () => { throw new Error('not faked: clip:addNote (tested in test/unit/background/bulk.test.ts)'); },
        'highlights:show': () => ({ clipId: null, shown: [], orphans: [] }),
        'highlights:add': () => { throw new Error('not faked: highlights:add (tested in test/unit/annotate)'); },
        'highlights:edit': () => { throw new Error('not faked: highlights:edit (tested in test/unit/annotate)'); },
        'highlights:remove': () => { throw new Error('not faked: highlights:remove (tested in test/unit/annotate)'); },
        'clip:nearDuplicates': () => [],
      };
      return (handlers[type] as (d: unknown) => unknown)(data);
    }) as Send,
  };
  return bg;
}
