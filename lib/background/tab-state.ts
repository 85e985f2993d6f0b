import { browser } from 'wxt/browser';
import { badgeFor } from './badge';
import { TabStateSchema, type Message, type TabState } from '../protocol/messages';
import { settingsLanguage } from '../protocol/settings';

/**
 * Per-tab state, kept in storage.session (it survives the MV3 worker stopping, and is cleared when
 * the browser closes), and the toolbar badge that mirrors it.
 */

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = keyOf(tabId);
  const got = await browser.storage.session.get(key);
  const parsed = TabStateSchema.safeParse(got[key]);
  return parsed.success ? parsed.data : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  try {
    await browser.storage.session.set({ [keyOf(tabId)]: state });
  } catch (e) {
    // storage.session holds 10 MB: drop the states of tabs that are gone and try once more
    await dropClosedTabs();
    await browser.storage.session.set({ [keyOf(tabId)]: state }).catch(() => {
      console.warn('[nianbao-lens] could not keep the state of tab', tabId, (e as Error).message);
    });
  }
  await showBadge(tabId, state);
}

async function dropClosedTabs(): Promise<void> {
  const open = new Set((await browser.tabs.query({})).map((t) => keyOf(t.id ?? -1)));
  const stale = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith('tab:') && !open.has(k));
  if (stale.length) await browser.storage.session.remove(stale);
}

export async function clearTabState(tabId: number, resetBadge = true): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
  if (resetBadge) await showBadge(tabId, null);
}

/**
 * A tab finished loading (a new page, a reload, or an in-page jump — without the "tabs" permission
 * the background is not told which). If no content script answers in its top frame, the report the
 * state describes is gone: forget it. If one answers, the page is either the same document (keep)
 * or a new gov.cn page whose own scan result replaces the state.
 */
export async function forgetIfLensGone(tabId: number): Promise<void> {
  if (!(await getTabState(tabId))) return;
  try {
    await browser.tabs.sendMessage(tabId, { type: 'ping' } satisfies Message, { frameId: 0 });
  } catch {
    await clearTabState(tabId);
  }
}

async function showBadge(tabId: number, state: TabState | null): Promise<void> {
  const view = badgeFor(state?.outcome ?? null, await settingsLanguage(), state?.more);
  // MV3 `action`; Firefox's MV2 build has `browserAction`
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeText({ tabId, text: view.text });
    await action.setBadgeBackgroundColor({ tabId, color: view.color });
    await action.setTitle({ tabId, title: view.title });
  } catch {
    // the tab closed meanwhile
  }
}
