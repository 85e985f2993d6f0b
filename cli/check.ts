import { readdir, stat } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { canonicalUrl } from '../lib/core/canonical-url';
import { checkReports } from '../lib/core/check-page';
import type { ReportRecord } from '../lib/core/record';
import { withCrossYears } from '../lib/core/year-set';
import { parseHtml } from './dom';
import { DOCUMENT_FILE, checkDocument } from './file-readers';
import { readPage } from './read-page';

/**
 * `npm run -s check -- <file|dir>...` (SPEC §6): one JSON line per report (per HTML file when it holds none),
 * directories recursed. Report files (`.docx`, `.doc`/`.wps`, `.pdf`, SPEC §8) are read by `./file-readers`.
 * A file that cannot be read gets a line with `error` and the run goes on; the exit code is 1 when
 * any file could not be read, 2 on bad usage, 0 otherwise.
 */

const HTML = /\.(html?|xhtml|shtml)$/i;

async function* files(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      yield p; // reported as unreadable below
      continue;
    }
    if (!info.isDirectory()) {
      yield p;
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const child = join(p, e.name);
      if (e.isDirectory()) yield* files([child]);
      else if (HTML.test(e.name) || DOCUMENT_FILE.test(e.name)) yield child;
    }
  }
}

/**
 * The lines for one HTML file: one per report on the page (a 年报汇编 gives several, SPEC §5), including the
 * reports of its same-origin frames whose files sit beside it (`<iframe src="report.html">`): those keep the
 * page's `url` and name the frame in `frameUrl`. A page with no report gives one line with `isReport: false`.
 */
export async function checkFile(file: string): Promise<Array<Record<string, unknown>>> {
  if (DOCUMENT_FILE.test(file)) return checkDocument(file);
  let html: string;
  try {
    html = await readPage(file);
  } catch (e) {
    return [{ file, error: `无法读取文件：${(e as Error).message}` }];
  }
  try {
    const doc = parseHtml(html);
    const url = canonicalUrl(doc, file);
    const results = checkReports(doc, url);
    const reports = results.filter((r) => r.outcome.isReport).map((r) => r.outcome);
    for (const frame of await sameOriginFrames(doc, file, url)) {
      const frameDoc = parseHtml(frame.html);
      const more = checkReports(frameDoc, url, { frameUrl: frame.url, firstPart: reports.length + 1 });
      for (const r of more) if (r.outcome.isReport) reports.push(r.outcome);
    }
    return (reports.length ? reports : [results[0].outcome]).map((o) => ({ file, ...o }));
  } catch (e) {
    return [{ file, error: `无法解析页面：${(e as Error).message}` }];
  }
}

/**
 * The page's frames that are saved beside it: a relative `src` (or one on the page's own origin) whose file
 * exists on disk. `url` is the frame's address resolved against the page's URL (its file path when the page
 * has no web address).
 */
async function sameOriginFrames(doc: Document, file: string, url: string): Promise<Array<{ url: string; html: string }>> {
  const out: Array<{ url: string; html: string }> = [];
  const web = /^https?:\/\//i.test(url) ? new URL(url) : null;
  for (const el of Array.from(doc.querySelectorAll('iframe[src], frame[src]'))) {
    const src = (el.getAttribute('src') ?? '').trim();
    if (!src || /^(?:javascript|data|about):/i.test(src)) continue;
    let path: string;
    let address: string;
    if (web) {
      const u = new URL(src, web);
      if (u.origin !== web.origin) continue; // cross-origin: the browser would not let us read it either
      address = u.href;
      path = relativePath(web.pathname, u.pathname);
    } else {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) continue;
      path = src.replace(/[?#].*$/, '');
      address = join(dirname(file), path);
    }
    const onDisk = join(dirname(file), decodeURIComponent(path));
    try {
      out.push({ url: address, html: await readPage(onDisk) });
    } catch {
      // not saved beside the page: nothing to read
    }
  }
  return out;
}

/** `to` relative to the folder of `from` (both URL paths), as the file layout of a saved page mirrors it. */
function relativePath(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to) || posix.basename(to);
}

/** The lines with `xyear.*` checks among the reports they hold (other lines as they are). */
export function withYearPairs(lines: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const at = lines.flatMap((l, i) => (l.isReport === true ? [i] : []));
  const paired = withCrossYears(at.map((i) => lines[i] as unknown as ReportRecord));
  const out = [...lines];
  at.forEach((i, n) => (out[i] = paired[n] as unknown as Record<string, unknown>));
  return out;
}

async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(
      'usage: npm run -s check -- <file|dir>...\n  prints one JSON line per report (HTML pages, .docx; .doc/.wps and .pdf say why they are not read)\n',
    );
    return argv.length ? 0 : 2;
  }
  let failed = false;
  const lines: Array<Record<string, unknown>> = [];
  for await (const file of files(argv)) {
    for (const line of await checkFile(file)) {
      if ('error' in line) failed = true;
      lines.push(line);
    }
  }
  // the files given are the history the cross-year checks read (SPEC §10): printed once all are read
  for (const line of withYearPairs(lines)) process.stdout.write(JSON.stringify(line) + '\n');
  return failed ? 1 : 0;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
