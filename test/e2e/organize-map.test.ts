import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Category } from '@/lib/categorize/types';
import type { Clip } from '@/lib/clip/types';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension, openSidePanel, tabIdOf, type LoadedExtension } from './helpers/extension';

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** A request to the background through the real message map, from an extension page. */
async function ask<T>(panel: Page, type: string, data: unknown): Promise<T> {
  return panel.evaluate(async ([t, d]) => {
    const reply = (await chrome.runtime.sendMessage({ cairn: t, data: d })) as { ok: boolean; value: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, [type, data] as const) as Promise<T>;
}

async function clipFixture(pathname: string): Promise<string> {
  const page = await ext.context.newPage();
  await page.goto(server.origin + pathname, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(ext, page);
  const outcome = await ext.worker.evaluate((id) => (globalThis as any).cairnTest.clipTab(id), tabId);
  expect(outcome).toMatchObject({ ok: true });
  const url = page.url();
  await page.close();
  return url;
}

describe('organize: knowledge map, bulk edit, import', () => {
  it('shows the map with counts, bulk-moves two clips with one undo, and imports bookmarks with a report', async () => {
    const urls: string[] = [];
    for (const p of ['/pages/ars-1/', '/pages/bbc-1/', '/pages/cnn/']) urls.push(await clipFixture(p));

    const panel = await openSidePanel(ext);
    const taxonomy = await ask<Category[]>(panel, 'taxonomy:get', undefined);
    const tops = taxonomy.filter((c) => c.parentId === null);
    const [from, to] = [tops[0]!, tops[1]!];
    let clips = await ask<Clip[]>(panel, 'clip:list', {});
    const ours = clips.filter((c) => urls.includes(c.url));
    expect(ours).toHaveLength(3);
    // File all three under one category (itself a bulk edit through the background).
    await ask(panel, 'clips:bulk', { ids: ours.map((c) => c.id), action: { kind: 'move', categoryId: from.id } });
    expect((await ask<Clip[]>(panel, 'clip:list', { categoryId: from.id })).filter((c) => urls.includes(c.url))).toHaveLength(3);

    // Knowledge map: the category holds 3 clips (subcategories included), the other none.
    await panel.reload();
    await panel.getByTestId('tab-map').click();
    await panel.getByTestId('knowledge-map').waitFor();
    const fromNode = panel.locator(`[data-testid="map-node"][data-category-id="${from.id}"]`);
    await expect.poll(() => fromNode.getAttribute('data-count')).toBe('3');
    expect(await panel.locator(`[data-testid="map-node"][data-category-id="${to.id}"]`).getAttribute('data-count')).toBe('0');
    expect(await panel.getByTestId('treemap-cell').count()).toBeGreaterThanOrEqual(1);

    // Drill down: clicking the category opens the Library filtered to it.
    await fromNode.locator('.map-row').first().click();
    await panel.getByTestId('library').waitFor();
    await expect.poll(() => panel.getByTestId('library-item').count()).toBe(3);

    // Bulk move: select the first, shift-click the second, move them to the other category.
    const boxes = panel.getByTestId('library-select');
    await boxes.nth(0).click();
    await boxes.nth(1).click({ modifiers: ['Shift'] });
    await panel.getByTestId('bulk-bar').waitFor();
    const movedIds = await panel.getByTestId('library-item').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-clip-id')));
    await panel.getByTestId('bulk-move').selectOption(to.id);
    await expect.poll(async () => (await ask<Clip[]>(panel, 'clip:list', { categoryId: to.id })).map((c) => c.id).sort()).toEqual([...movedIds].sort());
    clips = await ask<Clip[]>(panel, 'clip:list', { categoryId: from.id });
    expect(clips.filter((c) => urls.includes(c.url))).toHaveLength(1);

    // One toast undoes the whole batch.
    await panel.getByTestId('toast-undo').click();
    await expect.poll(async () => (await ask<Clip[]>(panel, 'clip:list', { categoryId: from.id })).filter((c) => urls.includes(c.url)).length).toBe(3);
    expect(await ask<Clip[]>(panel, 'clip:list', { categoryId: to.id })).toHaveLength(0);

    // Import a small bookmarks file: two links imported, a bookmarklet skipped with its reason.
    await panel.getByTestId('tab-settings').click();
    const file = [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
      '<DL><p>',
      '<DT><A HREF="https://example.org/one" ADD_DATE="1700000000">One</A>',
      '<DT><A HREF="https://example.org/two" ADD_DATE="1700000100">Two</A>',
      '<DT><A HREF="javascript:void(0)">Bookmarklet</A>',
      '</DL><p>',
    ].join('\n');
    await panel.getByTestId('import-file').setInputFiles({ name: 'bookmarks.html', mimeType: 'text/html', buffer: Buffer.from(file) });
    const report = panel.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getAttribute('data-imported')).toBe('2');
    expect(Number(await report.getAttribute('data-skipped'))).toBeGreaterThanOrEqual(1);
    expect(await report.textContent()).toMatch(/2 imported/);
    const all = await ask<Clip[]>(panel, 'clip:list', {});
    expect(all.map((c) => c.url)).toEqual(expect.arrayContaining(['https://example.org/one', 'https://example.org/two']));
  });

  it('offers to add my note to a near-identical clip found at capture', async () => {
    const original = await clipFixture('/pages/ars-1/');
    const page = await ext.context.newPage();
    await page.goto(server.origin + '/pages/ars-1/?copy=1');
    const tabId = await tabIdOf(ext, page);
    const panel = await openSidePanel(ext, tabId);
    await panel.getByTestId('tab-clip').click();
    const banner = panel.getByTestId('near-duplicate-banner');
    await banner.waitFor({ timeout: 30_000 });
    const clips = await ask<Clip[]>(panel, 'clip:list', {});
    const target = clips.find((c) => c.url === original)!;
    expect(await banner.locator(`[data-clip-id="${target.id}"]`).count()).toBe(1);
    await panel.getByTestId('near-duplicate-add-note').click();
    await expect.poll(async () => (await ask<Clip>(panel, 'clip:get', { id: target.id })).note).toContain('?copy=1');
    await expect.poll(() => banner.count()).toBe(0);
    // Nothing new was saved for the copy.
    expect((await ask<Clip[]>(panel, 'clip:list', {})).some((c) => c.url.includes('copy=1'))).toBe(false);
  });
});
