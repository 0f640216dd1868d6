import { describe, expect, it } from 'vitest';
import { createClipFormStore } from '../../../lib/store/clip-form';
import type { Send } from '../../../lib/store/send';
import { fakeBackground, makeDraft } from './fake-background';

describe('clip form store', () => {
  it('captures the tab and preselects the highest-scoring suggestion', async () => {
    const bg = fakeBackground({ suggestions: [
      { categoryId: 'km', score: 0.4, why: 'words: knowledge' },
      { categoryId: 'ml', score: 0.9, why: 'words: model' },
    ] });
    const form = createClipFormStore(bg.send);
    const pending = form.getState().captureTab(7);
    expect(form.getState().status).toBe('capturing');
    await pending;
    const s = form.getState();
    expect(s.status).toBe('ready');
    expect(bg.calls[0]).toEqual({ type: 'clip:capture', data: { tabId: 7, mode: 'article' } });
    expect(s.filing.categoryId).toBe('ml');
    expect(s.draft?.title).toBe('A title');
    expect(s.dirty).toBe(false);
  });

  it('saves edits as a new clip, and undo deletes that clip', async () => {
    const bg = fakeBackground();
    const form = createClipFormStore(bg.send);
    await form.getState().captureTab(1);
    form.getState().editDraft({ title: 'Edited' });
    form.getState().editSummary({ abstract: ' Mine. ', keyPoints: ['k1', '  ', 'k2 '] });
    form.getState().setCategory('km');
    form.getState().addTag(' #Notes ', 'notes', 'ml');
    form.getState().setNote('read this');
    expect(form.getState().dirty).toBe(true);

    const outcome = await form.getState().save();
    expect(outcome?.kind).toBe('created');
    const saveCall = bg.calls.find((c) => c.type === 'clip:save')!.data as { draft: { title: string; summary: unknown }; filing: unknown; replaceId?: string };
    expect(saveCall.replaceId).toBeUndefined();
    expect(saveCall.draft.title).toBe('Edited');
    expect(saveCall.draft.summary).toEqual({ abstract: 'Mine.', keyPoints: ['k1', 'k2'] });
    expect(saveCall.filing).toEqual({ categoryId: 'km', tags: ['Notes', 'ml'], note: 'read this' });
    // After a save, the form points at the saved clip so a second Enter updates instead of duplicating.
    expect(form.getState().existing?.id).toBe(outcome!.clip.id);

    await outcome!.undo();
    expect(bg.calls.at(-1)).toEqual({ type: 'clip:delete', data: { id: outcome!.clip.id } });
    expect(bg.clips.get(outcome!.clip.id)?.deletedAt).not.toBeNull();
    expect(form.getState().existing).toBeNull();
  });

  it('updates an existing clip with replaceId, and undo saves the previous version back', async () => {
    const bg = fakeBackground();
    const prior = await bg.send('clip:save', { draft: makeDraft({ title: 'Old title', html: '<p>old</p>' }), filing: { categoryId: 'tech', tags: ['old'], note: 'old note' } });
    bg.captureFor = (tabId) => ({ tabId, draft: makeDraft({ title: 'New title' }), suggestions: [{ categoryId: 'ml', score: 1, why: '' }], tagSuggestions: [], existing: prior });
    const form = createClipFormStore(bg.send);
    await form.getState().captureTab(3);
    // The existing clip's filing and title win over suggestions and the fresh capture's title.
    expect(form.getState().draft?.title).toBe('Old title');
    form.getState().editDraft({ title: 'New title' });
    expect(form.getState().filing).toEqual({ categoryId: 'tech', tags: ['old'], note: 'old note' });
    form.getState().setNote('new note');
    const outcome = await form.getState().save();
    expect(outcome?.kind).toBe('updated');
    expect(outcome!.clip.id).toBe(prior.id);
    expect((bg.calls.at(-1)!.data as { replaceId?: string }).replaceId).toBe(prior.id);
    expect(bg.clips.get(prior.id)?.title).toBe('New title');

    await outcome!.undo();
    const restored = bg.clips.get(prior.id)!;
    expect(restored.title).toBe('Old title');
    expect(restored.html).toBe('<p>old</p>');
    expect(restored.note).toBe('old note');
    expect(restored.createdAt).toBe(prior.createdAt);
    // Only draft fields are sent back, never id/createdAt from the stored clip.
    const undoDraft = (bg.calls.at(-1)!.data as { draft: Record<string, unknown> }).draft;
    expect(Object.keys(undoDraft)).not.toContain('id');
    expect(Object.keys(undoDraft)).not.toContain('createdAt');
  });

  it('keeps the answer of the latest capture when mode switches race', async () => {
    const bg = fakeBackground();
    bg.captureDelay = (mode) => (mode === 'article' ? 30 : 0);
    const form = createClipFormStore(bg.send);
    const slow = form.getState().captureTab(1, 'article');
    await form.getState().setMode('link');
    await slow;
    expect(form.getState().mode).toBe('link');
    expect(form.getState().draft?.mode).toBe('link');
  });

  it('reports a capture failure and a save failure without losing the draft', async () => {
    const bg = fakeBackground();
    bg.captureFor = () => new Error('Cannot access a chrome:// URL');
    const form = createClipFormStore(bg.send);
    await form.getState().captureTab(1);
    expect(form.getState().status).toBe('error');
    expect(form.getState().error).toMatch(/chrome:\/\//);
    expect(await form.getState().save()).toBeNull();

    const ok = fakeBackground();
    const failingSave = (async (type: Parameters<Send>[0], data: never) => {
      if (type === 'clip:save') throw new Error('QuotaExceededError');
      return ok.send(type, data);
    }) as Send;
    const form2 = createClipFormStore(failingSave);
    await form2.getState().captureTab(1);
    form2.getState().editDraft({ title: 'Keep me' });
    expect(await form2.getState().save()).toBeNull();
    expect(form2.getState().saveError).toBe('QuotaExceededError');
    expect(form2.getState().status).toBe('ready');
    expect(form2.getState().draft?.title).toBe('Keep me');
  });

  it('loads known tags and removes tags', async () => {
    const bg = fakeBackground();
    await bg.send('clip:save', { draft: makeDraft(), filing: { categoryId: null, tags: ['zeta', '知识管理'], note: '' } });
    const form = createClipFormStore(bg.send);
    await form.getState().loadKnownTags();
    expect(form.getState().knownTags).toEqual(['zeta', '知识管理']);
    await form.getState().captureTab(1);
    form.getState().addTag('a', 'b');
    form.getState().removeTag('a');
    expect(form.getState().filing.tags).toEqual(['b']);
  });
});

describe('tidyDraft', () => {
  it('falls back to the captured title, then the URL, when the title is emptied', async () => {
    const { tidyDraft } = await import('../../../lib/store/clip-form');
    expect(tidyDraft(makeDraft({ title: '  ' }), 'Captured').title).toBe('Captured');
    expect(tidyDraft(makeDraft({ title: '' }), '').title).toBe('https://example.com/a');
    expect(tidyDraft(makeDraft({ title: ' Kept ' }), 'Captured').title).toBe('Kept');
  });
});
