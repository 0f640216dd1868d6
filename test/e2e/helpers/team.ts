import { expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, openSidePanel, type LoadedExtension } from './extension';
import { createTeamCli, startServerProcess } from '../../sync/helpers/server-process';

/** Two browser profiles with the extension and one real team server (`cairn serve` on a temp dir). */
export interface TeamWorld {
  a: LoadedExtension;
  b: LoadedExtension;
  serverUrl: string;
  invite: string;
  /** Connect a profile in Settings → Team as `name`; resolves to its side panel page. */
  connect(ext: LoadedExtension, name: string): Promise<Page>;
  close(): Promise<void>;
}

export type SyncOutcome = { sync: { status: string; pending: number; lastError: unknown } };

/** Run one sync round now in a profile's background (E2E build hook). */
export const syncNow = (ext: LoadedExtension) =>
  ext.worker.evaluate(() => (globalThis as any).cairnTest.syncNow()) as Promise<SyncOutcome>;

/** Create a team with the real CLI, start its server process and launch two profiles. */
export async function startTeamWorld(teamName: string): Promise<TeamWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cairn-team-e2e-'));
  const created = await createTeamCli(dataDir, teamName);
  const server = await startServerProcess(dataDir);
  const [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
  const invite: string = created.invite.code;
  return {
    a,
    b,
    serverUrl: server.url,
    invite,
    async connect(ext, name) {
      const panel = await openSidePanel(ext);
      await panel.getByTestId('tab-settings').click();
      await panel.getByTestId('team-endpoint').fill(server.url);
      await panel.getByTestId('team-code').fill(invite);
      await panel.getByTestId('team-name').fill(name);
      await panel.getByTestId('team-connect').click();
      await expect.poll(() => panel.getByTestId('team-connected').textContent().catch(() => ''), { timeout: 20_000 }).toContain(name);
      return panel;
    },
    async close() {
      await a.close();
      await b.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
