/** What a CLI command touches outside itself, passed in so commands can be run and tested in-process. */
export interface CliIo {
  /** Write to standard output (a whole line or document at a time). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
  /** Directory relative file paths are resolved against. */
  cwd: string;
  fetch: typeof fetch;
  /** Read all of standard input (for the `-` input). */
  readStdin(): Promise<Uint8Array>;
  now(): number;
}

/** The real process's streams, working directory, network and clock. */
export function processIo(): CliIo {
  // A reader that stops early (`cairn clip … | head`) closes the pipe: stop quietly, like other Unix tools.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    fetch: globalThis.fetch,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    now: () => Date.now(),
  };
}

/** A mistake in how the command was called: print usage and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Help for the command that was misused (defaults to the main help). */
  constructor(message: string, readonly usage?: string) {
    super(message);
  }
}

/** Exit codes: 0 all good, 1 some input failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
