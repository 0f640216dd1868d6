/**
 * Highlights in the real browser: select text on a served page, highlight it from the context-menu path,
 * see the <mark> on the page and the highlight on the clip; reload and re-show it; the reader lists it.
 * Then two profiles and a team server: A highlights and shares, B opens the same page and sees A's highlight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Clip } from '@/lib/clip/types';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension, openSidePanel, tabIdOf, type LoadedExtension } from './helpers/extension';
import { startTeamWorld, syncNow, type TeamWorld } from './helpers/team';

const FIXTURE = '/pages/ars-1/';
const MENU_ID = 'cairn-highlight-selection';
let pages: FixtureServer;
let a: LoadedExtension;

beforeAll(async () => {
  pages = await startFixtureServer();
  a = await launchWithExtension();
});
afterAll(async () => {
  await a?.close();
  await pages?.close();
});

/** Select `length` characters from the start of the first long paragraph; returns the selected text. */
async function selectInParagraph(page: Page, length = 40): Promise<string> {
  return page.evaluate((n) => {
    const p = Array.from(document.querySelectorAll('p')).find((el) => (el.firstChild?.nodeType === 3 ? (el.firstChild as Text).data.trim().length > n + 10 : false))!;
    const text = p.firstChild as Text;
    const start = text.data.length - text.data.trimStart().length;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + n);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
  }, length);
}

const marksText = (page: Page, id: string) =>
  page.evaluate((hid) => Array.from(document.querySelectorAll(`mark[data-cairn-highlight="${hid}"]`)).map((m) => m.textContent).join(''), id);

const getClip = (panel: Page, id: string) =>
  panel.evaluate((cid) => chrome.runtime.sendMessage({ cairn: 'clip:get', data: { id: cid } }), id) as Promise<{ ok: boolean; value: Clip | null }>;

async function highlightFromMenu(ext: LoadedExtension, page: Page): Promise<{ selected: string; outcome: any; tabId: number }> {
  const tabId = await tabIdOf(ext, page);
  const selected = await selectInParagraph(page);
  const outcome = await ext.worker.evaluate(
    ([menuItemId, id, url]) => (globalThis as any).cairnTest.menuClick({ menuItemId }, { id, url }),
    [MENU_ID, tabId, page.url()] as const,
  );
  return { selected, outcome, tabId };
}

