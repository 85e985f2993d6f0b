import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
// Permissions: the content script runs on *://*.gov.cn/* only (its match pattern is the only host
// access); the context menu "用年报透镜检查此页" reaches other pages through activeTab + scripting.
export default defineConfig({
  // no global webextension-polyfill: only the background imports it (see entrypoints/background.ts),
  // so every page's content script stays small
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-lens@nianbao-lens.github.io',
              strict_min_version: '115.0',
              // the extension collects and transmits nothing
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
