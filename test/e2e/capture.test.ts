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

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Ask the background for the stored clips, from an extension page, through the real message map. */
async function storedClips(panel: Page): Promise<Clip[]> {
  return panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ cairn: 'clips:all', data: undefined })) as { ok: boolean; value: Clip[] };
    return reply.value;
  });
}

async function openFixture(pathname: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(server.origin + pathname);
  return { page, tabId: await tabIdOf(ext, page) };
}

describe('capture in the real browser', () => {
  it('clips the Chinese seed page through the context-menu path', async () => {
    const { page, tabId } = await openFixture('/seed/learning-organization-zh.html');
    const outcome = await ext.worker.evaluate(
      ([id, url]) => (globalThis as any).cairnTest.menuClick({ menuItemId: 'cairn-clip-page' }, { id, url }),
      [tabId, page.url()] as const,
    );
    expect(outcome).toMatchObject({ ok: true });

    const panel = await openSidePanel(ext, tabId);
    const clips = await storedClips(panel);
    const clip = clips.find((c) => c.url === page.url());
    expect(clip, 'the clip is in the store').toBeTruthy();
    expect(clip!.lang).toBe('zh');
    expect(clip!.title).toContain('学习型组织');
    expect(clip!.text).toContain('知识管理');
    // The article alone: no site navigation or footer text.
    expect(clip!.text).not.toMatch(/解决方案|关于我们/);
    expect(clip!.summary.abstract).toMatch(/[\u4e00-\u9fff]/);
    expect(clip!.text).toContain(clip!.summary.abstract.slice(0, 12));
    expect(clip!.categoryId).toBeTruthy();
    // The page names a canonical URL on another site (example.com); a cross-site canonical is not
    // trusted for de-duplication, so the served URL is the canonical one here.
    expect(clip!.canonicalUrl).toBe(page.url());

    // The library in the side panel shows it.
    await panel.getByTestId('tab-library').click();
    await expect.poll(() => panel.getByTestId('library-item').count()).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('library').innerText()).toContain('学习型组织');
    await panel.screenshot({ path: path.join(shots, 'library-zh.png') });
    await panel.close();
    await page.close();
  });

  it('clips an English article through the side panel button, edits the note and saves with Enter', async () => {
    const { page, tabId } = await openFixture('/pages/ars-1/');
    const panel = await openSidePanel(ext, tabId);
    await panel.getByTestId('tab-clip').click();
    const title = panel.getByTestId('clip-title');
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).not.toBe('');
    expect(await title.inputValue()).toMatch(/Just-released Minecraft exploit/i);
    await panel.screenshot({ path: path.join(shots, 'clip-form-en.png') });

    await panel.getByTestId('clip-note').fill('Read before the security review');
    await title.press('Enter');
    await expect.poll(() => panel.getByTestId('toast').innerText()).toBeTruthy();

    const clip = (await storedClips(panel)).find((c) => c.url === page.url());
    expect(clip).toBeTruthy();
    expect(clip!.note).toBe('Read before the security review');
    expect(clip!.lang).toBe('en');
    expect(clip!.markdown).toMatch(/Minecraft/);
    expect(clip!.wordCount).toBeGreaterThan(200);

    // Clipping the same page again offers to update it: never a silent second copy.
    await panel.reload();
    await panel.getByTestId('tab-clip').click();
    await expect(panel.getByTestId('duplicate-banner')).toBeTruthy();
    await expect.poll(() => panel.getByTestId('duplicate-banner').count(), { timeout: 20_000 }).toBe(1);
    await panel.getByTestId('clip-save').click();
    await expect.poll(async () => (await storedClips(panel)).filter((c) => c.url === page.url()).length).toBe(1);
    await panel.close();
    await page.close();
  });

  it('opens a hostile clip in the reader: nothing runs and nothing loads from a script', async () => {
    const { page, tabId } = await openFixture('/own/hostile.html');
    const outcome = await ext.worker.evaluate(
      ([id, url]) => (globalThis as any).cairnTest.menuClick({ menuItemId: 'cairn-clip-page' }, { id, url }),
      [tabId, page.url()] as const,
    );
    expect(outcome).toMatchObject({ ok: true });
    await page.close(); // the page's own scripts are not what we test: stop them

    const beaconsBefore = server.beacons.length;
    const panel = await openSidePanel(ext);
    const dialogs: string[] = [];
    panel.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await panel.getByTestId('tab-library').click();
    const item = panel.getByTestId('library-item').filter({ hasText: 'safe knowledge capture' });
    await expect.poll(() => item.count()).toBe(1);
    await item.first().click();
    const content = panel.getByTestId('reader-content');
    await expect.poll(() => content.innerText()).toContain('The first rule of a knowledge base');

    // Click the script links too: they must have been neutralized.
    for (const text of ['a script link', 'an obfuscated one']) {
      const link = content.getByText(text);
      if (await link.count()) await link.first().click({ noWaitAfter: true }).catch(() => undefined);
    }
    await panel.waitForTimeout(1500);
    await panel.screenshot({ path: path.join(shots, 'reader-hostile.png') });

    const html = await content.innerHTML();
    expect(html).not.toMatch(/<script|onerror|ontoggle|javascript:|<iframe|<object|<embed|<form|<svg|<math|style=/i);
    expect(await panel.evaluate(() => (window as any).__cairnPwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(server.beacons.slice(beaconsBefore)).toEqual([]);
    await panel.close();
  });

  it('deletes a clip from the reader and brings it back with undo', async () => {
    const panel = await openSidePanel(ext);
    await panel.getByTestId('tab-library').click();
    const items = panel.getByTestId('library-item');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const before = await items.count();
    const id = await items.first().getAttribute('data-clip-id');
    await items.first().click();
    await panel.getByTestId('reader-delete').click();
    await expect.poll(async () => (await storedClips(panel)).some((c) => c.id === id)).toBe(false);
    await panel.getByTestId('toast-undo').click();
    await expect.poll(async () => (await storedClips(panel)).some((c) => c.id === id)).toBe(true);
    await panel.getByTestId('tab-library').click();
    await expect.poll(() => items.count()).toBe(before);
    await panel.close();
  });
});
