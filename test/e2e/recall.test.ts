import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Clip } from '@/lib/clip/types';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension, openSidePanel, tabIdOf, type LoadedExtension } from './helpers/extension';

const shots = path.resolve('test-results');
mkdirSync(shots, { recursive: true });

let server: FixtureServer;
let ext: LoadedExtension;
const clipIds: Record<string, string> = {};
const clipCategories: Record<string, string | null> = {};

async function openFixture(pathname: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(server.origin + pathname);
  return { page, tabId: await tabIdOf(ext, page) };
}

async function clip(pathname: string): Promise<string> {
  const { page, tabId } = await openFixture(pathname);
  const outcome = await ext.worker.evaluate((id) => (globalThis as any).cairnTest.clipTab(id), tabId) as { ok: boolean; clip: Clip };
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  await page.close();
  clipCategories[outcome.clip.id] = outcome.clip.categoryId;
  return outcome.clip.id;
}

/** Navigate a tab from the service worker (the tab stays in the background, as a real tab would). */
async function navigate(tabId: number, url: string): Promise<void> {
  await ext.worker.evaluate(([id, u]) => chrome.tabs.update(id as number, { url: u as string }).then(() => undefined), [tabId, url] as const);
}

const reads = (panel: Page) => panel.evaluate(() => ((globalThis as any).cairnPanelTest?.reads ?? []).length as number);

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
  clipIds.ars = await clip('/pages/ars-1/');
  clipIds.zh = await clip('/seed/learning-organization-zh.html');
  clipIds.other = await clip('/pages/wikipedia/');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('recall in the real browser', () => {
  it('shows related clips for the followed tab, follows navigation and pushState, and says when the page is clipped', async () => {
    const { page, tabId } = await openFixture('/own/recall-minecraft.html');
    const panel = await openSidePanel(ext, tabId);
    // Related is the first view.
    const first = panel.getByTestId('related-item').first();
    await expect.poll(() => first.getAttribute('data-clip-id'), { timeout: 20_000 }).toBe(clipIds.ars);
    expect(await panel.getByTestId('related-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-clip-id')))).not.toContain(clipIds.zh);
    const why = await first.getByTestId('related-why').innerText();
    expect(why.toLowerCase()).toMatch(/minecraft|exploit|server/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await panel.screenshot({ path: path.join(shots, 'related-en.png') });

    // Same-document navigation (history.pushState) to the clipped URL: "you already clipped this page".
    await page.click('#spa');
    await expect.poll(() => panel.getByTestId('related-this-page').getAttribute('data-clip-id'), { timeout: 10_000 }).toBe(clipIds.ars);

    // A real navigation to the Chinese page: its clip card, and the list updates.
    await navigate(tabId, server.origin + '/seed/learning-organization-zh.html');
    await expect.poll(() => panel.getByTestId('related-this-page').getAttribute('data-clip-id'), { timeout: 10_000 }).toBe(clipIds.zh);
    await expect.poll(() => panel.getByTestId('related-this-page').innerText()).toMatch(/[\u4e00-\u9fff]/);

    // Opening a related result shows the reader with a link back to the source.
    await navigate(tabId, server.origin + '/own/recall-minecraft.html');
    await expect.poll(() => panel.getByTestId('related-item').first().getAttribute('data-clip-id'), { timeout: 10_000 }).toBe(clipIds.ars);
    await panel.getByTestId('related-item').first().locator('button').first().click();
    await expect.poll(() => panel.getByTestId('reader-source').getAttribute('href')).toBe(server.origin + '/pages/ars-1/');
    await panel.getByTestId('reader-back').click();
    await expect.poll(() => panel.getByTestId('related-list').count()).toBe(1);
    await panel.close();
    await page.close();
  });

  it('follows the active tab of a window (?followWindow=) across tab switches', async () => {
    const windowId = await ext.worker.evaluate((u) => chrome.windows.create({ url: u }).then((w) => w!.id!), server.origin + '/pages/ars-1/');
    // The panel gets a window of its own: as a tab in the followed window it would be the active tab there.
    await ext.worker.evaluate((u) => chrome.windows.create({ url: u }).then(() => undefined), `chrome-extension://${ext.extensionId}/sidepanel.html?followWindow=${windowId}`);
    await expect.poll(() => ext.context.pages().some((p) => p.url().includes('followWindow=')), { timeout: 10_000 }).toBe(true);
    const panel = ext.context.pages().find((p) => p.url().includes('followWindow='))!;
    await expect.poll(async () => [await panel.getByTestId('related').getAttribute('data-status'), await panel.getByTestId('related-this-page').count()], { timeout: 20_000 }).toEqual(['ready', 1]);
    expect(await panel.getByTestId('related-this-page').getAttribute('data-clip-id')).toBe(clipIds.ars);
    await ext.worker.evaluate(([w, u]) => chrome.tabs.create({ windowId: w as number, url: u as string, active: true }).then(() => undefined), [windowId, server.origin + '/seed/learning-organization-zh.html'] as const);
    await expect.poll(() => panel.getByTestId('related-this-page').getAttribute('data-clip-id'), { timeout: 10_000 }).toBe(clipIds.zh);
    await panel.close();
    await ext.worker.evaluate((w) => chrome.windows.remove(w), windowId);
  });

  it('finds Chinese, English and mixed queries as you type, with keyboard navigation', async () => {
    const panel = await openSidePanel(ext);
    await panel.getByTestId('tab-search').click();
    const input = panel.getByTestId('search-input');
    await input.fill('学习型组织');
    await expect.poll(() => panel.getByTestId('search-result').first().getAttribute('data-clip-id'), { timeout: 15_000 }).toBe(clipIds.zh);
    expect(await panel.getByTestId('search-result').first().locator('mark').count()).toBeGreaterThan(0);
    await input.fill('minecraft exploit');
    await expect.poll(() => panel.getByTestId('search-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-clip-id')))).toEqual([clipIds.ars]);
    await panel.screenshot({ path: path.join(shots, 'search-en.png') });
    await input.fill('');
    await input.type('知识管理');
    await expect.poll(() => panel.getByTestId('search-result').first().getAttribute('data-clip-id')).toBe(clipIds.zh);
    await input.press('Enter');
    await expect.poll(() => panel.getByTestId('reader').count()).toBe(1);
    await panel.getByTestId('reader-back').click();
    await expect.poll(() => panel.getByTestId('search-input').count()).toBe(1);
    // Esc clears the query.
    await panel.getByTestId('search-input').press('Escape');
    expect(await panel.getByTestId('search-input').inputValue()).toBe('');
    await panel.close();
  });

  it('switching back to a tab shows its related results at once, without reading the page again; the page category drives "same category"', async () => {
    const ownUrl = server.origin + '/own/recall-minecraft.html';
    const windowId = await ext.worker.evaluate((u) => chrome.windows.create({ url: u }).then((w) => w!.id!), ownUrl);
    await ext.worker.evaluate((u) => chrome.windows.create({ url: u }).then(() => undefined), `chrome-extension://${ext.extensionId}/sidepanel.html?followWindow=${windowId}&cache-test`);
    await expect.poll(() => ext.context.pages().some((p) => p.url().includes('cache-test')), { timeout: 10_000 }).toBe(true);
    const panel = ext.context.pages().find((p) => p.url().includes('cache-test'))!;
    const list = panel.getByTestId('related-list');
    await expect.poll(() => list.getAttribute('data-page-url'), { timeout: 20_000 }).toBe(ownUrl);
    const firstIds = await panel.getByTestId('related-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-clip-id')));
    expect(firstIds[0]).toBe(clipIds.ars);

    // "Same category": the page (not a clip) is categorized locally; the Minecraft clip filed in that category says so.
    const pageCategory = await panel.getByTestId('related').getAttribute('data-category-id');
    expect(pageCategory).toBe('tech-security');
    const arsWhy = await panel.locator(`[data-testid="related-item"][data-clip-id="${clipIds.ars}"] [data-testid="related-why"]`).innerText();
    if (clipCategories[clipIds.ars!] === pageCategory) expect(arsWhy).toMatch(/same category/);
    else expect(arsWhy).not.toMatch(/same category/);

    // Switch to another tab, then back: kept results, no new page read.
    const otherTab = await ext.worker.evaluate(([w, u]) => chrome.tabs.create({ windowId: w as number, url: u as string, active: true }).then((t) => t.id!), [windowId, server.origin + '/seed/learning-organization-zh.html'] as const);
    await expect.poll(() => panel.getByTestId('related-this-page').getAttribute('data-clip-id'), { timeout: 10_000 }).toBe(clipIds.zh);
    const readsBefore = await reads(panel);
    const ownTab = await ext.worker.evaluate(([w, u]) => chrome.tabs.query({ windowId: w as number }).then((ts) => ts.find((t) => t.url === u)!.id!), [windowId, ownUrl] as const);
    await ext.worker.evaluate((id) => chrome.tabs.update(id, { active: true }).then(() => undefined), ownTab);
    await expect.poll(() => list.getAttribute('data-page-url'), { timeout: 10_000 }).toBe(ownUrl);
    expect(await list.getAttribute('data-cached')).toBe('true');
    expect(await panel.getByTestId('related-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-clip-id')))).toEqual(firstIds);
    await panel.waitForTimeout(300);
    expect(await reads(panel)).toBe(readsBefore);
    expect(otherTab).not.toBe(ownTab);
    await panel.close();
    await ext.worker.evaluate((w) => chrome.windows.remove(w), windowId);
  });

  it('never reads a site on the excluded list', async () => {
    const { page, tabId } = await openFixture('/pages/ars-1/');
    const panel = await openSidePanel(ext, tabId);
    await expect.poll(() => panel.getByTestId('related-this-page').count(), { timeout: 20_000 }).toBe(1);
    const before = await reads(panel);
    expect(before).toBeGreaterThan(0);

    await panel.getByTestId('tab-settings').click();
    const box = panel.getByTestId('settings-excluded-sites');
    await box.fill(`${await box.inputValue()}\n127.0.0.1/own/*`);
    await panel.getByTestId('settings-excluded-save').click();
    await panel.getByTestId('tab-related').click();
    // Saving the list re-checks the current (allowed) page once; count from after that.
    await expect.poll(() => panel.getByTestId('related-this-page').count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    const afterSave = await reads(panel);

    await navigate(tabId, server.origin + '/own/recall-minecraft.html');
    await expect.poll(() => panel.getByTestId('related-excluded').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByTestId('related-excluded').innerText()).toMatch(/excluded in Settings/);
    expect(await panel.getByTestId('related-item').count()).toBe(0);
    // Give any stray injection time to happen, then prove none did.
    await page.waitForTimeout(500);
    expect(await reads(panel)).toBe(afterSave);

    // Pages outside the pattern are still read.
    await navigate(tabId, server.origin + '/pages/ars-1/');
    await expect.poll(() => panel.getByTestId('related-this-page').count(), { timeout: 10_000 }).toBe(1);
    expect(await reads(panel)).toBeGreaterThan(afterSave);
    await panel.close();
    await page.close();
  });
});
