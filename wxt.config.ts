import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** pdf.js's worker, CJK CMaps and standard fonts, packaged (no remote code; lib/files/browser-readers.ts) */
const PDFJS = resolve('node_modules/pdfjs-dist');
const pdfjsAssets = () => [
  { absoluteSrc: resolve(PDFJS, 'legacy/build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
  ...['cmaps', 'standard_fonts'].flatMap((dir) =>
    readdirSync(resolve(PDFJS, dir))
      .filter((f) => !/^LICENSE/i.test(f))
      .map((f) => ({ absoluteSrc: resolve(PDFJS, dir, f), relativeDest: `pdfjs/${dir}/${f}` })),
  ),
];

// See https://wxt.dev/api/config.html
// Permissions: the content script runs on *://*.gov.cn/* only; host access to *.gov.cn lets the background
// read a report's attached PDF/DOCX from the page's own site and inject the attachment reader (SPEC §8);
// the context menu "用年报透镜检查此页" reaches other pages through activeTab + scripting. `offscreen`: Chrome
// reads files in an offscreen document (Firefox's background page has a DOM of its own).
export default defineConfig({
  // no global webextension-polyfill: only the background imports it (see entrypoints/background.ts),
  // so every page's content script stays small
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['*://*.gov.cn/*'],
    // the lens (entrypoints/lens): an unlisted script declared here, so no WXT content-script runtime ships
    // with it; frames too: a cross-origin frame (a 信息公开 platform on another gov.cn host) is a page of its own
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['lens.js'], run_at: 'document_idle', all_frames: true }],
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
