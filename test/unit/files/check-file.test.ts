import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { readers } from '../../../cli/file-readers';
import { checkFileBytes } from '../../../lib/files/check-file';
import { fileNameOf, fileUrlKind } from '../../../lib/files/file-address';
import { browserReaders, PDF_ASSET_PATHS, pdfAssets } from '../../../lib/files/browser-readers';
import { FILE_NOTES } from '../../../lib/files/file-outcome';

const FILES = join(__dirname, '..', '..', 'fixtures', 'files');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FILES, name)));

describe('checkFileBytes: a report file, end to end (SPEC §8)', () => {
  it('an attachment: the records keep the page’s address, name the file in source, and carry the reader’s notes', async () => {
    const page = 'http://www.langao.gov.cn/xxgk/nb/t20220120.html';
    const file = 'http://www.langao.gov.cn/u/P0202201.docx';
    const read = await checkFileBytes(bytesOf('langao-xzsp-2021.docx'), {
      name: 'P0202201.docx',
      url: page,
      fileUrl: file,
      page: { title: '岚皋县行政审批服务局2021年政府信息公开工作年度报告', agency: '岚皋县行政审批服务局', year: 2021 },
      parse: parseHtml,
      readers,
    });
    expect(read.kind).toBe('docx');
    const [r] = read.outcomes;
    expect(r).toMatchObject({
      isReport: true,
      url: page,
      source: { kind: 'docx', url: file },
      agency: '岚皋县行政审批服务局',
      year: 2021,
      status: 'ok',
    });
    // the same values as the file read on its own (the CLI's record of the file)
    const alone = await checkFileBytes(bytesOf('langao-xzsp-2021.docx'), { name: 'a.docx', url: file, parse: parseHtml, readers });
    expect(r.isReport && alone.outcomes[0].isReport && r.values).toEqual(alone.outcomes[0].isReport && alone.outcomes[0].values);
  });

  it('a file with no text (a picture of the tables) gives no numbers and a note; the page names it', async () => {
    const read = await checkFileBytes(bytesOf('table-image.pdf'), {
      name: 'scan.pdf',
      url: 'http://www.lingchuan.gov.cn/a.html',
      page: { title: '灵川县2020年政府信息公开工作年度报告', agency: '灵川县', year: 2020 },
      parse: parseHtml,
      readers,
    });
    expect(read.html).toBeNull();
    expect(read.notes.join()).toMatch(/没有可提取的文字/);
    for (const o of read.outcomes) if (o.isReport) expect(Object.values(o.values).filter((v) => v !== null)).toEqual([]);
  });

  it('bytes that are no PDF or DOCX: no reader runs, the note says what it is', async () => {
    const read = await checkFileBytes(new TextEncoder().encode('<html><body>登录</body></html>'), {
      name: 'download',
      url: 'http://a.gov.cn/download',
      parse: parseHtml,
      readers,
    });
    expect(read).toMatchObject({ kind: null, html: null, notes: [FILE_NOTES.notAFile] });
    expect(read.outcomes[0].isReport).toBe(false);
  });
});

describe('file-address', () => {
  it('names a file from its address, decoded', () => {
    expect(fileNameOf('http://a.gov.cn/u/%E5%B9%B4%E6%8A%A5.pdf?x=1#p')).toBe('年报.pdf');
    expect(fileNameOf('C:\\reports\\a.docx')).toBe('a.docx');
    expect(fileNameOf('http://a.gov.cn/u/%E5%zz.pdf')).toBe('%E5%zz.pdf');
  });

  it('the kind of file a gov.cn address names; other hosts and schemes are not offered', () => {
    expect(fileUrlKind('http://www.a.gov.cn/u/2020.PDF')).toBe('pdf');
    expect(fileUrlKind('https://a.gov.cn/u/x.docx?v=2')).toBe('docx');
    expect(fileUrlKind('http://a.gov.cn/down.jsp?filename=x.wps')).toBe('doc');
    expect(fileUrlKind('http://a.gov.cn/u/x.html')).toBeNull();
    expect(fileUrlKind('http://example.com/x.pdf')).toBeNull();
    expect(fileUrlKind('file:///x.pdf')).toBeNull();
    expect(fileUrlKind(undefined)).toBeNull();
    expect(fileUrlKind('not a url')).toBeNull();
  });
});

describe('browserReaders', () => {
  it('maps the packaged pdf.js assets under the extension’s root', () => {
    const assets = pdfAssets((p) => `chrome-extension://id${p}`);
    expect(assets).toEqual({
      workerSrc: `chrome-extension://id${PDF_ASSET_PATHS.workerSrc}`,
      cMapUrl: 'chrome-extension://id/pdfjs/cmaps/',
      standardFontDataUrl: 'chrome-extension://id/pdfjs/standard_fonts/',
    });
  });

  it('reads DOCX and .doc with the same readers as the CLI, loaded on first use', async () => {
    const r = browserReaders(pdfAssets((p) => p));
    const docx = await r.docx!(bytesOf('lingchuan-2020.docx'), 'lingchuan-2020.docx');
    expect(docx.kind).toBe('docx');
    expect(docx.html).toMatch(/<table/);
    const doc = await r.doc!(bytesOf('灵川县2020年政府信息公开工作年度报告.doc'), 'x.doc');
    expect(doc).toMatchObject({ kind: 'doc' });
  });
});
