import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The E2E build: the production build plus host access to 127.0.0.1 (see wxt.config.ts). */
export const extensionDir = path.join(repoRoot, '.output/chrome-mv3-e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launch Debian's Chromium headless with the built extension in a fresh profile. */
export async function launchWithExtension(): Promise<LoadedExtension> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with: sudo apt-get install -y chromium ` +
        `(or set CHROMIUM_PATH to a Chromium binary).`,
    );
  }
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No E2E build at ${extensionDir}: run "npm run build:e2e" first.`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cairn-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab showing `page` (looked up by URL from the service worker). */
export async function tabIdOf(ext: LoadedExtension, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab found for ${url}`);
  return id;
}

/** Open the side panel page as a normal tab, aimed at `tabId`. */
export async function openSidePanel(ext: LoadedExtension, tabId?: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 }); // a side panel's size
  const query = tabId == null ? '' : `?tabId=${tabId}`;
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html${query}`);
  return page;
}
