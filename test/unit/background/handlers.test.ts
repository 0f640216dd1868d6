import { afterEach, describe, expect, it } from 'vitest';
import { onMessages, sendMessage, type RuntimeLike } from '@/lib/messaging';
import { makeDraft, makeServices, TAXONOMY } from './fakes';

/** A runtime whose sendMessage goes to the listeners registered on it (like page → background). */
function loopbackRuntime(): RuntimeLike {
  const listeners: Array<(m: unknown, s: unknown) => Promise<unknown> | undefined> = [];
  return {
    async sendMessage(message) {
      // Structured clone on the way in and out, as the browser does.
      for (const l of listeners) {
        const reply = l(structuredClone(message), { id: 'test' });
        if (reply) return structuredClone(await reply);
      }
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    onMessage: { addListener: (cb) => void listeners.push(cb) },
  };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => close?.());

async function connected() {
  const made = await makeServices({ tabs: { 3: { id: 3, url: 'https://site.test/post' } } });
  close = () => made.store.close();
  const runtime = loopbackRuntime();
  onMessages(runtime, made.services.handlers);
  return { runtime, ...made };
}

describe('every ProtocolMap handler, through the message channel', () => {
  it('saves, lists, gets, updates, deletes and restores a clip', async () => {
    const { runtime } = await connected();
    const clip = await sendMessage(runtime, 'clip:save', { draft: makeDraft(), filing: { categoryId: 'ai', tags: ['ml', ' ml'], note: 'n' } });
    expect(clip.tags).toEqual(['ml']);
    expect((await sendMessage(runtime, 'clip:list', {})).map((c) => c.id)).toEqual([clip.id]);
    expect((await sendMessage(runtime, 'clip:list', { categoryId: 'tech' }))).toEqual([]);
    expect((await sendMessage(runtime, 'clip:get', { id: clip.id }))?.note).toBe('n');
    expect(await sendMessage(runtime, 'clip:get', { id: 'missing' })).toBeNull();
    const updated = await sendMessage(runtime, 'clip:update', { id: clip.id, patch: { title: 'Renamed', categoryId: 'tech' } });
    expect(updated).toMatchObject({ title: 'Renamed', categoryId: 'tech', createdAt: clip.createdAt });
    expect(await sendMessage(runtime, 'clip:delete', { id: clip.id })).toBeUndefined();
    expect(await sendMessage(runtime, 'clip:list', {})).toEqual([]);
    expect((await sendMessage(runtime, 'clip:restore', { id: clip.id })).deletedAt).toBeNull();
    expect(await sendMessage(runtime, 'tags:list', undefined)).toEqual(['ml']);
  });

  it('updates with replaceId instead of adding a copy', async () => {
    const { runtime } = await connected();
    const a = await sendMessage(runtime, 'clip:save', { draft: makeDraft(), filing: { categoryId: null, tags: [], note: '' } });
    const b = await sendMessage(runtime, 'clip:save', { draft: makeDraft({ canonicalUrl: 'https://site.test/moved' }), filing: { categoryId: null, tags: [], note: '' }, replaceId: a.id });
    expect(b.id).toBe(a.id);
    expect(await sendMessage(runtime, 'clip:list', {})).toHaveLength(1);
  });

  it('reads and saves the taxonomy', async () => {
    const { runtime } = await connected();
    expect(await sendMessage(runtime, 'taxonomy:get', undefined)).toEqual(TAXONOMY);
    const next = [...TAXONOMY, { id: 'km', parentId: null, name: { en: 'KM', zh: '知识管理' }, aliases: [], keywords: [] }];
    expect(await sendMessage(runtime, 'taxonomy:save', { categories: next })).toEqual(next);
    expect(await sendMessage(runtime, 'taxonomy:get', undefined)).toEqual(next);
  });

  it('captures a tab and undoes a quick clip', async () => {
    const { runtime, services } = await connected();
    const captured = await sendMessage(runtime, 'clip:capture', { tabId: 3, mode: 'article' });
    expect(captured.draft.canonicalUrl).toBe('https://site.test/post');
    const quick = await services.onCommand('quick-clip', { id: 3, url: 'https://site.test/post' });
    if (!quick.ok) throw new Error(quick.error);
    expect((await sendMessage(runtime, 'clip:undo', { id: quick.clip.id })).deletedAt).not.toBeNull();
  });

  it('rethrows the background error at the sender', async () => {
    const { runtime } = await connected();
    await expect(sendMessage(runtime, 'clip:update', { id: 'nope', patch: { title: 'x' } })).rejects.toThrow(/no clip with id nope/);
    await expect(sendMessage(runtime, 'clip:capture', { tabId: 404, mode: 'article' })).rejects.toThrow("Cairn can't read this page: the tab was closed.");
  });

  it('broadcasts clips-changed after writes', async () => {
    const { runtime, events } = await connected();
    await sendMessage(runtime, 'clip:save', { draft: makeDraft(), filing: { categoryId: null, tags: [], note: '' } });
    expect(events.filter((e) => e.kind === 'clipsChanged')).toHaveLength(1);
  });
});
