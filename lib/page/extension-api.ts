/**
 * The two runtime calls the content script makes, on the browser's own API: Firefox's `browser` and
 * Chromium's MV3 `chrome` both return promises from sendMessage. The content script needs nothing
 * else, so it does without webextension-polyfill (≈10 KB of every page's bundle); the background and
 * extension pages keep it (WXT's `wxt/browser`).
 */
import type { Message, PageReadReply } from '../protocol/messages';
import type { ReportRecord } from '../core/record';

type Listener = (message: unknown) => void;
interface Runtime {
  /** undefined once the extension that injected this script is gone */
  id?: string;
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
/** The page's reports as read, for the background to finish. */
export type PageReadMessage = Extract<Message, { type: 'page-read' }>;

/**
 * Sends the page's reads to the background and resolves to the records it finished (with their report
 * tables' grids); a closed background (extension reloaded) or an odd reply is no answer, not an error.
 */
export function sendReads(message: PageReadMessage): Promise<PageReadReply | undefined> {
  return send(message).then((reply) => {
    const r = reply as Partial<PageReadReply> | null;
    return r && Array.isArray(r.records) && Array.isArray(r.sections) ? (r as PageReadReply) : undefined;
  });
}

/**
 * runtime.sendMessage, never throwing: an orphaned lens (its extension reloaded) throws synchronously in
 * Chromium, a message the browser cannot carry (over its size limit) rejects — both are no answer.
 */
function send(message: unknown): Promise<unknown> {
  try {
    return runtime.sendMessage(message).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

/**
 * Sends the page's scan to the background and resolves to the reports it completed (the checks beyond the
 * tables, SPEC §10); a closed background (extension reloaded) or an odd reply is no answer, not an error.
 */
export function sendToBackground(message: PageMessage): Promise<ReportRecord[] | undefined> {
  return send(message).then((reply) => {
    const records = (reply as { records?: unknown } | null)?.records;
    return Array.isArray(records) ? (records as ReportRecord[]) : undefined;
  });
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
