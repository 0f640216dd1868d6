import { afterEach, describe, expect, it } from 'vitest';
import { CLIPPER_FILE } from '@/lib/background/capture';
import { setClipRequest } from '@/lib/background/clip-request';
import { LAST_QUICK_CLIP, MENU } from '@/lib/background/services';
import { makeDraft, makeServices } from './fakes';

const TAB = { id: 7, url: 'https://site.test/post?utm_source=feed', title: 'Post' };
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.map((c) => c()));
  cleanup = [];
});
async function setup(opts: Parameters<typeof makeServices>[0] = {}) {
  const made = await makeServices({ tabs: { 7: TAB }, ...opts });
  cleanup.push(() => made.store.close());
  return made;
}

describe('clip:capture', () => {
  it('injects the request then the clipper, and returns the draft with suggestions and no existing clip', async () => {
    const { services, scripting } = await setup();
    const result = await services.handlers['clip:capture']({ tabId: 7, mode: 'selection' }, undefined);
    expect(scripting.calls).toHaveLength(2);
    expect(scripting.calls[0]).toMatchObject({ target: { tabId: 7 }, func: setClipRequest, args: [{ mode: 'selection' }] });
    expect(scripting.calls[1]).toEqual({ target: { tabId: 7 }, files: [CLIPPER_FILE] });
    expect(scripting.request()).toEqual({ mode: 'selection', preferSelection: undefined });
    expect(result.tabId).toBe(7);
    expect(result.draft.title).toBe('Neural nets for teams');
    expect(result.suggestions[0]).toMatchObject({ categoryId: 'ai' });
    expect(result.tagSuggestions).toEqual(['neural']);
    expect(result.existing).toBeNull();
  });

  it('reports the clip already saved for the same normalized page', async () => {
    const { services } = await setup();
    const saved = await services.handlers['clip:save']({ draft: makeDraft(), filing: { categoryId: 'tech', tags: ['x'], note: '' } }, undefined);
    const result = await services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined);
    expect(result.existing?.id).toBe(saved.id);
    expect(result.tagSuggestions).toEqual(['neural', 'x']);
  });

  it('refuses browser pages up front with a clear message, without injecting', async () => {
    const { services, scripting } = await setup({ tabs: { 7: { id: 7, url: 'chrome://settings/' } } });
    await expect(services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined)).rejects.toThrow(/^Cairn can't read this page: browser pages/);
    expect(scripting.calls).toHaveLength(0);
  });

  it('turns an injection failure into a user-facing error', async () => {
    const { services } = await setup({
      respond: () => new Error('Cannot access contents of url "https://site.test/post". Extension manifest must request permission to access this host.'),
    });
    await expect(services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined)).rejects.toThrow(/^Cairn can't read this page: Cairn has no access/);
  });

  it("passes on the clipper's own error", async () => {
    const { services } = await setup({ respond: () => ({ ok: false, error: 'Nothing is selected on the page.' }) });
    await expect(services.handlers['clip:capture']({ tabId: 7, mode: 'selection' }, undefined)).rejects.toThrow("Cairn can't read this page: Nothing is selected on the page.");
  });
});

