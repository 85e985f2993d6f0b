import { browser } from 'wxt/browser';
import { errorWords } from '../i18n/errors';
import { settingsLanguage } from '../protocol/settings';

/** The "用年报透镜检查此页" context menu: injects the content script into any page (activeTab). */
export const CHECK_MENU_ID = 'nianbao-check';

export function createCheckMenu(): void {
  void Promise.all([settingsLanguage(), browser.contextMenus.removeAll()]).then(([lang]) =>
    browser.contextMenus.create({ id: CHECK_MENU_ID, title: errorWords(lang).checkThisPage, contexts: ['page', 'frame', 'selection'] }),
  );
}

export async function runCheckInTab(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  } catch (e) {
    console.warn('[nianbao-lens] could not check this page:', (e as Error).message);
  }
}
