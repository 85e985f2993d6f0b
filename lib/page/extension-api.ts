/**
 * The two runtime calls the content script makes, on the browser's own API: Firefox's `browser` and
 * Chromium's MV3 `chrome` both return promises from sendMessage. The content script needs nothing
 * else, so it does without webextension-polyfill (≈10 KB of every page's bundle); the background and
 * extension pages keep it (WXT's `wxt/browser`).
 */
import type { Message } from '../protocol/messages';

type Listener = (message: unknown) => void;
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
}
interface LocalStorage {
  get(key: string): Promise<Record<string, unknown>>;
}

const g = globalThis as {
  browser?: { runtime?: Runtime; storage?: { local?: LocalStorage } };
  chrome?: { runtime?: Runtime; storage?: { local?: LocalStorage } };
};
const api = g.browser?.runtime ? g.browser : g.chrome;

export const runtime: Runtime = api!.runtime!;

/** What the page may tell the background: its scan (the protocol's type only — no zod, no bytes on the page). */
export type PageMessage = Extract<Message, { type: 'scan-result' }>;

/** Sends the page's scan to the background; a closed background (extension reloaded) is not an error. */
export function sendToBackground(message: PageMessage): Promise<void> {
  return runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The overlay's language from the saved settings (lib/settings.ts keeps them under `settings`); Chinese
 * unless English was chosen. Read without zod: only one field is looked at, and anything odd is Chinese.
 */
export async function overlayLanguage(): Promise<'zh_CN' | 'en'> {
  try {
    const got = await api?.storage?.local?.get('settings');
    return (got?.settings as { language?: unknown } | undefined)?.language === 'en' ? 'en' : 'zh_CN';
  } catch {
    return 'zh_CN';
  }
}
