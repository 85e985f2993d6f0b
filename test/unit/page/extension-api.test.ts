/**
 * The content script's two runtime calls on the browser's own API (no polyfill on the page): the scan goes
 * to the background and a closed background is not an error; the overlay's language from the settings.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../../lib/page/extension-api';

const sendMessage = vi.fn<(m: unknown) => Promise<unknown>>();
let stored: Record<string, unknown> = {};
const get = vi.fn(async (key: string) => (key in stored ? { [key]: stored[key] } : {}));

let api: typeof Api;
beforeAll(async () => {
  // the browser's own API, as a gov.cn page's content script sees it (the test environment's fake
  // `browser` global is replaced: the module picks `browser`, else Chromium's `chrome`)
  const own = { runtime: { sendMessage, onMessage: { addListener() {}, removeListener() {} } }, storage: { local: { get } } };
  Object.assign(globalThis, { browser: own, chrome: own });
  api = await import('../../../lib/page/extension-api');
});

describe('extension-api', () => {
  it('sends the scan to the background and resolves even when the background is gone', async () => {
    sendMessage.mockResolvedValueOnce(undefined);
    const msg = {
      type: 'scan-result' as const,
      outcome: { isReport: false as const, url: 'http://x.gov.cn/', title: '', reason: 'x' },
      scanMs: 1,
    };
    await expect(api.sendToBackground(msg)).resolves.toBeUndefined();
    expect(sendMessage).toHaveBeenLastCalledWith(msg);
    sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(api.sendToBackground(msg)).resolves.toBeUndefined();
    // an orphaned lens: Chromium throws at once
    sendMessage.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(api.sendToBackground(msg)).resolves.toBeUndefined();
  });

  it('sends the page’s reads and takes only a reply of the right shape', async () => {
    const msg = { type: 'page-read' as const, reads: [], scanMs: 1 };
    sendMessage.mockResolvedValueOnce({ records: [], sections: [], finishMs: 1 });
    await expect(api.sendReads(msg)).resolves.toEqual({ records: [], sections: [], finishMs: 1 });
    sendMessage.mockResolvedValueOnce({ records: [] });
    await expect(api.sendReads(msg)).resolves.toBeUndefined();
    sendMessage.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(api.sendReads(msg)).resolves.toBeUndefined();
    sendMessage.mockRejectedValueOnce(new Error('Message length exceeded maximum allowed length.'));
    await expect(api.sendReads(msg)).resolves.toBeUndefined();
  });

  it('reads the overlay language from the settings: English only when chosen, Chinese otherwise', async () => {
    stored = { settings: { language: 'en' } };
    expect(await api.overlayLanguage()).toBe('en');
    stored = { settings: { language: 'fr' } };
    expect(await api.overlayLanguage()).toBe('zh_CN');
    stored = {};
    expect(await api.overlayLanguage()).toBe('zh_CN');
    get.mockRejectedValueOnce(new Error('no storage'));
    expect(await api.overlayLanguage()).toBe('zh_CN');
  });
});
