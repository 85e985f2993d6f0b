import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Real Chromium with the built extension (.output/chrome-mv3) and every *.gov.cn host mapped to the local
 * fixture server (STACK.md "Real browser"). Shared by every e2e spec and by `npm start`.
 *
 *   const h = await launchExtension();
 *   const page = await h.open('reports/x.html');          // http://www.example.gov.cn/reports/x.html
 *   await h.badgeText(await h.tabIdOf(page));
 *   await h.close();                                      // throws if a request left the fixture server
 */

// The service worker's own global, inside sw.evaluate (no @types/chrome in this project).
declare const chrome: any;

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const DEFAULT_HOST = 'www.example.gov.cn';
/** where e2e runs and `npm start` write screenshots (ignored by git; `npm run screenshots` copies the README's) */
export const SCREENSHOTS_DIR = join(ROOT, 'test-results', 'screenshots');

export interface LaunchOptions {
  /** default true; false opens a visible window (needs a DISPLAY) */
  headless?: boolean;
  /** reuse a running fixture server (it is then not closed by `close()`) */
  server?: FixtureServer;
  extensionDir?: string;
  /** the browser profile to use (a relaunch with the same profile is a browser restart); a new one when absent */
  userDataDir?: string;
  /** leave the profile on disk when closing (to relaunch with it) */
  keepProfile?: boolean;
}

export interface Harness {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  server: FixtureServer;
  /** the browser profile's directory */
  userDataDir: string;
  /** every request seen by the browser that went neither to the fixture server nor inside the browser */
  foreignRequests: string[];
  /** uncaught errors thrown in pages (content-script errors show up here too) */
  pageErrors: string[];
  /** open a fixture under a gov.cn host (default www.example.gov.cn); pass host '127.0.0.1' for the raw server */
  open(path: string, host?: string): Promise<Page>;
  /** the popup as a tab; `tabId` is passed as `?tabId=` so it reports on that tab */
  openPopup(tabId?: number): Promise<Page>;
  openOptions(): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  assertNoForeignRequests(): void;
  close(): Promise<void>;
}

export function launchArgs(extensionDir: string, port: number, headless: boolean): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP *.gov.cn 127.0.0.1:${port}`,
  ];
}

/** A request stays "inside" when it goes to the fixture server (directly or as a gov.cn host) or the browser. */
export function isInside(url: string, port: number): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return true;
  if (u.protocol !== 'http:') return false;
  if (u.hostname === '127.0.0.1') return u.port === String(port);
  return (u.hostname === 'gov.cn' || u.hostname.endsWith('.gov.cn')) && u.port === '';
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Harness> {
  const headless = opts.headless ?? true;
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const server = opts.server ?? (await startFixtureServer());
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'nianbao-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: launchArgs(extensionDir, server.port, headless),
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (req) => {
    if (!isInside(req.url(), server.port)) foreignRequests.push(req.url());
  });
  const watch = (p: Page) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);

  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const id = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error(`no tab id for ${page.url()}`);
    return id;
  };

  const harness: Harness = {
    context,
    sw,
    extensionId,
    server,
    userDataDir,
    foreignRequests,
    pageErrors,
    async open(path, host = DEFAULT_HOST) {
      const page = await context.newPage();
      const url = host === '127.0.0.1' ? server.url(path) : server.url(path, host);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      const q = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${q}`);
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    },
    tabIdOf,
    badgeText: (tabId) => sw.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tabId),
    assertNoForeignRequests() {
      if (foreignRequests.length) throw new Error(`requests left the fixture server:\n${foreignRequests.join('\n')}`);
    },
    /** closes everything, then fails (throws) if any request left the fixture server: every spec's `after` asserts privacy */
    async close() {
      await context.close().catch(() => {});
      if (!opts.server) await server.close();
      if (!opts.keepProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      harness.assertNoForeignRequests();
    },
  };
  return harness;
}
