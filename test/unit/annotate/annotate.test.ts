import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseHtml, type ParsedPage } from '../../helpers/dom';
import { ClipStore } from '@/lib/db';
import type { Clip, Highlight } from '@/lib/clip/types';
import { changedHighlights, editHighlight, liveHighlights, mergeHighlights, putHighlight, removeHighlightFrom } from '@/lib/annotate/clip-highlights';
import { HIGHLIGHT_STYLE_ID, runHighlighter } from '@/lib/annotate/page-highlights';
import { callHighlighter, HIGHLIGHTER_GLOBAL, type HighlighterRequest } from '@/lib/annotate/request';
import { createHighlightService } from '@/lib/background/highlight-service';
import type { ScriptingLike } from '@/lib/background/capture';
import { buildTextIndex, rangeFromOffsets } from '@/lib/highlight';
import { makeClip } from '../db/make-clip';

const URL_A = 'https://example.com/article';
const ARTICLE = `<!doctype html><html><head><title>A</title></head><body><h1>Teams</h1>
<p>Knowledge that is not written down leaves with the people who hold it.</p>
<p>组织学习需要把个人的经验变成团队的知识。</p></body></html>`;

const hl = (id: string, extra: Partial<Highlight> = {}): Highlight => ({
  id,
  anchor: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } },
  color: 'yellow',
  note: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** Select the first occurrence of `needle` in the page's body text. */
function select(page: ParsedPage, needle: string): void {
  const index = buildTextIndex(page.document.body);
  const at = index.text.indexOf(needle);
  if (at < 0) throw new Error(`not on page: ${needle}`);
  const selection = page.window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeFromOffsets(index, at, at + needle.length));
}

const marksOf = (doc: Document, id?: string) =>
  Array.from(doc.querySelectorAll('mark[data-cairn-highlight]')).filter((m) => !id || m.getAttribute('data-cairn-highlight') === id);

