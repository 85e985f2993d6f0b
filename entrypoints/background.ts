// The polyfill here only: in Chromium it lets a promise returned by an onMessage listener be the reply.
// The content script and extension pages use the browsers' own promise-based APIs (a smaller page bundle).
import browser from 'webextension-polyfill';
import { CHECK_FILE_MENU_ID, CHECK_MENU_ID, createCheckMenu, runCheckInTab } from '@/lib/background/context-menu';
import { viewerUrl } from '@/lib/protocol/viewer-url';
import { handleMessage } from '@/lib/background/router';
import { resumeRuns } from '@/lib/background/collector';
import { clearTabState, forgetIfLensGone } from '@/lib/background/tab-state';

// Wiring only: the logic lives in lib/router.ts, lib/saver.ts, lib/tab-state.ts.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => createCheckMenu());

  // a collection a stopped worker or the closed browser left running goes on (SPEC §9): whenever the worker
  // starts, at browser start-up, and when the collector page opens
  void resumeRuns();
  browser.runtime.onStartup.addListener(() => void resumeRuns());

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_MENU_ID && tab?.id !== undefined) void runCheckInTab(tab.id);
    if (info.menuItemId === CHECK_FILE_MENU_ID && info.linkUrl)
      void browser.tabs.create({ url: viewerUrl(info.linkUrl), ...(tab ? { index: tab.index + 1 } : {}) });
  });

  // a page finished loading in the tab: forget the old report unless a lens still runs there
  browser.tabs.onUpdated.addListener((tabId, change) => (change.status === 'complete' ? forgetIfLensGone(tabId) : undefined));

  browser.tabs.onRemoved.addListener((tabId) => clearTabState(tabId, false));
});
