/**
 * The two runtime calls the content script makes, on the browser's own API: Firefox's `browser` and
 * Chromium's MV3 `chrome` both return promises from sendMessage. The content script needs nothing
 * else, so it does without webextension-polyfill (≈10 KB of every page's bundle); the background and
 * extension pages keep it (WXT's `wxt/browser`).
 */
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