describe('highlights on the live page', () => {
  it('highlights the selection (clipping the page first), re-shows it after a reload, and lists it in the reader', async () => {
    const page = await a.context.newPage();
    await page.goto(pages.origin + FIXTURE);
    const { selected, outcome, tabId } = await highlightFromMenu(a, page);
    expect(outcome.ok, JSON.stringify(outcome?.error)).toBe(true);
    const id = outcome.highlight.id as string;
    expect(selected.length).toBe(40);
    expect(outcome.highlight.anchor.quote.exact).toBe(selected.replace(/\s+/g, ' ').trim());
    expect(await marksText(page, id)).toBe(selected);
    expect(await page.locator('#cairn-highlight-style').count()).toBe(1);

    // Reload: the marks are gone until the show path runs again (no panel is open to do it).
    await page.reload();
    expect(await marksText(page, id)).toBe('');
    const shown = await a.worker.evaluate((t) => (globalThis as any).cairnTest.showHighlights(t), tabId);
    expect(shown).toEqual({ clipId: outcome.clip.id, shown: [id], orphans: [] });
    expect(await marksText(page, id)).toBe(selected);

    const panel = await openSidePanel(a, tabId);
    const stored = await getClip(panel, outcome.clip.id);
    expect(stored.value?.url).toBe(page.url());
    expect(stored.value?.highlights?.map((h) => h.id)).toEqual([id]);

    // With the side panel following the tab, a reload re-shows the highlights by itself.
    await page.reload();
    await expect.poll(() => marksText(page, id), { timeout: 15_000 }).toBe(selected);

    // The reader lists the highlight; its note is edited there.
    await panel.getByTestId('tab-library').click();
    await panel.locator(`[data-testid="library-item"][data-clip-id="${outcome.clip.id}"] button`).click();
    const item = panel.locator(`[data-testid="highlight-item"][data-highlight-id="${id}"]`);
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain(selected.trim().slice(0, 20));
    expect(await item.getAttribute('data-orphan')).toBe('false');
    await item.getByTestId('highlight-edit-note').click();
    await item.getByTestId('highlight-note-input').fill('Worth sharing');
    await item.getByTestId('highlight-save-note').click();
    await expect.poll(async () => (await getClip(panel, outcome.clip.id)).value?.highlights?.[0]?.note, { timeout: 10_000 }).toBe('Worth sharing');

    // A new color from the reader reaches the page's marks.
    await item.getByTestId('highlight-color-green').click();
    await expect.poll(() => page.evaluate((hid) => document.querySelector(`mark[data-cairn-highlight="${hid}"]`)?.className ?? '', id), { timeout: 10_000 }).toContain('cairn-hl-green');

    // The page changes: the highlighted paragraph is gone. The highlight becomes an orphan, listed, not dropped.
    await page.evaluate((hid) => document.querySelector(`mark[data-cairn-highlight="${hid}"]`)!.closest('p')!.remove(), id);
    const after = await a.worker.evaluate((t) => (globalThis as any).cairnTest.showHighlights(t), tabId);
    expect(after).toEqual({ clipId: outcome.clip.id, shown: [], orphans: [id] });
    await panel.getByTestId('reader-back').click();
    await panel.locator(`[data-testid="library-item"][data-clip-id="${outcome.clip.id}"] button`).click();
    await expect.poll(() => item.getAttribute('data-orphan'), { timeout: 10_000 }).toBe('true');
    expect(await item.getByTestId('highlight-orphan').count()).toBe(1);
    expect(await item.getByTestId('highlight-note').textContent()).toBe('Worth sharing');

    // Removing it from the reader: gone from the list, kept on the clip as a tombstone (so the removal syncs).
    await item.getByTestId('highlight-delete').click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    const removed = (await getClip(panel, outcome.clip.id)).value?.highlights?.find((h) => h.id === id);
    expect(removed?.deletedAt).toBeTruthy();
    await panel.close();
    await page.close();
  });
});

describe('highlights shared with the team', () => {
  let world: TeamWorld;
  let b: LoadedExtension;
  let c: LoadedExtension;

  beforeAll(async () => {
    world = await startTeamWorld('Highlight team');
    ({ a: b, b: c } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  const connect = (ext: LoadedExtension, name: string) => world.connect(ext, name);

  it('A highlights and shares; B opens the same page and sees A’s highlight, with A as author', async () => {
    const panelA = await connect(b, 'Ana');
    const panelB = await connect(c, 'Bo');
    const pageA = await b.context.newPage();
    await pageA.goto(pages.origin + FIXTURE);
    const { selected, outcome } = await highlightFromMenu(b, pageA);
    expect(outcome.ok, JSON.stringify(outcome?.error)).toBe(true);
    const id = outcome.highlight.id as string;
    const shared = (await panelA.evaluate((cid) => chrome.runtime.sendMessage({ cairn: 'clip:share', data: { id: cid, shared: true } }), outcome.clip.id)) as { ok: boolean };
    expect(shared.ok).toBe(true);
    expect((await syncNow(b)).sync).toMatchObject({ status: 'idle', pending: 0, lastError: null });
    expect((await syncNow(c)).sync).toMatchObject({ status: 'idle', lastError: null });

    const inB = await getClip(panelB, outcome.clip.id);
    expect(inB.value?.highlights?.map((h) => [h.id, h.author?.name])).toEqual([[id, 'Ana']]);

    const pageB = await c.context.newPage();
    await pageB.goto(pages.origin + FIXTURE);
    const shown = await c.worker.evaluate((t) => (globalThis as any).cairnTest.showHighlights(t), await tabIdOf(c, pageB));
    expect(shown).toMatchObject({ clipId: outcome.clip.id, shown: [id], orphans: [] });
    expect(await marksText(pageB, id)).toBe(selected);
  });
});