describe('quick clip (context menu and command)', () => {
  it('"Clip page" saves at once, filed under a confident suggestion, with badge, toast, broadcast and an undo record', async () => {
    const { services, store, events } = await setup();
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.clip.categoryId).toBe('ai');
    expect(outcome.previous).toBeNull();
    expect((await store.list()).map((c) => c.id)).toEqual([outcome.clip.id]);
    expect(events.map((e) => e.kind)).toEqual(['clipsChanged', 'succeeded', 'toast']);
    expect(events[2]).toEqual({ kind: 'toast', tabId: 7, detail: `${outcome.clip.id}|Clipped: Neural nets for teams` });
    expect(await store.getMeta(LAST_QUICK_CLIP)).toEqual({ clipId: outcome.clip.id, previous: null });
  });

  it('leaves the clip unfiled when the top suggestion is not confident', async () => {
    const { services } = await setup({ suggestions: [{ categoryId: 'ai', score: 0.3, why: '' }] });
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    expect(outcome.ok && outcome.clip.categoryId).toBeNull();
  });

  it('ignores a confident suggestion for a category that is not in the taxonomy', async () => {
    const { services } = await setup({ suggestions: [{ categoryId: 'gone', score: 0.9, why: '' }] });
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    expect(outcome.ok && outcome.clip.categoryId).toBeNull();
  });

  it('updates an existing clip of the same page and keeps its filing', async () => {
    const { services, store, events } = await setup();
    const saved = await services.handlers['clip:save']({ draft: makeDraft({ title: 'old' }), filing: { categoryId: 'tech', tags: ['mine'], note: 'n' } }, undefined);
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.clip).toMatchObject({ id: saved.id, categoryId: 'tech', tags: ['mine'], note: 'n', title: 'Neural nets for teams' });
    expect(outcome.previous?.title).toBe('old');
    expect(await store.list()).toHaveLength(1);
    expect(events.find((e) => e.kind === 'toast')?.detail).toContain('Updated: ');
  });

  it('"Clip selection" asks the clipper for selection mode', async () => {
    const { services, scripting } = await setup();
    await services.onMenuClick({ menuItemId: MENU.clipSelection, selectionText: 'x' }, TAB);
    expect(scripting.request()).toMatchObject({ mode: 'selection' });
  });

  it('the quick-clip command clips the article but prefers a selection', async () => {
    const { services, scripting } = await setup();
    const outcome = await services.onCommand('quick-clip', TAB);
    expect(outcome.ok).toBe(true);
    expect(scripting.request()).toEqual({ mode: 'article', preferSelection: true });
    expect((await services.onCommand('other', TAB)).ok).toBe(false);
  });

  it('looks the tab up when the event gives no URL, and refuses a browser page', async () => {
    const { services, events, store } = await setup({ tabs: { 9: { id: 9, url: 'about:addons' } } });
    const outcome = await services.onCommand('quick-clip', { id: 9 });
    expect(outcome).toEqual({ ok: false, error: "Cairn can't read this page: browser pages are protected from extensions." });
    expect(events).toEqual([{ kind: 'failed', tabId: 9, detail: outcome.ok ? '' : outcome.error }]);
    expect(await store.list()).toEqual([]);
  });

  it('shows a failure on the badge and saves nothing when capture fails', async () => {
    const { services, events, store } = await setup({ respond: () => new Error('Frame with ID 0 is showing error page') });
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    expect(outcome.ok).toBe(false);
    expect(events).toEqual([{ kind: 'failed', tabId: 7, detail: "Cairn can't read this page: the page did not load." }]);
    expect(await store.list()).toEqual([]);
  });

  it('fails clearly with no tab', async () => {
    const { services } = await setup();
    const outcome = await services.onCommand('quick-clip', undefined);
    expect(outcome.ok).toBe(false);
  });
});

describe('save link', () => {
  it('saves the link as a link clip without capturing the page', async () => {
    const { services, scripting } = await setup();
    const outcome = await services.onMenuClick({ menuItemId: MENU.saveLink, linkUrl: 'https://other.test/paper.pdf?utm_campaign=z', linkText: 'A paper' }, TAB);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.clip).toMatchObject({ mode: 'link', url: 'https://other.test/paper.pdf?utm_campaign=z', title: 'A paper', siteName: 'other.test' });
    expect(outcome.clip.canonicalUrl).not.toContain('utm_campaign');
    expect(scripting.calls.some((c) => c.files)).toBe(false);
  });

  it('refuses non-web links', async () => {
    const { services, store } = await setup();
    const outcome = await services.onMenuClick({ menuItemId: MENU.saveLink, linkUrl: 'javascript:alert(1)' }, TAB);
    expect(outcome.ok).toBe(false);
    expect(await store.list()).toEqual([]);
  });
});

describe('undo', () => {
  it('undoes a new quick clip (tombstone) once, and refuses other ids', async () => {
    const { services, store } = await setup();
    const outcome = await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    if (!outcome.ok) throw new Error(outcome.error);
    await expect(services.handlers['clip:undo']({ id: 'someone-else' }, undefined)).rejects.toThrow(/Nothing to undo/);
    const undone = await services.handlers['clip:undo']({ id: outcome.clip.id }, undefined);
    expect(undone.deletedAt).not.toBeNull();
    expect(await store.list()).toEqual([]);
    await expect(services.handlers['clip:undo']({ id: outcome.clip.id }, undefined)).rejects.toThrow(/Nothing to undo/);
  });

  it('undo of a quick clip that updated a clip puts the old version back', async () => {
    const { services, store } = await setup();
    const saved = await services.handlers['clip:save']({ draft: makeDraft({ title: 'old' }), filing: { categoryId: null, tags: [], note: '' } }, undefined);
    await services.onMenuClick({ menuItemId: MENU.clipPage }, TAB);
    await services.handlers['clip:undo']({ id: saved.id }, undefined);
    expect((await store.get(saved.id))?.title).toBe('old');
  });
});

describe('history cache', () => {
  it('is rebuilt after a write, not before', async () => {
    const { services, historyBuilds } = await setup();
    await services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined);
    await services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined);
    expect(historyBuilds()).toBe(1);
    await services.handlers['clip:save']({ draft: makeDraft(), filing: { categoryId: 'ai', tags: [], note: '' } }, undefined);
    await services.handlers['clip:capture']({ tabId: 7, mode: 'article' }, undefined);
    expect(historyBuilds()).toBe(2);
    expect(await services.history.get()).toEqual({ bySite: { 'site.test': { ai: 1 } }, termsByCategory: {} });
  });
});
