// `npm start`: Cairn's main job on embedded defaults — build the extension and say how to load it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
const out = path.join(root, '.output/chrome-mv3');
console.log(`
Cairn is built.

Load it in Chrome or Edge:
  1. Open chrome://extensions (edge://extensions) and turn on Developer mode.
  2. Click "Load unpacked" and choose:
       ${out}
  3. Pin Cairn and click its toolbar button on any page to clip it (Alt+Shift+S clips at once).

Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on →
  ${path.join(root, '.output/firefox-mv2/manifest.json')}
`);
