/**
 * Organizing in the real browser: a team rule files a quick clip at capture time; a category created
 * in the taxonomy is moved under another parent and then merged into another — its clips come along
 * each time (checked through the real `clip:list` message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Category } from '@/lib/categorize/types';
import type { Clip } from '@/lib/clip/types';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server';
import { launchWithExtension, openSidePanel, tabIdOf, type LoadedExtension } from './helpers/extension';

let server: FixtureServer;
let ext: LoadedExtension;
let panel: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
  panel = await openSidePanel(ext);
});
afterAll(async () => {
  await panel?.close();
  await ext?.close();
  await server?.close();
});

/** Send one message of the real message map from the side panel page; rethrows the background's error. */
async function send<T>(name: string, data: unknown): Promise<T> {
  const reply = await panel.evaluate(async ([n, d]) => chrome.runtime.sendMessage({ cairn: n, data: d }), [name, data] as const);
  const r = reply as { ok: boolean; value?: T; error?: string };
  if (!r.ok) throw new Error(r.error ?? JSON.stringify(reply));
  return r.value as T;
}

const node = (id: string, en: string, zh: string, parentId: string | null = null, extra: Partial<Category> = {}): Category => ({
  id,
  parentId,
  name: { en, zh },
  aliases: [],
  keywords: [],
  ...extra,
});

async function quickClip(pathname: string): Promise<Clip> {
  const page = await ext.context.newPage();
  await page.goto(server.origin + pathname);
  const tabId = await tabIdOf(ext, page);
  const outcome = await ext.worker.evaluate((id) => (globalThis as any).cairnTest.clipTab(id), tabId);
  await page.close();
  expect(outcome).toMatchObject({ ok: true });
  return (outcome as { clip: Clip }).clip;
}

describe('organize the taxonomy in the real browser', () => {
  it('files by a team rule, then moves and merges a category with its clips', async () => {
    const starter = await send<Category[]>('taxonomy:get', undefined);
    const host = new URL(server.origin).hostname;
    // A team rule on a new category: pages of the fixture server go there, tagged "fixture".
    const taxonomy = [
      ...starter,
      node('e2e-projects', 'Projects', '项目', null, { rules: [{ site: host, keywords: ['Minecraft'], tags: ['fixture'] }] }),
      node('e2e-archive', 'Archive', '归档'),
      node('e2e-reading', 'Reading', '阅读'),
    ];
    await send('taxonomy:save', { categories: taxonomy });

    const clip = await quickClip('/pages/ars-1/');
    expect(clip.categoryId, 'the rule filed it').toBe('e2e-projects');

    // Move "Projects" under "Archive": the clip stays filed under it (same id).
    const moved = await send<{ clipsChanged: number }>('taxonomy:move', { id: 'e2e-projects', parentId: 'e2e-archive' });
    expect(moved.clipsChanged).toBe(0);
    const afterMove = await send<Category[]>('taxonomy:get', undefined);
    expect(afterMove.find((c) => c.id === 'e2e-projects')?.parentId).toBe('e2e-archive');
    expect((await send<Clip[]>('clip:list', { categoryId: 'e2e-projects' })).map((c) => c.id)).toEqual([clip.id]);

    // Rename it: still filed.
    await send('taxonomy:save', { categories: afterMove.map((c) => (c.id === 'e2e-projects' ? { ...c, name: { en: 'Side projects', zh: '副项目' } } : c)) });
    expect((await send<Clip[]>('clip:list', { categoryId: 'e2e-projects' })).map((c) => c.id)).toEqual([clip.id]);

    // Merge "Projects" into "Reading": the clip moves along, the node is gone, its names become aliases.
    const merged = await send<{ clipsChanged: number }>('taxonomy:merge', { fromId: 'e2e-projects', intoId: 'e2e-reading' });
    expect(merged.clipsChanged).toBe(1);
    const all = await send<Clip[]>('clip:list', {});
    expect(all.find((c) => c.id === clip.id)?.categoryId).toBe('e2e-reading');
    const afterMerge = await send<Category[]>('taxonomy:get', undefined);
    expect(afterMerge.some((c) => c.id === 'e2e-projects')).toBe(false);
    expect(afterMerge.find((c) => c.id === 'e2e-reading')?.aliases).toEqual(expect.arrayContaining(['Side projects', '副项目']));
    // The rule moved with the merge: the next capture of a matching page files under the survivor.
    expect(afterMerge.find((c) => c.id === 'e2e-reading')?.rules?.[0]?.site).toBe(host);

    // Tags can be renamed across clips.
    await send('clip:update', { id: clip.id, patch: { tags: ['fixture', 'security'] } });
    const renamed = await send<{ clipsChanged: number }>('tags:rename', { from: 'fixture', to: 'test page' });
    expect(renamed.clipsChanged).toBe(1);
    const tagged = (await send<Clip[]>('clip:list', {})).find((c) => c.id === clip.id)!;
    expect(tagged.tags).toEqual(['test page', 'security']);
    expect(tagged.categoryId).toBe('e2e-reading');
  });

  it('merges categories from Settings → Organize and adds a team rule there', async () => {
    await send('taxonomy:save', { categories: [...(await send<Category[]>('taxonomy:get', undefined)), node('e2e-inbox', 'Inbox', '收件箱')] });
    const clip = (await send<Clip[]>('clip:list', {}))[0]!;
    await send('clip:update', { id: clip.id, patch: { categoryId: 'e2e-inbox' } });
    await panel.reload();
    await panel.getByTestId('tab-settings').click();
    await panel.getByTestId('merge-from').selectOption('e2e-inbox');
    await panel.getByTestId('merge-into').selectOption('e2e-archive');
    await panel.getByTestId('merge-go').click();
    await expect.poll(async () => (await send<Category[]>('taxonomy:get', undefined)).some((c) => c.id === 'e2e-inbox')).toBe(false);
    expect((await send<Clip[]>('clip:list', { categoryId: 'e2e-archive' })).map((c) => c.id)).toContain(clip.id);

    await panel.getByTestId('rule-site').fill('docs.example.org');
    await panel.getByTestId('rule-category').selectOption('e2e-archive');
    await panel.getByTestId('rule-add').click();
    await expect.poll(async () => (await send<Category[]>('taxonomy:get', undefined)).find((c) => c.id === 'e2e-archive')?.rules).toEqual([{ site: 'docs.example.org' }]);
    await expect.poll(() => panel.getByTestId('rule-item').count()).toBeGreaterThan(0);
  });
});
