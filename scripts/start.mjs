// `npm start`: Cairn's main job on embedded defaults — build the extension, then run a team server on a
// local SQLite file in ./data, creating a first team (and saying how to connect) on the first start.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(process.env.CAIRN_DATA ?? path.join(root, 'data'));
const port = process.env.PORT ?? '8787';
const cairn = path.join(root, 'bin/cairn.js');

execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
console.log(`
Cairn is built. Load it in Chrome or Edge: chrome://extensions → Developer mode → Load unpacked →
  ${path.join(root, '.output/chrome-mv3')}
(Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → .output/firefox-mv2/manifest.json)
`);

const firstStart = !process.env.DATABASE_URL && !existsSync(path.join(dataDir, 'cairn.sqlite'));
if (firstStart) {
  mkdirSync(dataDir, { recursive: true });
  const out = execFileSync('node', [cairn, 'team', 'create', 'My team', '--data', dataDir, '--json'], { cwd: root });
  const created = JSON.parse(out.toString());
  // Kept beside the database (which the owner already controls) so the codes can be found again.
  writeFileSync(path.join(dataDir, 'first-team.json'), JSON.stringify(created, null, 2) + '\n', { mode: 0o600 });
  console.log(`First start: created the team "${created.team.name}".
  Connect the extension: Cairn side panel → Settings → Team →
    endpoint  http://127.0.0.1:${port}
    invite    ${created.invite.code}
  Owner token (for the API and the CLI; shown once, also saved in ${path.join(dataDir, 'first-team.json')}):
    ${created.owner.token}
`);
}

const server = spawn('node', [cairn, 'serve', '--data', dataDir, '--port', port], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
