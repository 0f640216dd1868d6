/** The real team server as a child process (`node bin/cairn.js serve`), killable and restartable. */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cairn = path.join(repoRoot, 'bin/cairn.js');
const env = () => {
  const e = { ...process.env };
  delete e.DATABASE_URL;
  return e;
};

/** `cairn team create NAME --data DIR --json`. */
export function createTeamCli(dataDir: string, name: string): Promise<{ team: { id: string }; owner: { token: string }; invite: { code: string } }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cairn, 'team', 'create', name, '--data', dataDir, '--json'], { cwd: repoRoot, env: env() }, (err, stdout, stderr) => {
      if (err) reject(new Error(`cairn team create failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

/** Start `cairn serve --port 0 --data DIR`; resolves with its port once it listens. */
export function startServerProcess(dataDir: string): Promise<{ port: number; url: string; child: ChildProcess; kill(): Promise<void>; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cairn, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], { cwd: repoRoot, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const end = async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    };
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        const url = m[1]!;
        resolve({ port: Number(new URL(url).port), url, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`cairn serve exited (${code}) before listening: ${err || out}`)));
  });
}
