import { afterEach, describe, expect, it } from 'vitest';
import { appendNote } from '@/lib/background/bulk';
import { makeDraft, makeServices } from './fakes';

const TAB = { id: 7, url: 'https://copy.test/elsewhere', title: 'Copy' };
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.map((c) => c()));
  cleanup = [];
});

const LONG = Array.from({ length: 12 }, (_, i) => `Knowledge management sentence number ${i} explains how teams capture, organize and share what they learn on the job.`).join(' ');

async function setup(respond?: NonNullable<Parameters<typeof makeServices>[0]>['respond']) {
  const made = await makeServices({ tabs: { 7: TAB }, respond });
  cleanup.push(() => made.store.close());
  const save = (n: number, categoryId: string | null, tags: string[] = []) =>
    made.services.handlers['clip:save']({ draft: makeDraft({ url: `https://site.test/${n}`, canonicalUrl: `https://site.test/${n}`, title: `Clip ${n}` }), filing: { categoryId, tags, note: '' } }, undefined);
  return { ...made, save, h: made.services.handlers };
}

describe('clips:bulk', () => {
  it('moves many clips in one edit, and revert puts every one back', async () => {
    const { save, h, store, events } = await setup();
    const a = await save(1, 'tech');
    const b = await save(2, 'ai');
    const c = await save(3, null);
    const outcome = await h['clips:bulk']({ ids: [a.id, b.id, c.id], action: { kind: 'move', categoryId: 'ai' } }, undefined);
    expect(outcome.changed).toBe(2); // b was already there
    expect(outcome.snapshot.map((s) => [s.id, s.categoryId])).toEqual([[a.id, 'tech'], [c.id, null]]);
    expect((await store.list({ categoryId: 'ai' })).map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(events.filter((e) => e.kind === 'clipsChanged').length).toBeGreaterThan(3);
    await h['clips:revert']({ snapshot: outcome.snapshot }, undefined);
    expect((await store.get(a.id))!.categoryId).toBe('tech');
    expect((await store.get(c.id))!.categoryId).toBeNull();
    expect((await store.get(b.id))!.categoryId).toBe('ai');
  });

  it('adds and removes a tag case-insensitively, and reports unknown ids', async () => {
    const { save, h, store } = await setup();
    const a = await save(1, null, ['Keep']);
    const b = await save(2, null, ['x']);
    const added = await h['clips:bulk']({ ids: [a.id, b.id, 'nope'], action: { kind: 'addTag', tag: 'keep' } }, undefined);
    expect(added.changed).toBe(1);
    expect(added.failed).toEqual([{ id: 'nope', error: 'no such clip' }]);
    expect((await store.get(b.id))!.tags).toEqual(['x', 'keep']);
    const removed = await h['clips:bulk']({ ids: [a.id, b.id], action: { kind: 'removeTag', tag: 'KEEP' } }, undefined);
    expect(removed.changed).toBe(2);
    expect((await store.get(a.id))!.tags).toEqual([]);
    await h['clips:revert']({ snapshot: removed.snapshot }, undefined);
    expect((await store.get(a.id))!.tags).toEqual(['Keep']);
    expect((await store.get(b.id))!.tags).toEqual(['x', 'keep']);
  });

  it('deletes as tombstones and the undo restores them', async () => {
    const { save, h, store } = await setup();
    const a = await save(1, null);
    const b = await save(2, null);
    const outcome = await h['clips:bulk']({ ids: [a.id, b.id], action: { kind: 'delete' } }, undefined);
    expect(outcome.changed).toBe(2);
    expect(await store.list()).toEqual([]);
    await h['clips:revert']({ snapshot: outcome.snapshot }, undefined);
    expect((await store.list()).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('share without a team reports each failure and changes nothing', async () => {
    const { save, h, store } = await setup();
    const a = await save(1, null);
    const outcome = await h['clips:bulk']({ ids: [a.id], action: { kind: 'share' } }, undefined);
    expect(outcome.changed).toBe(0);
    expect(outcome.failed[0]?.error).toMatch(/not available/);
    expect((await store.get(a.id))!.visibility).toBe('private');
  });
});

describe('clips:import and clip:addNote', () => {
  it('adds new clips and updates stored ones by id, keeping author and team notes', async () => {
    const { save, h, store } = await setup();
    const a = await save(1, 'tech');
    await store.update(a.id, { author: { id: 'm1', name: 'Lin' }, teamNotes: [{ memberId: 'm2', name: 'Ana', note: 'hers', updatedAt: a.createdAt }] });
    const json = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
      id, url, canonicalUrl: url, title: 'Imported', byline: null, siteName: null, lang: 'en', dir: null, publishedTime: null, excerpt: '', summary: { abstract: '', keyPoints: [] },
      text: '', markdown: '', html: '', category: 'Technology/AI', tags: ['imp'], wordCount: 0, readingMinutes: 0, mode: 'link' as const, note: '', visibility: 'private' as const, createdAt: '2024-01-01T00:00:00Z', ...extra,
    });
    const result = await h['clips:import']({ clips: [json('new1', 'https://n.test/1'), json(a.id, a.url, { tags: ['merged'] })] }, undefined);
    expect(result).toEqual({ added: 1, updated: 1 });
    expect((await store.get('new1'))!.categoryId).toBe('ai');
    const updated = (await store.get(a.id))!;
    expect(updated.tags).toEqual(['merged']);
    expect(updated.author).toEqual({ id: 'm1', name: 'Lin' });
    expect(updated.teamNotes?.[0]?.note).toBe('hers');
  });

  it('adds my note to an existing clip without losing the one already there', async () => {
    const { save, h } = await setup();
    const a = await save(1, null);
    const first = await h['clip:addNote']({ id: a.id, note: 'first' }, undefined);
    expect(first.note).toBe('first');
    const second = await h['clip:addNote']({ id: a.id, note: 'second thought' }, undefined);
    expect(second.note).toBe('first\n\nsecond thought');
    expect((await h['clip:addNote']({ id: a.id, note: 'second thought' }, undefined)).note).toBe('first\n\nsecond thought');
    expect(appendNote('', '  ')).toBe('');
  });

  it("on a teammate's clip, my note goes to my own note and theirs stay in teamNotes", async () => {
    const { save, h, store } = await setup();
    const a = await save(1, null);
    const theirs = [{ memberId: 'm2', name: 'Ana', note: 'her take', updatedAt: a.createdAt }];
    await store.update(a.id, { author: { id: 'm2', name: 'Ana' }, visibility: 'team', teamNotes: theirs });
    const noted = await h['clip:addNote']({ id: a.id, note: 'my take' }, undefined);
    expect(noted.note).toBe('my take');
    expect(noted.teamNotes).toEqual(theirs);
    expect(noted.author).toEqual({ id: 'm2', name: 'Ana' });
  });
});

describe('near-duplicates at capture', () => {
  it('reports a clip with near-identical text at another URL, not an unrelated one', async () => {
    const copy = makeDraft({ url: TAB.url, canonicalUrl: TAB.url, text: LONG });
    const { h } = await setup(() => ({ ok: true, draft: copy }));
    const original = await h['clip:save']({ draft: makeDraft({ url: 'https://orig.test/a', canonicalUrl: 'https://orig.test/a', text: `${LONG} A closing remark.` }), filing: { categoryId: null, tags: [], note: '' } }, undefined);
    await h['clip:save']({ draft: makeDraft({ url: 'https://other.test/b', canonicalUrl: 'https://other.test/b', text: 'Completely different words about cooking pasta with tomatoes and basil in a small kitchen, slowly, for friends who visit on weekends.' }), filing: { categoryId: null, tags: [], note: '' } }, undefined);
    const result = await h['clip:capture']({ tabId: 7, mode: 'article' }, undefined);
    expect(result.existing).toBeNull();
    expect(result.nearDuplicates?.map((n) => n.clip.id)).toEqual([original.id]);
    expect(result.nearDuplicates![0]!.similarity).toBeGreaterThan(0.8);
  });
});

describe('near-duplicate finder budget', () => {
  it('answers null when the index is not ready in time, and the full answer once built', async () => {
    const { createNearDuplicateFinder } = await import('@/lib/background/near-duplicates');
    const stored = { ...makeDraft({ url: 'https://orig.test/a', canonicalUrl: 'https://orig.test/a', text: LONG }), id: 'orig', categoryId: null, tags: [], note: '', visibility: 'private' as const, createdAt: 'x', updatedAt: 'x', deletedAt: null };
    let loads = 0;
    const finder = createNearDuplicateFinder(async () => { loads++; await new Promise((r) => setTimeout(r, 80)); return [stored]; });
    const probe = makeDraft({ url: 'https://copy.test/b', canonicalUrl: 'https://copy.test/b', text: LONG });
    expect(await finder.findWithin(probe, 5)).toBeNull();
    expect((await finder.find(probe)).map((m) => m.clip.id)).toEqual(['orig']);
    expect((await finder.findWithin(probe, 5))?.map((m) => m.clip.id)).toEqual(['orig']);
    expect(loads).toBe(1);
    finder.invalidate();
    await finder.find(probe);
    expect(loads).toBe(2);
  });

  it('clip:nearDuplicates leaves out the clip at the same URL', async () => {
    const { h } = await setup();
    const same = await h['clip:save']({ draft: makeDraft({ text: LONG }), filing: { categoryId: null, tags: [], note: '' } }, undefined);
    const other = await h['clip:save']({ draft: makeDraft({ url: 'https://x.test/2', canonicalUrl: 'https://x.test/2', text: LONG }), filing: { categoryId: null, tags: [], note: '' } }, undefined);
    const found = await h['clip:nearDuplicates']({ draft: makeDraft({ text: LONG }) }, undefined);
    expect(found.map((m) => m.clip.id)).toEqual([other.id]);
    expect(found.some((m) => m.clip.id === same.id)).toBe(false);
  });
});
