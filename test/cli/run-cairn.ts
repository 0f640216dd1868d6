import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (where `bin/cairn.js` lives). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CairnRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `cairn` command (node bin/cairn.js …) asynchronously, so an in-process test server keeps serving. */
export function runCairn(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): Promise<CairnRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/cairn.js'), ...args], { cwd: options.cwd ?? REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The JSON Lines a run printed, parsed. */
export function jsonLines(run: CairnRun): Record<string, unknown>[] {
  return run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Encode text as GBK. Node decodes GBK but cannot encode it, so the table is built by decoding every
 * two-byte GBK sequence once; ASCII passes through. Characters GBK lacks become numeric character references
 * (`&#169;`), as a real GBK page would write them.
 */
export function encodeGbk(text: string): Buffer {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) bytes.push(...Buffer.from(`&#${code};`));
      else bytes.push(pair >> 8, pair & 0xff);
    }
  }
  return Buffer.from(bytes);
}

let cachedTable: Map<string, number> | null = null;
function gbkTable(): Map<string, number> {
  if (cachedTable) return cachedTable;
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, (lead << 8) | trail);
      } catch {
        // Unassigned pair.
      }
    }
  }
  return (cachedTable = table);
}
