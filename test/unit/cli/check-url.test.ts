/**
 * The address the CLI saves a page under (SPEC §6): the same rule as the content script's
 * (lib/core/canonical-url.ts), given the file path as the fallback.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../cli/check';

const root = join(__dirname, '../../..');
const LINGCHUAN = readFileSync(join(root, 'test/fixtures/reports/lingchuan-2020.html'), 'utf8');
const CANONICAL = /<link rel="canonical"[^>]*>/;

async function urlOf(html: string): Promise<{ file: string; url: string; id: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-url-')), 'page.html');
  writeFileSync(file, html);
  const line = ([] as Record<string, any>[]).concat(await checkFile(file))[0];
  expect(line.isReport, `a report: ${JSON.stringify(line).slice(0, 200)}`).toBe(true);
  return { file, url: line.url, id: line.id };
}

describe('the CLI keys a page by its canonical URL', () => {
  it('an absolute canonical link, its fragment dropped', async () => {
    const { url } = await urlOf(LINGCHUAN.replace(CANONICAL, '<link rel="canonical" href=" http://www.lingchuan.gov.cn/t1.shtml#a ">'));
    expect(url).toBe('http://www.lingchuan.gov.cn/t1.shtml');
  });
  it('og:url when the canonical link is relative (nothing to resolve it against in a file)', async () => {
    const html = LINGCHUAN.replace(
      CANONICAL,
      '<link rel="canonical" href="/t1.shtml"><meta property="og:url" content="https://www.lingchuan.gov.cn/og.shtml">',
    );
    expect((await urlOf(html)).url).toBe('https://www.lingchuan.gov.cn/og.shtml');
  });
  it('the file path, unchanged, without an absolute candidate; the id follows the url', async () => {
    const a = await urlOf(LINGCHUAN.replace(CANONICAL, '<link rel="canonical" href="/t1.shtml">'));
    const b = await urlOf(LINGCHUAN.replace(CANONICAL, ''));
    expect(a.url).toBe(a.file);
    expect(b.url).toBe(b.file);
    expect(a.id).not.toBe(b.id);
  });
});
