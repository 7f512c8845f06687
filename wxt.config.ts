import { defineConfig } from 'wxt';

const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'; " +
  "img-src 'self' blob: data:";

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // `npm run dev` only builds and rebuilds (load .output/chrome-mv3-dev yourself): it works on a machine
  // without a display. `npm run dev:browser` also opens Chromium with the extension loaded.
  webExt: {
    disabled: process.env.JIANBAO_DEV_BROWSER !== '1',
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  // Explicit imports everywhere: the same utils/ modules also run in Node (CLI, tests, bench).
  imports: false,
  hooks: {
    // WXT makes the popup's <title> the toolbar button's tooltip; the tooltip is localised instead
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // No host permissions and no content script for all pages: the extractor is injected on demand
    // into the tab the user clicked, which `activeTab` allows.
    // Sync: `alarms` pulls on a schedule; `offscreen` gives Chromium's worker a DOM for DOMPurify.
    // Host access only for the sync server the user names, requested from their click.
    // declarativeNetRequestWithHostAccess: a session rule sets the page's Referer on the extension's
    // own image requests (image-fetch.ts); it acts only where the extension has host access anyway.
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'contextMenus',
      'unlimitedStorage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen']),
      'declarativeNetRequestWithHostAccess',
    ],
    // Asked for from the user's click, one origin at a time: "Keep images offline" (an article's
    // images live on other hosts) and sync (the server's origin only).
    // (MV2 has no optional_host_permissions: origins are optional permissions there)
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*'] }
      : { optional_host_permissions: ['*://*/*'] }),
    // drawn from public/icon.svg by `npm run icons`
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    commands: {
      'clip-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandClipPage__',
      },
    },
    // img-src: reading a clip contacts no one; its images are kept copies (blob:) or data: URLs.
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jianbao@jianbao.app',
              // data_collection_permissions (required of new add-ons) needs Firefox 140, Android 142;
              // light-dark() in the theme needs 120
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
