import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Privacy, read from what ships: the BUILT manifests (Chrome MV3 and Firefox MV2) ask for exactly the
 * permissions the design needs — host access to *.gov.cn only, for the content script and for a report's
 * attached PDF/DOCX (SPEC §8) — expose nothing to web pages, and the bundles load no remote code; the only
 * network calls are the reviewed ones below (where they may go is tested in
 * test/unit/background/file-check.test.ts and, for every e2e page, by the harness's foreign-request check).
 * The builds are made here when missing or older than wxt.config.ts.
 */

const ROOT = join(__dirname, '..', '..', '..');
const MATCHES = ['*://*.gov.cn/*'];
const TARGETS = [
  // Chrome reads report files in an offscreen document; host access is its own key in MV3
  {
    name: 'chrome-mv3',
    args: ['wxt', 'build'],
    mv: 3,
    permissions: ['activeTab', 'contextMenus', 'offscreen', 'scripting', 'storage'],
    hosts: MATCHES,
  },
  // MV2 has host access inside `permissions`; Firefox's background page reads files itself
  {
    name: 'firefox-mv2',
    args: ['wxt', 'build', '-b', 'firefox'],
    mv: 2,
    permissions: ['*://*.gov.cn/*', 'activeTab', 'contextMenus', 'scripting', 'storage'],
    hosts: undefined,
  },
] as const;

/**
 * The reviewed network calls, by file: the polite fetcher (lib/background/polite-fetch.ts, report files from the
 * page's own gov.cn site only) in the background, and pdf.js, which loads its packaged CMaps and fonts from the
 * extension (its XMLHttpRequest/fetch stream code for URL documents is unused: the bytes are passed in).
 */
const REVIEWED: Array<{ file: RegExp; allow: string[] }> = [
  { file: /^background\.js$/, allow: ['fetch()'] },
  { file: /^chunks\/pdf-[\w-]+\.js$/, allow: ['fetch()', 'a network API'] },
];
const FIREFOX_REVIEWED = [{ file: /^background\.js$/, allow: ['fetch()', 'a network API'] }];
/** every top-level manifest key we ship; anything else (host_permissions, web_accessible_resources, …) fails */
const ALLOWED_KEYS = new Set([
  'manifest_version',
  'name',
  'description',
  'version',
  'icons',
  'default_locale',
  'permissions',
  'host_permissions',
  'background',
  'action',
  'browser_action',
  'options_ui',
  'content_scripts',
  'browser_specific_settings',
]);

type Manifest = Record<string, any>;
const built: Record<string, { dir: string; manifest: Manifest }> = {};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

beforeAll(() => {
  const configTime = statSync(join(ROOT, 'wxt.config.ts')).mtimeMs;
  for (const t of TARGETS) {
    const dir = join(ROOT, '.output', t.name);
    const path = join(dir, 'manifest.json');
    if (!existsSync(path) || statSync(path).mtimeMs < configTime) {
      const r = spawnSync('npx', t.args, { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, `npx ${t.args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    built[t.name] = { dir, manifest: JSON.parse(readFileSync(path, 'utf8')) };
  }
}, 300_000);

describe.each(TARGETS)('$name manifest', ({ name, mv, permissions, hosts }) => {
  const m = () => built[name].manifest;

  it('is the expected manifest version with only known keys', () => {
    expect(m().manifest_version).toBe(mv);
    const unknown = Object.keys(m()).filter((k) => !ALLOWED_KEYS.has(k));
    expect(unknown, 'manifest keys nobody reviewed for privacy').toEqual([]);
  });

  it('asks for exactly storage, contextMenus, activeTab, scripting (+ offscreen in Chrome) — and *.gov.cn only', () => {
    expect([...m().permissions].sort()).toEqual(permissions);
    expect(m().host_permissions).toEqual(hosts);
    for (const key of ['optional_permissions', 'optional_host_permissions']) expect(m()[key], key).toBeUndefined();
  });

  it('runs its content script on *.gov.cn only, and exposes nothing to pages', () => {
    expect(m().content_scripts).toHaveLength(1);
    const [cs] = m().content_scripts;
    expect(cs.matches).toEqual(MATCHES);
    expect(cs.exclude_matches ?? []).toEqual([]);
    expect(cs.js.every((f: string) => !/^[a-z]+:/i.test(f))).toBe(true);
    for (const key of ['web_accessible_resources', 'externally_connectable', 'content_security_policy', 'update_url'])
      expect(m()[key], key).toBeUndefined();
  });

  it('loads no remote code and opens no network channel', () => {
    const { dir } = built[name];
    const problems: string[] = [];
    for (const file of files(dir)) {
      const rel = relative(dir, file);
      if (rel.endsWith('.html')) {
        for (const [, url] of readFileSync(file, 'utf8').matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) {
          if (/^(?:[a-z]+:)?\/\//i.test(url)) problems.push(`${rel}: loads ${url}`);
        }
      }
      if (!rel.endsWith('.js')) continue;
      const js = readFileSync(file, 'utf8');
      const banned: [RegExp, string][] = [
        [/\bimportScripts\s*\(/, 'importScripts'],
        [/\bimport\s*\(\s*['"`]https?:/, 'import() of a URL'],
        [/\beval\s*\(/, 'eval'],
        [/\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b/, 'a network API'],
        [/\.src\s*=\s*['"`]https?:/, 'a remote src'],
      ];
      const allowed = new Set(
        (name === 'firefox-mv2' ? FIREFOX_REVIEWED : REVIEWED).filter((r) => r.file.test(rel)).flatMap((r) => r.allow),
      );
      for (const [re, what] of banned) if (re.test(js) && !allowed.has(what)) problems.push(`${rel}: ${what}`);
      // otherwise the one fetch allowed is Vite's modulepreload polyfill, which fetches the extension's own chunks
      for (const hit of js.matchAll(/\bfetch\s*\(/g)) {
        if (allowed.has('fetch()')) continue;
        if (!js.slice(Math.max(0, hit.index - 800), hit.index).includes('modulepreload')) problems.push(`${rel}: fetch() at ${hit.index}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

it('the Firefox build declares that it collects no data', () => {
  expect(built['firefox-mv2'].manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});
