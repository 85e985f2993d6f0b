import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalUrl } from '../lib/core/canonical-url';
import { checkPage } from '../lib/core/check-page';
import { parseHtml } from './dom';
import { readPage } from './read-page';

/**
 * `npm run -s check -- <file|dir>...` (SPEC §6): one JSON line per HTML file, directories recursed.
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
      else if (HTML.test(e.name)) yield child;
    }
  }
}

export async function checkFile(file: string): Promise<Record<string, unknown>> {
  let html: string;
  try {
    html = await readPage(file);
  } catch (e) {
    return { file, error: `无法读取文件：${(e as Error).message}` };
  }
  try {
    const doc = parseHtml(html);
    return { file, ...checkPage(doc, canonicalUrl(doc, file)).outcome };
  } catch (e) {
    return { file, error: `无法解析页面：${(e as Error).message}` };
  }
}

async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write('usage: npm run -s check -- <file|dir>...\n  prints one JSON line per HTML file\n');
    return argv.length ? 0 : 2;
  }
  let failed = false;
  for await (const file of files(argv)) {
    const line = await checkFile(file);
    if ('error' in line) failed = true;
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  return failed ? 1 : 0;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
