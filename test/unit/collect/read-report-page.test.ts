import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { decodePage, hasFileMagic } from '../../../lib/collect/decode-page';
import { readReportPage, withBase } from '../../../lib/collect/read-report-page';
import { fixturePage } from '../../support/fake-site';

/** A collected report page read as the lens reads it (SPEC §9), its attachment picked when the tables are a file (§8). */
const AT = 'http://www.lingchuan.gov.cn/zwgk/nb/t2021.html';

describe('readReportPage', () => {
  it('a report page: its record under the canonical address, no attachment', () => {
    const read = readReportPage(fixturePage('reports/lingchuan-2020.html'), AT, parseHtml);
    expect(read.outcomes).toHaveLength(1);
    expect(read.outcomes[0]).toMatchObject({ isReport: true, agency: '灵川县', year: 2020, status: 'errors' });
    expect(read.attachment).toBeNull();
  });

  it('a report whose tables are in its PDF: the report-named file on the page’s site, never the 解读', () => {
    const read = readReportPage(fixturePage('attachments/lingchuan-2020-pdf.html'), AT, parseHtml);
    expect(read.outcomes[0]).toMatchObject({ isReport: true, tables: 0 });
    expect(read.attachment).toEqual({
      url: 'http://www.lingchuan.gov.cn/files/lingchuan-2020.pdf',
      name: '灵川县2020年政府信息公开工作年度报告.pdf',
    });
  });

  it('an attachment on another site or a .doc: no file read, the reason kept', () => {
    const off = readReportPage(fixturePage('attachments/offsite-pdf.html'), AT, parseHtml);
    expect(off.attachment).toBeNull();
    expect(off.attachmentNote).toMatch(/不在本网站上/);
    const doc = readReportPage(fixturePage('attachments/doc-only.html'), AT, parseHtml);
    expect(doc.attachment).toBeNull();
    expect(doc.attachmentNote).toMatch(/\.docx 或 PDF/);
  });

  it('a page that is not a report: its one outcome with the reason', () => {
    const read = readReportPage(fixturePage('non-reports/news-report-published.html'), AT, parseHtml);
    expect(read.outcomes).toEqual([expect.objectContaining({ isReport: false, reason: expect.any(String) })]);
    expect(read.attachment).toBeNull();
  });

  it('links resolve against the page, not the parser: a <base> is added when the page has none', () => {
    const doc = withBase(parseHtml('<html><head></head><body><a href="x.pdf">x</a></body></html>'), AT);
    expect(doc.querySelector('base')?.getAttribute('href')).toBe(AT);
    const own = withBase(parseHtml('<html><head><base href="http://a.gov.cn/"></head><body></body></html>'), AT);
    expect(own.querySelectorAll('base')).toHaveLength(1);
  });
});

describe('decodePage', () => {
  const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
  it('by the header’s charset, then the page’s meta, else UTF-8, else GB18030', () => {
    expect(decodePage(gbk, 'text/html; charset=GBK')).toBe('年报');
    const meta = new TextEncoder().encode('<meta charset="gb2312">');
    expect(decodePage(new Uint8Array([...meta, ...gbk]), 'text/html')).toBe('<meta charset="gb2312">年报');
    expect(decodePage(new TextEncoder().encode('年报'), '')).toBe('年报');
    expect(decodePage(gbk, '')).toBe('年报');
  });
  it('tells a file from a page by its magic bytes (a PDF within its first KB, a zip, an OLE .doc)', () => {
    expect(hasFileMagic(new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(hasFileMagic(new TextEncoder().encode(`${' '.repeat(200)}%PDF-1.4`))).toBe(true);
    expect(hasFileMagic(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(true);
    expect(hasFileMagic(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
    expect(hasFileMagic(new TextEncoder().encode('<html>'))).toBe(false);
  });
});