describe('clip highlights as a set', () => {
  it('merges by id with the later change winning, keeping ids from both sides', () => {
    const ours = [hl('a', { note: 'mine' }), hl('b')];
    const theirs = [hl('a', { note: 'theirs, later', updatedAt: '2026-01-02T00:00:00.000Z' }), hl('c')];
    const merged = mergeHighlights(ours, theirs);
    expect(merged.map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
    expect(merged.find((h) => h.id === 'a')!.note).toBe('theirs, later');
    expect(mergeHighlights(theirs, [hl('a', { note: 'older' })]).find((h) => h.id === 'a')!.note).toBe('theirs, later');
  });

  it('edits, tombstones removals, and reports only the changed highlights', () => {
    const list = putHighlight([hl('a'), hl('b')], hl('c'));
    const edited = editHighlight(list, 'b', { note: 'why it matters' }, '2026-01-03T00:00:00.000Z');
    const removed = removeHighlightFrom(edited, 'a', '2026-01-04T00:00:00.000Z');
    expect(liveHighlights({ highlights: removed }).map((h) => h.id).sort()).toEqual(['b', 'c']);
    expect(removed.find((h) => h.id === 'a')!.deletedAt).toBe('2026-01-04T00:00:00.000Z');
    expect(changedHighlights(list, removed).map((h) => h.id).sort()).toEqual(['a', 'b']);
    expect(() => editHighlight(removed, 'a', { note: 'x' }, '2026-01-05T00:00:00.000Z')).toThrow();
  });
});

describe('highlighter in the page', () => {
  it('describes the selection, shows it as marks once, and reports an orphan', () => {
    const page = parseHtml(ARTICLE, URL_A);
    select(page, '把个人的经验');
    const described = runHighlighter(page.window, { action: 'describe' });
    if (!described.ok || described.action !== 'describe') throw new Error(JSON.stringify(described));
    expect(described.anchor.quote.exact).toBe('把个人的经验');
    expect(described.url).toBe(URL_A);
    const gone = { ...described.anchor, quote: { exact: 'this sentence was never on the page', prefix: '', suffix: '' } };
    const request: HighlighterRequest = { action: 'show', highlights: [{ id: 'h1', anchor: described.anchor, color: 'green' }, { id: 'h2', anchor: gone, color: 'pink' }] };
    const shown = runHighlighter(page.window, request);
    expect(shown).toEqual({ ok: true, action: 'show', shown: ['h1'], orphans: ['h2'] });
    expect(marksOf(page.document, 'h1').map((m) => m.textContent).join('')).toBe('把个人的经验');
    expect(marksOf(page.document, 'h1')[0]!.className).toContain('cairn-hl-green');
    // Showing again replaces the marks instead of nesting a second set; the style is added once.
    runHighlighter(page.window, request);
    expect(marksOf(page.document)).toHaveLength(marksOf(page.document, 'h1').length);
    expect(page.document.querySelectorAll(`#${HIGHLIGHT_STYLE_ID}`)).toHaveLength(1);
    expect(page.document.body.textContent).toContain('组织学习需要把个人的经验变成团队的知识。');
  });

  it('a call before the highlighter is installed answers an error, not a guess', () => {
    delete (globalThis as Record<string, unknown>)[HIGHLIGHTER_GLOBAL];
    expect(callHighlighter({ action: 'describe' })).toEqual({ ok: false, error: 'The highlighter is not on this page.' });
  });

  it('says so when nothing is selected', () => {
    const page = parseHtml(ARTICLE, URL_A);
    const out = runHighlighter(page.window, { action: 'describe' });
    expect(out.ok).toBe(false);
  });
});

/** Scripting that runs the highlighter against a jsdom page, as executeScript would in the tab (the file installs, the func calls). */
function fakeScripting(page: ParsedPage): ScriptingLike & { injected: string[] } {
  const injected: string[] = [];
  const scope = globalThis as Record<string, unknown>;
  return {
    injected,
    async executeScript(injection) {
      if (injection.files) {
        injected.push(...injection.files);
        scope[HIGHLIGHTER_GLOBAL] = (request: HighlighterRequest) => runHighlighter(page.window, request);
        return [{ result: true }];
      }
      expect(injection.func).toBe(callHighlighter);
      return [{ result: (injection.func as (...a: unknown[]) => unknown)(...(injection.args ?? [])) }];
    },
  };
}

async function setup(existing: Clip | null) {
  const store = new ClipStore(new IDBFactory());
  await store.sync.connect('client-1', 'member-1');
  if (existing) await store.put(existing);
  const page = parseHtml(ARTICLE, URL_A);
  const clipped: string[] = [];
  const service = createHighlightService({
    store,
    scripting: fakeScripting(page),
    tabs: { get: async () => ({ id: 7, url: URL_A }) },
    me: async () => ({ id: 'member-1', name: 'Ana' }),
    now: () => new Date('2026-02-01T00:00:00.000Z'),
    clipTab: async (tab) => {
      clipped.push(tab.url ?? '');
      return store.put(makeClip({ id: 'new-clip', url: URL_A, canonicalUrl: URL_A, visibility: 'private' }));
    },
  });
  return { store, page, service, clipped };
}

describe('highlight service (local save path)', () => {
  it('adds the highlight to the shared clip of the page and queues it for the team in the same write', async () => {
    const { store, page, service, clipped } = await setup(makeClip({ id: 'c1', url: URL_A, canonicalUrl: URL_A, visibility: 'team' }));
    const before = await store.sync.pendingCount();
    select(page, 'leaves with the people');
    const outcome = await service.highlightSelection({ id: 7, url: URL_A }, 'blue');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(clipped).toEqual([]);
    expect(outcome.clip.id).toBe('c1');
    expect(outcome.highlight.anchor.quote.exact).toBe('leaves with the people');
    expect(outcome.highlight.author).toEqual({ id: 'member-1', name: 'Ana' });
    expect(marksOf(page.document, outcome.highlight.id).map((m) => m.textContent).join('')).toBe('leaves with the people');
    const stored = await store.get('c1');
    expect(stored!.highlights!.map((h) => h.id)).toEqual([outcome.highlight.id]);
    const rows = await store.sync.pending(100);
    expect(rows.length).toBe(before + 1);
    const put = rows.at(-1)!.mutation as { type: string; highlights?: Array<{ id: string; author?: unknown }>; fields: object };
    expect(put.type).toBe('clip.put');
    expect(put.highlights!.map((h) => h.id)).toEqual([outcome.highlight.id]);
    expect(put.highlights![0]!.author).toBeUndefined();

    // A note edit travels as that one highlight; removal is a tombstone that travels too.
    await service.edit('c1', outcome.highlight.id, { note: 'the point of the article' });
    await service.remove('c1', outcome.highlight.id);
    const later = (await store.sync.pending(100)).slice(-2).map((r) => (r.mutation as { highlights: Highlight[] }).highlights[0]!);
    expect(later[0]!.note).toBe('the point of the article');
    expect(later[1]!.deletedAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('clips the page first when it has no clip; a private clip queues nothing', async () => {
    const { store, page, service, clipped } = await setup(null);
    select(page, 'Knowledge that is not written down');
    const outcome = await service.highlightSelection({ id: 7 });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(clipped).toEqual([URL_A]);
    expect((await store.get('new-clip'))!.highlights).toHaveLength(1);
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('re-shows highlights on a reloaded page and lists the ones not found as orphans', async () => {
    const text = 'leaves with the people';
    const { store, page, service } = await setup(makeClip({ id: 'c1', url: URL_A, canonicalUrl: URL_A }));
    select(page, text);
    const first = await service.highlightSelection({ id: 7, url: URL_A });
    if (!first.ok) throw new Error(first.error);
    await store.update('c1', { highlights: [...(await store.get('c1'))!.highlights!, hl('lost', { anchor: { quote: { exact: 'a sentence removed from the page', prefix: '', suffix: '' }, position: { start: 5, end: 37 } } })] });
    // "Reload": a fresh page with the same content and no marks.
    const reloaded = parseHtml(ARTICLE, URL_A);
    const again = createHighlightService({ store, scripting: fakeScripting(reloaded), tabs: { get: async () => ({ id: 7, url: URL_A }) }, clipTab: async () => { throw new Error('must not clip'); } });
    const shown = await again.show(7);
    expect(shown).toEqual({ clipId: 'c1', shown: [first.highlight.id], orphans: ['lost'] });
    expect(marksOf(reloaded.document).map((m) => m.textContent).join('')).toBe(text);
  });
});

describe('re-clipping a highlighted page', () => {
  it('keeps the highlights (they belong to the page, not to one capture)', async () => {
    const { saveDraft } = await import('@/lib/clip/save');
    const store = new ClipStore(new IDBFactory());
    const existing = makeClip({ id: 'c1', url: URL_A, canonicalUrl: URL_A, highlights: [hl('h1', { note: 'keep me' })] });
    await store.put(existing);
    const { id: _id, categoryId: _c, tags: _t, note: _n, visibility: _v, createdAt: _ca, updatedAt: _u, deletedAt: _d, highlights: _h, ...draft } = existing;
    const { clip, previous } = await saveDraft(store, { ...draft, title: 'Re-clipped' }, {});
    expect(previous?.id).toBe('c1');
    expect(clip.title).toBe('Re-clipped');
    expect(clip.highlights?.map((h) => [h.id, h.note])).toEqual([['h1', 'keep me']]);
  });
});

describe('pulling a team clip', () => {
  it('brings every member’s highlights with their authors', async () => {
    const { clipFromChange } = await import('@/lib/sync/apply');
    const { clipFields } = await import('@/lib/sync/outbox');
    const base = makeClip({ id: 't1', url: URL_A, canonicalUrl: URL_A });
    const pulled = { ...hl('h1', { note: 'from Bo' }), author: { id: 'm2', name: 'Bo' } };
    const clip = clipFromChange(
      { kind: 'clip', id: 't1', version: 3, fields: clipFields(base), tags: [], notes: [], highlights: [pulled], author: { memberId: 'm1', name: 'Ana' }, updatedAt: base.updatedAt, deleted: null },
      'm1',
    );
    expect(clip!.highlights).toEqual([pulled]);
    const without = clipFromChange({ kind: 'clip', id: 't1', version: 3, fields: clipFields(base), tags: [], notes: [], author: { memberId: 'm1', name: 'Ana' }, updatedAt: base.updatedAt, deleted: null }, 'm1');
    expect(without!.highlights).toBeUndefined();
  });
});
