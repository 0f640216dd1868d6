/**
 * Sharing between two people: two Chromium profiles with the extension, one real team server
 * (`cairn serve` on a temp dir). A connects in Settings → Team, clips a page and shares it from the
 * reader; B connects, syncs, and finds the clip in Search (with A's name) and in Related on the same page.
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
  world = await startTeamWorld('E2E team');
  ({ a, b } = world);
  pages = await startFixtureServer();
});

afterAll(async () => {
  await world?.close();
  await pages?.close();
});

describe('sharing with the team', () => {
  it('A clips and shares a page; B sees it in Search and in Related with A’s name', async () => {
    const panelA = await connect(a, 'Ana');
    await connect(b, 'Bo');

    // A clips the page, then shares it from the reader.
    const page = await a.context.newPage();
    await page.goto(pages.origin + FIXTURE);
    const outcome = (await a.worker.evaluate((id) => (globalThis as any).cairnTest.clipTab(id), await tabIdOf(a, page))) as { ok: boolean; clip: Clip };
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    await panelA.getByTestId('tab-library').click();
    await panelA.locator(`[data-testid="library-item"][data-clip-id="${outcome.clip.id}"] button`).click();
    await panelA.getByTestId('reader-share').click();
    await expect.poll(() => panelA.getByTestId('reader-shared').count(), { timeout: 10_000 }).toBe(1);
    const afterA = await syncNow(a);
    expect(afterA.sync).toMatchObject({ status: 'idle', pending: 0, lastError: null });

    // B pulls it.
    const afterB = await syncNow(b);
    expect(afterB.sync).toMatchObject({ status: 'idle', lastError: null });

    // B's library holds it, with Ana as its author.
    const panelB = await openSidePanel(b);
    const inB = (await panelB.evaluate((id) => chrome.runtime.sendMessage({ cairn: 'clip:get', data: { id } }), outcome.clip.id)) as { ok: boolean; value: Clip | null };
    expect(inB.value).toMatchObject({ id: outcome.clip.id, visibility: 'team', title: outcome.clip.title, author: { name: 'Ana' } });

    // The Team view lists it with its author.
    await panelB.getByTestId('tab-team').click();
    const teamClip = panelB.locator(`[data-testid="team-clip"][data-clip-id="${outcome.clip.id}"]`);
    await expect.poll(() => teamClip.textContent(), { timeout: 10_000 }).toContain('Ana');

    // Related on the same page in B's browser.
    const pageB = await b.context.newPage();
    await pageB.goto(pages.origin + FIXTURE);
    const related = await openSidePanel(b, await tabIdOf(b, pageB));
    const here = related.locator(`[data-clip-id="${outcome.clip.id}"]`).first();
    await expect.poll(() => here.count(), { timeout: 20_000 }).toBe(1);

    // Search in B's panel finds it.
    await related.getByTestId('tab-search').click();
    const word = outcome.clip.title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? outcome.clip.title;
    await related.getByTestId('search-input').fill(word);
    const hit = related.locator(`[data-testid="search-result"][data-clip-id="${outcome.clip.id}"]`);
    await expect.poll(() => hit.count(), { timeout: 20_000, message: `searching “${word}”` }).toBe(1);
  });
});
