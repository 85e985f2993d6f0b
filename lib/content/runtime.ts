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

const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };

export const runtime: Runtime = (g.browser?.runtime ?? g.chrome?.runtime)!;
