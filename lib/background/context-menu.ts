import { browser } from 'wxt/browser';
import { errorWords } from '../i18n/errors';
import { settingsLanguage } from '../protocol/settings';

/** The "用年报透镜检查此页" context menu: injects the content script into any page (activeTab). */
export const CHECK_MENU_ID = 'nianbao-check';
/** "用年报透镜核验此文件" on a link to a PDF/DOCX on a gov.cn site: opens it in the viewer page (SPEC §8). */
export const CHECK_FILE_MENU_ID = 'nianbao-check-file';

/** Link targets the file menu shows on (match patterns cover the path and query: `x.pdf?id=1` too). */
export const FILE_LINK_PATTERNS = ['pdf', 'PDF', 'docx', 'DOCX', 'doc', 'DOC', 'wps'].flatMap((ext) => [
  `*://*.gov.cn/*.${ext}`,
  `*://*.gov.cn/*.${ext}?*`,
]);

export function createCheckMenu(): void {
  void Promise.all([settingsLanguage(), browser.contextMenus.removeAll()]).then(([lang]) => {
    browser.contextMenus.create({ id: CHECK_MENU_ID, title: errorWords(lang).checkThisPage, contexts: ['page', 'frame', 'selection'] });
    browser.contextMenus.create({
      id: CHECK_FILE_MENU_ID,
      title: errorWords(lang).checkThisFile,
      contexts: ['link'],
      targetUrlPatterns: FILE_LINK_PATTERNS,
    });
  });
}

export async function runCheckInTab(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/lens.js'] });
  } catch (e) {
    console.warn('[nianbao-lens] could not check this page:', (e as Error).message);
  }
}
