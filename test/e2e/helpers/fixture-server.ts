import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
const ownPagesDir = path.resolve(repoRoot, 'test/e2e/pages');

/** A page server on 127.0.0.1 for e2e tests; records every /beacon/* hit so tests can prove nothing loaded. */
export interface FixtureServer {
  origin: string;
  beacons: string[];
  close(): Promise<void>;
}

/**
 * Serves /pages/NAME/ (shared fixture source.html), /seed/NAME (shared seed pages),
 * /own/NAME (test/e2e/pages) and answers /beacon/* with 204 after recording it.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const beacons: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith('/beacon/')) {
        beacons.push(url.pathname + url.search);
        res.writeHead(204).end();
        return;
      }
      let file: string | null = null;
      const page = /^\/pages\/([\w.-]+)\/?$/.exec(url.pathname);
      const seed = /^\/seed\/([\w.-]+\.html)$/.exec(url.pathname);
      const own = /^\/own\/([\w.-]+\.html)$/.exec(url.pathname);
      if (page) file = path.join(fixturesDir, 'pages', page[1]!, 'source.html');
      else if (seed) file = path.join(fixturesDir, 'seed', seed[1]!);
      else if (own) file = path.join(ownPagesDir, own[1]!);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    beacons,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
