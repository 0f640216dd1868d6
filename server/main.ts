/** Start the team server: open (and migrate) the database, serve the app over HTTP, close cleanly on SIGINT/SIGTERM. */
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase, type ServerDatabase } from './db/open';

export interface ServeOptions {
  /** A postgres:// URL, or a SQLite file path. */
  database: string;
  port: number;
  host: string;
  log?: (message: string) => void;
}

/** A running server: its address and a way to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  database: ServerDatabase;
  close(): Promise<void>;
}

/** Where the database lives: DATABASE_URL when set, else DIR/cairn.sqlite. */
export function databaseLocation(env: NodeJS.ProcessEnv, dataDir: string): string {
  return env.DATABASE_URL?.trim() || path.join(dataDir, 'cairn.sqlite');
}

/** Open the database, migrate it and listen. Resolves once the port is bound. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const database = await openDatabase(options.database);
  const app = createApp({ db: database.db, dialect: database.dialect, log: options.log });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
