import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/dom';
import { checkFile } from '../../cli/check';
import { canonicalUrl } from '../../lib/core/canonical-url';
import { checkPage } from '../../lib/core/check-page';
import { launchExtension, type Harness } from './harness';
import { FIXTURES_DIR } from './server';

/**
 * The CLI and the extension agree (issue 8, "done when"): every report fixture is served as a gov.cn page,
 * the extension scans and auto-saves it, and the record it stored carries the same id, url, status, format,
 * agency, year, tables, values and check verdicts as the CLI's line for the same file. A few pages are also
 * served under other addresses with their canonical link removed, made relative or replaced by og:url, so
 * the one canonical-URL rule (lib/core/canonical-url.ts) is exercised on both sides.
 */

type Line = Record<string, any>;

const REPORTS = join(FIXTURES_DIR, 'reports');
const reportNames = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();
const hostFor = (name: string) => `www.${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.gov.cn`;
const CANONICAL = /<link rel="canonical"[^>]*>/;

/** The same page under another address, its canonical link rewritten: what the address must come out as. */
interface Variant {
  name: string;
  base: string;
  address: string;
  make: (html: string) => string;
  wantUrl: string;
}
const VARIANTS: Variant[] = [
  {
    name: 'no canonical link, a query and a fragment in the address',
    base: 'lingchuan-2020',
    address: 'http://www.agree-a.gov.cn/zfxxgk/nb/t1.shtml?id=7#top',
    make: (html) => html.replace(CANONICAL, ''),
    wantUrl: 'http://www.agree-a.gov.cn/zfxxgk/nb/t1.shtml?id=7',
  },
  {
    name: 'a relative canonical link with a fragment',
    base: 'zhxz-wjj-2021-trad',
    address: 'http://www.agree-b.gov.cn/index.html?from=list',
    make: (html) => html.replace(CANONICAL, '<link rel="Canonical" href="/gkmlpt/content/9/post_9.html#c">'),
    wantUrl: 'http://www.agree-b.gov.cn/gkmlpt/content/9/post_9.html',
  },
  {
    name: 'og:url instead of a canonical link, the directory address without a file name',
    base: 'langao-xzsp-2021',
    address: 'http://www.agree-c.gov.cn/xxgk/nb/',
    make: (html) => html.replace(CANONICAL, '<meta property="og:url" content="http://www.agree-c.gov.cn/xxgk/nb/">'),
    wantUrl: 'http://www.agree-c.gov.cn/xxgk/nb/',
  },
];

let h: Harness;
before(async () => {
  h = await launchExtension();
});
after(async () => {
  await h?.close();
});

/**
 * every stored record (read in the service worker, the extension's origin), by id. The read never creates
 * the database (an upgrade it did not ask for is aborted) and closes its connection, so it never blocks
 * the extension's own Dexie open or upgrade.
 */
async function savedRecords(): Promise<Map<string, Line>> {
  const rows: Line[] = await h.sw.evaluate(async () => {
    const open = indexedDB.open('nianbao-lens');
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await new Promise<IDBDatabase | null>((ok) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ok(null))));
    if (!db) return [];
    try {
      if (!db.objectStoreNames.contains('reports')) return [];
      const req = db.transaction('reports').objectStore('reports').getAll();
      return await new Promise<any[]>((ok, ko) => ((req.onsuccess = () => ok(req.result)), (req.onerror = ko)));
    } finally {
      db.close();
    }
  });
  return new Map(rows.map((r) => [r.id as string, r]));
}

/**
 * waits until `n` records not among `before` are stored (auto-save is on by default) and returns them in
 * the CLI's order (by url), so a disagreement shows as a diff of the two records rather than a timeout
 */
async function newlySaved(before: Set<string>, n: number, timeoutMs = 10_000): Promise<Line[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const fresh = [...(await savedRecords()).values()].filter((r) => !before.has(r.id));
    if (fresh.length >= n || Date.now() > until) return fresh.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    await new Promise((r) => setTimeout(r, 100));
  }
}
const byUrl = (lines: Line[]) => [...lines].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

/** the CLI's lines for one file (one per report on the page; a non-report line has isReport false) */
async function cliLines(file: string): Promise<Line[]> {
  const lines = ([] as Line[]).concat(await checkFile(file));
  for (const l of lines) assert.equal(l.error, undefined, `the CLI could not read ${file}`);
  return lines.filter((l) => l.isReport);
}

/** what both sides must agree on */
function comparable(r: Line) {
  return {
    id: r.id,
    url: r.url,
    frameUrl: r.frameUrl,
    source: r.source,
    status: r.status,
    format: r.format,
    agency: r.agency,
    year: r.year,
    tables: r.tables,
    values: r.values,
    checks: (r.checks as Line[]).map((c) => `${c.id} ${c.status} ${c.lhs} ${c.rhs}`).sort(),
    title: r.title,
    cells: r.cells,
    unmapped: r.unmapped,
    problems: r.problems,
    notes: r.notes,
    contentHash: r.contentHash,
    extractorVersion: r.extractorVersion,
  };
}

describe('the CLI and the extension give the same records', () => {
  for (const name of reportNames) {
    test(name, async () => {
      const cli = await cliLines(join(REPORTS, `${name}.html`));
      assert.ok(cli.length >= 1, 'the CLI reads a report');
      const before = new Set((await savedRecords()).keys());
      const page = await h.open(`reports/${name}.html`, hostFor(name));
      const saved = await newlySaved(before, cli.length);
      await page.close();
      assert.deepEqual(saved.map(comparable), byUrl(cli).map(comparable));
    });
  }

  for (const v of VARIANTS) {
    test(`${v.base} under another address: ${v.name}`, async () => {
      const html = v.make(readFileSync(join(REPORTS, `${v.base}.html`), 'utf8'));
      assert.notEqual(html, readFileSync(join(REPORTS, `${v.base}.html`), 'utf8'), 'the variant changed the page');
      const doc = parseHtml(html);
      const cli = checkPage(doc, canonicalUrl(doc, v.address)).outcome as Line;
      assert.equal(cli.isReport, true);
      assert.equal(cli.url, v.wantUrl, 'the CLI core resolves the address');

      const before = new Set((await savedRecords()).keys());
      const page = await h.context.newPage();
      const target = v.address.replace(/#.*/, '');
      await page.route(
        (u) => u.href === target,
        (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await page.goto(v.address, { waitUntil: 'load' });
      const saved = await newlySaved(before, 1);
      await page.close();
      assert.deepEqual(saved.map(comparable), [comparable(cli)]);
    });
  }

  test('nothing else was saved', async () => {
    const saved = await savedRecords();
    const expected = new Set<string>();
    for (const name of reportNames) for (const l of await cliLines(join(REPORTS, `${name}.html`))) expected.add(l.id);
    for (const v of VARIANTS) {
      const doc = parseHtml(v.make(readFileSync(join(REPORTS, `${v.base}.html`), 'utf8')));
      expected.add((checkPage(doc, canonicalUrl(doc, v.address)).outcome as Line).id);
    }
    assert.deepEqual([...saved.keys()].sort(), [...expected].sort());
  });
});
