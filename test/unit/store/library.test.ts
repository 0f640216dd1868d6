import { describe, expect, it } from 'vitest';
import { countByCategory, createLibraryStore, filterClips } from '../../../lib/store/library';
import { createToastStore } from '../../../lib/store/toast';
import { fakeBackground, makeDraft, TAXONOMY } from './fake-background';

async function seeded() {
  const bg = fakeBackground();
  const save = (title: string, categoryId: string | null, tags: string[] = []) =>
    bg.send('clip:save', { draft: makeDraft({ title, url: `https://x.test/${title}` }), filing: { categoryId, tags, note: '' } });
  const a = await save('first', 'tech');
  const b = await save('second', 'ml', ['ml']);
  const c = await save('third', null);
  const d = await save('fourth', 'km');
  return { bg, a, b, c, d, lib: createLibraryStore(bg.send) };
}

describe('library store', () => {
  it('hydrates clips newest first, with taxonomy and tags', async () => {
    const { lib } = await seeded();
    await lib.getState().load();
    const s = lib.getState();
    expect(s.status).toBe('ready');
    expect(s.clips.map((c) => c.title)).toEqual(['fourth', 'third', 'second', 'first']);
    expect(s.taxonomy.map((c) => c.id)).toEqual(TAXONOMY.map((c) => c.id));
    expect(s.tags).toEqual(['ml']);
  });

  it('filters by category including subcategories, and by unfiled', async () => {
    const { lib } = await seeded();
    await lib.getState().load();
    const { clips, taxonomy } = lib.getState();
    expect(filterClips(clips, { kind: 'category', id: 'tech' }, taxonomy).map((c) => c.title)).toEqual(['second', 'first']);
    expect(filterClips(clips, { kind: 'category', id: 'ml' }, taxonomy).map((c) => c.title)).toEqual(['second']);
    expect(filterClips(clips, { kind: 'unfiled' }, taxonomy).map((c) => c.title)).toEqual(['third']);
    expect(filterClips(clips, { kind: 'all' }, taxonomy)).toHaveLength(4);
    const counts = countByCategory(clips, taxonomy);
    expect(Object.fromEntries(counts)).toEqual({ tech: 2, ai: 1, ml: 1, km: 1 });
  });

  it('deletes with an undo that restores the clip', async () => {
    const { lib, bg, b } = await seeded();
    await lib.getState().load();
    await lib.getState().open(b.id);
    expect(lib.getState().openId).toBe(b.id);
    const undo = await lib.getState().deleteClip(b.id);
    expect(lib.getState().clips.map((c) => c.id)).not.toContain(b.id);
    expect(lib.getState().openId).toBeNull();
    expect(bg.clips.get(b.id)?.deletedAt).toBeTruthy();
    await undo();
    expect(bg.calls.at(-1)).toEqual({ type: 'clip:restore', data: { id: b.id } });
    expect(lib.getState().clips.map((c) => c.title)).toEqual(['fourth', 'third', 'second', 'first']);
  });

  it('lists clips without their page bodies; opening one fetches it whole, and a refresh fetches it again', async () => {
    const { lib, bg, b } = await seeded();
    await lib.getState().load();
    expect(lib.getState().clips.every((c) => !('html' in c) && !('text' in c) && !('markdown' in c))).toBe(true);
    const opening = lib.getState().open(b.id);
    expect(lib.getState().opened).toBeNull(); // the reader shows "loading" until the whole clip is in
    await opening;
    expect(lib.getState().opened?.id).toBe(b.id);
    expect(lib.getState().opened?.html).toBe(bg.clips.get(b.id)!.html);
    bg.clips.set(b.id, { ...bg.clips.get(b.id)!, visibility: 'team' }); // shared from elsewhere
    await lib.getState().refresh();
    expect(lib.getState().opened?.visibility).toBe('team');
    lib.getState().close();
    expect(lib.getState().opened).toBeNull();
  });

  it('edits a clip and refresh picks up changes made elsewhere', async () => {
    const { lib, bg, a } = await seeded();
    await lib.getState().load();
    const updated = await lib.getState().updateClip(a.id, { title: 'renamed', tags: ['x'] });
    expect(updated.title).toBe('renamed');
    expect(lib.getState().clips.find((c) => c.id === a.id)?.tags).toEqual(['x']);
    await bg.send('clip:save', { draft: makeDraft({ title: 'from elsewhere' }), filing: { categoryId: null, tags: [], note: '' } });
    await lib.getState().refresh();
    expect(lib.getState().clips[0].title).toBe('from elsewhere');
  });

  it('reports load failures', async () => {
    const lib = createLibraryStore(async () => { throw new Error('No answer to clip:list'); });
    await lib.getState().load();
    expect(lib.getState().status).toBe('error');
    expect(lib.getState().error).toMatch(/No answer/);
  });

  it('saves the taxonomy through the background', async () => {
    const { lib, bg } = await seeded();
    await lib.getState().load();
    const next = lib.getState().taxonomy.filter((c) => c.id !== 'km');
    await lib.getState().saveTaxonomy(next);
    expect(bg.taxonomy.map((c) => c.id)).toEqual(['tech', 'ai', 'ml']);
    expect(lib.getState().taxonomy).toHaveLength(3);
  });
});

describe('toast store', () => {
  it('shows one toast, dismisses it on its timer but not a newer one', () => {
    const timers: (() => void)[] = [];
    const toasts = createToastStore(1000, (fn) => timers.push(fn));
    const first = toasts.getState().show('one');
    toasts.getState().show('two', async () => {});
    timers[0]();
    expect(toasts.getState().toast?.message).toBe('two');
    expect(toasts.getState().toast?.undo).toBeTypeOf('function');
    timers[1]();
    expect(toasts.getState().toast).toBeNull();
    expect(first).toBe(1);
  });
});
