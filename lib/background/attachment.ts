import { browser } from 'wxt/browser';

/**
 * A report page without readable tables (SPEC §8): the background injects the attachment reader
 * (entrypoints/attachment.ts) into the page's top frame, next to the running lens. It is not part of the
 * content script every gov.cn page loads: only these pages get it.
 */
export const ATTACHMENT_SCRIPT = '/attachment.js';

export async function readAttachmentInTab(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [ATTACHMENT_SCRIPT] });
  } catch (e) {
    console.warn('[nianbao-lens] could not look for the attachment:', (e as Error).message);
  }
}
