import { browser } from 'wxt/browser';

/**
 * Chrome's offscreen document (`offscreen.html`): where the background has DOM work done off the service
 * worker — report files read (SPEC §8) and collected report pages parsed (§9). Firefox has none: its
 * background page has a DOM and does the work itself.
 */

interface ChromeOffscreen {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

const offscreenApi = () => (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;

export const hasOffscreen = (): boolean => !!offscreenApi();

let creating: Promise<void> | null = null;

async function ensureOffscreen(offscreen: ChromeOffscreen): Promise<void> {
  if (await offscreen.hasDocument?.().catch(() => false)) return;
  creating ??= offscreen
    .createDocument({
      url: '/offscreen.html',
      reasons: ['WORKERS', 'DOM_PARSER'],
      justification: 'Read report PDF/DOCX files and collected report pages (pdf.js worker, DOMParser) off the service worker',
    })
    .catch((e: Error) => {
      // another call created it first
      if (!/single offscreen|already/i.test(e.message)) throw e;
    })
    .finally(() => (creating = null));
  await creating;
}

/** Sends a request to the offscreen document (created when missing); its reply, or an error after `timeoutMs`. */
export async function askOffscreen<T>(request: object, timeoutMs: number, timeoutWords: string): Promise<T> {
  const offscreen = offscreenApi();
  if (!offscreen) throw new Error('chrome.offscreen is not available');
  await ensureOffscreen(offscreen);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, ko) => {
    timer = setTimeout(() => ko(new Error(timeoutWords)), timeoutMs);
  });
  try {
    const reply = (await Promise.race([browser.runtime.sendMessage(request), timeout])) as T | { error: string } | undefined;
    if (!reply) throw new Error('文件读取页没有回应');
    if (typeof reply === 'object' && reply !== null && 'error' in reply) throw new Error((reply as { error: string }).error);
    return reply as T;
  } finally {
    clearTimeout(timer);
  }
}
