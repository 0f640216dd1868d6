/**
 * Learning between two people: A shares a clip; B finds it in Search, opens it and marks it helpful; after
 * both sync, A's Team tab shows a badge for the new feed item and A's Team view shows the clip as the most
 * useful knowledge with B's open and helpful mark counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '@/lib/clip/types';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { openSidePanel, tabIdOf, type LoadedExtension } from './helpers/extension';
import { startTeamWorld, syncNow, type TeamWorld } from './helpers/team';

const FIXTURE = '/pages/ars-1/';
let pages: FixtureServer;
let world: TeamWorld;
let a: LoadedExtension;
let b: LoadedExtension;
const connect = (ext: LoadedExtension, name: string) => world.connect(ext, name);

beforeAll(async () => {
  world = await startTeamWorld('E2E learn team');
  ({ a, b } = world);
  pages = await startFixtureServer();
});

afterAll(async () => {
  await world?.close();
  await pages?.close();
});

describe('learning from usage', () => {
  it('B marks A’s clip helpful; A sees the count and a new-items badge', async () => {
    const panelA = await connect(a, 'Ana');
    await connect(b, 'Bo');

    const page = await a.context.newPage();
    await page.goto(pages.origin + FIXTURE);
    const outcome = (await a.worker.evaluate((id) => (globalThis as any).cairnTest.clipTab(id), await tabIdOf(a, page))) as { ok: boolean; clip: Clip };
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    const shared = (await panelA.evaluate((id) => chrome.runtime.sendMessage({ cairn: 'clip:share', data: { id, shared: true } }), outcome.clip.id)) as { ok: boolean };
    expect(shared.ok).toBe(true);
    expect((await syncNow(a)).sync).toMatchObject({ status: 'idle', pending: 0, lastError: null });
    expect((await syncNow(b)).sync).toMatchObject({ status: 'idle', lastError: null });

    // B finds it in Search, opens it (counted), and marks it helpful in the reader.
    const panelB = await openSidePanel(b);
    await panelB.getByTestId('tab-search').click();
    const word = outcome.clip.title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? outcome.clip.title;
    await panelB.getByTestId('search-input').fill(word);
    const hit = panelB.locator(`[data-testid="search-result"][data-clip-id="${outcome.clip.id}"]`).first();
    await expect.poll(() => hit.count(), { timeout: 20_000 }).toBe(1);
    await hit.click();
    const toggle = panelB.getByTestId('helpful-toggle');
    await expect.poll(() => toggle.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => panelB.getByTestId('clip-contributors').textContent(), { timeout: 10_000 }).toContain('Ana');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect((await syncNow(b)).sync).toMatchObject({ status: 'idle', pending: 0, lastError: null });

    // A: the sync brings a badge on the Team tab (B's helpful mark is news; A's own share is not).
    await syncNow(a);
    await expect.poll(() => panelA.getByTestId('badge-team').textContent().catch(() => ''), { timeout: 20_000 }).toBe('1');
    await panelA.getByTestId('tab-team').click();
    const useful = panelA.locator(`[data-testid="useful-clip"][data-clip-id="${outcome.clip.id}"] [data-testid="useful-counts"]`);
    await expect.poll(() => useful.textContent().catch(() => ''), { timeout: 20_000 }).toBe('1 helpful · 1 opens');
    await expect.poll(() => panelA.locator('[data-testid="feed-item"][data-kind="helpful"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await panelA.getByTestId('badge-team').count()).toBe(0);
    await panelA.getByTestId('what-cairn-counts').locator('summary').click();
    expect(await panelA.getByTestId('what-cairn-counts').textContent()).toContain('Not counted');
  });
});
