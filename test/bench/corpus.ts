import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readPage } from '../../cli/read-page';

/** A fixture page held in memory: the benchmark never times file I/O or charset decoding. */
export interface Page {
  name: string;
  html: string;
  /** size on disk */
  bytes: number;
  /** what the CLI would pass as the URL (the file path; canonical links are not looked up) */
  url: string;
}

export async function loadDir(dir: string): Promise<Page[]> {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => /\.html?$/i.test(f))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (f) => {
      const file = join(dir, f);
      return { name: basename(f).replace(/\.html?$/i, ''), html: await readPage(file), bytes: statSync(file).size, url: file };
    }),
  );
}

export function totalBytes(pages: readonly Page[]): number {
  return pages.reduce((s, p) => s + p.bytes, 0);
}
