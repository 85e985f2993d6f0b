import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(__dirname, '../../..');

async function check(...args: string[]): Promise<{ lines: any[]; code: number }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'cli/check.ts'), ...args], { cwd: root });
    return {
      lines: stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
      code: 0,
    };
  } catch (e: any) {
    return {
      lines: String(e.stdout)
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l: string) => JSON.parse(l)),
      code: e.code,
    };
  }
}

describe('CLI (SPEC §6)', () => {
  it('recurses into directories and prints one JSON line per HTML file; a missing file gets an error line and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(root, 'test/fixtures/reports/lingchuan-2020.html'), join(dir, 'sub/lingchuan.html'));
    writeFileSync(join(dir, 'news.html'), '<html><head><title>我市召开政务公开工作会议</title></head><body><p>新闻</p></body></html>');
    writeFileSync(join(dir, 'notes.txt'), 'not html');
    const { lines, code } = await check(dir, join(dir, 'missing.html'));
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    const [news, report, missing] = lines;
    expect(news).toMatchObject({ file: join(dir, 'news.html'), isReport: false });
    expect(report).toMatchObject({ file: join(dir, 'sub/lingchuan.html'), isReport: true, agency: '灵川县', year: 2020, status: 'errors' });
    expect(report.url).toMatch(/^http:\/\/www\.lingchuan\.gov\.cn\//);
    // the table's error, and its text's disagreement with it: "没有因政府信息公开提起行政诉讼" vs 复议后起诉 4 (SPEC §10)
    expect(report.checks.filter((c: any) => c.status === 'fail').map((c: any) => c.id)).toEqual([
      'suit.after_review.sum',
      'text.suit.total',
    ]);
    expect(missing.error).toMatch(/无法读取/);
  }, 30_000);

  it('prints one line per report of a 年报汇编, url suffixed #part-<n> from the second on', async () => {
    const { lines, code } = await check(join(root, 'test/fixtures/compilations/huibian-2020.html'));
    expect(code).toBe(0);
    const base = 'http://www.nbhb.gov.cn/zwgk/ndbg/2020/huibian.html';
    expect(lines.map((l) => [l.url, l.agency, l.status])).toEqual([
      [base, '灵川县', 'errors'],
      [`${base}#part-2`, '广元市', 'ok'],
      [`${base}#part-3`, '广元市林业局', 'ok'],
      [`${base}#part-4`, '衢州市人民政府', 'ok'],
    ]);
    expect(lines[0].checks.filter((c: any) => c.status === 'fail').map((c: any) => c.id)).toEqual([
      'suit.after_review.sum',
      'text.suit.total',
    ]);
    expect(lines[3].values['apply.result.total.total']).toBe(456);
    expect(new Set(lines.map((l) => l.id)).size).toBe(4);
  }, 30_000);

  it('reads a same-origin iframe saved beside the page as part of it: the page url, the frame in frameUrl', async () => {
    const { lines } = await check(join(root, 'test/fixtures/frames/portal.html'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      file: join(root, 'test/fixtures/frames/portal.html'),
      isReport: true,
      url: 'http://www.langao.gov.cn/xxgk/ndbg/portal.html',
      frameUrl: 'http://www.langao.gov.cn/xxgk/ndbg/report-frame.html',
      agency: '岚皋县行政审批服务局',
      year: 2021,
      format: '2021',
    });
    // a page that is a report itself and frames another: the frame's report is part 2 of the page
    const both = await check(join(root, 'test/fixtures/frames/report-with-frame.html'));
    const want = JSON.parse(readFileSync(join(root, 'test/fixtures/frames/report-with-frame.expected.json'), 'utf8')).parts;
    const page = 'http://www.langao.gov.cn/xxgk/ndbg/with-frame.html';
    expect(both.lines.map((l) => [l.url, l.frameUrl, l.title])).toEqual(want.map((p: any) => [page + p.url, p.frameUrl, p.title]));
    // without a web address the frame is named by its file, and a frame that is not on disk is skipped
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    copyFileSync(join(root, 'test/fixtures/frames/report-frame.html'), join(dir, 'inner.html'));
    writeFileSync(
      join(dir, 'top.html'),
      '<html><head><title>门户</title></head><body><iframe src="missing.html"></iframe><iframe src="inner.html"></iframe></body></html>',
    );
    const local = await check(join(dir, 'top.html'));
    expect(local.lines.map((l) => [l.url, l.frameUrl, l.isReport])).toEqual([[join(dir, 'top.html'), join(dir, 'inner.html'), true]]);
  }, 30_000);

  it('reads GBK pages by their declared charset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const html = '<html><head><meta charset="gbk"><title>某某县2021年政府信息公开工作年度报告</title></head><body></body></html>';
    // GBK bytes for the title, produced by round-tripping through a GB18030 decoder table
    const gbk = Buffer.from(encodeGbk(html));
    writeFileSync(join(dir, 'gbk.html'), gbk);
    const { lines } = await check(join(dir, 'gbk.html'));
    expect(lines[0].title ?? '').toContain('某某县2021年政府信息公开工作年度报告');
  }, 30_000);
});

/** Minimal GBK encoder for the test: builds the reverse table of the characters used. */
function encodeGbk(text: string): number[] {
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 127));
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return [...text].flatMap((c) => (c.charCodeAt(0) < 128 ? [c.charCodeAt(0)] : table.get(c)!));
}
