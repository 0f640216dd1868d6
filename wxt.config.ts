import { defineConfig } from 'wxt';

// E2E builds add host access to 127.0.0.1 only: headless Chromium cannot press the toolbar
// button that grants activeTab, so the tests stand in for that one grant. Nothing else differs.
const e2e = process.env.CAIRN_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  // Production mode either way (minified, React production build); only this flag differs.
  vite: () => ({ define: { __CAIRN_E2E__: JSON.stringify(e2e) } }),
  outDirTemplate: e2e ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage', 'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
    // "Recall on every page" asks for this at the user's request (Settings); never at install.
    // Joining a team asks for the team server's origin alone (a subset of this), also in Settings.
    // MV2 (Firefox's default build) has no optional_host_permissions: origins go in optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'quick-clip': {
        suggested_key: { default: 'Alt+Shift+S', mac: 'Alt+Shift+S' },
        description: '__MSG_commandQuickClip__',
      },
      highlight: {
        suggested_key: { default: 'Alt+Shift+H', mac: 'Alt+Shift+H' },
        description: '__MSG_commandHighlight__',
      },
    },
  }),
});
