/**
 * The CLI on report files (SPEC §6, §8; issue 10): `.docx` gives the same record line as the HTML page it was
 * written from, with `url` = the file and `source: {kind: 'docx'}`, a `.pdf` likewise (`kind: 'pdf'`); `.doc`/`.wps`,
 * corrupt PDFs and corrupt or non-Word zips give a line that says why nothing was read.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../cli/check';
import { readers } from '../../../cli/file-readers';
import { FILE_NOTES, htmlDocument } from '../../../lib/files/file-outcome';

const root = join(__dirname, '../../..');
const FILES = join(root, 'test/fixtures/files');
const DOC = '灵川县2020年政府信息公开工作年度报告.doc';
const sourceOf = (lines: Array<Record<string, any>>) => lines[0].source;
const lineOf = async (file: string) => (await checkFile(file)) as Array<Record<string, any>>;

describe('CLI: report files', () => {
  it('a directory of files: one line each, docx read like its HTML page, the others explained; exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FILES, 'lingchuan-2020.docx'), join(dir, 'sub/附件1.docx'));
    copyFileSync(join(FILES, DOC), join(dir, 'old.wps'));
    copyFileSync(join(root, 'test/fixtures/reports/lingchuan-2020.html'), join(dir, 'page.html'));
    copyFileSync(join(FILES, 'lingchuan-2020.pdf'), join(dir, 'report.pdf'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(dir, 'table.xlsx'), 'PK');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'cli/check.ts'), dir], { cwd: root });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file.slice(dir.length + 1), l.isReport])).toEqual([
      ['broken.pdf', false],
      ['old.wps', false],
      ['page.html', true],
      ['report.pdf', true],
      ['sub/附件1.docx', true],
    ]);
    const [broken, wps, page, pdf, docx] = lines;
    expect(wps.notes).toEqual([FILE_NOTES.doc]);
    expect(wps.reason).toBe(FILE_NOTES.doc);
    expect(broken.isReport).toBe(false);
    expect(broken.reason).toMatch(/^PDF 文件已损坏/);
    expect(broken.values).toBeUndefined();
    // the PDF printed from the page: the same values and verdicts, read from the file
    expect(pdf).toMatchObject({ url: join(dir, 'report.pdf'), source: { kind: 'pdf', url: join(dir, 'report.pdf') } });
    for (const k of ['agency', 'year', 'format', 'status', 'values']) expect(pdf[k], `pdf ${k}`).toEqual(page[k]);
    expect(page.source).toEqual({ kind: 'html', url: page.url });
    expect(docx).toMatchObject({ url: join(dir, 'sub/附件1.docx'), source: { kind: 'docx', url: join(dir, 'sub/附件1.docx') } });
    for (const k of ['title', 'agency', 'year', 'format', 'status', 'tables', 'values', 'contentHash']) expect(docx[k], k).toEqual(page[k]);
    // the same checks, but for the publication date: a file alone has no byline (its page's is carried over in the extension)
    const notMeta = (checks: any[]) => checks.filter((c) => !c.id.startsWith('meta.'));
    expect(notMeta(docx.checks)).toEqual(notMeta(page.checks));
    expect(docx.checks.find((c: any) => c.id === 'meta.deadline')).toMatchObject({ status: 'skip' });
    expect(docx.checks.filter((c: any) => c.status === 'fail').map((c: any) => c.id)).toEqual(['suit.after_review.sum', 'text.suit.total']);
    expect(docx.id).not.toBe(page.id); // another address, another record
  }, 30_000);

  it('each DOCX fixture gives the values of its HTML fixture', async () => {
    for (const slug of ['langao-xzsp-2021', 'hanyin-zrzyj-2022-word']) {
      const [docx] = await lineOf(join(FILES, `${slug}.docx`));
      const [html] = await lineOf(join(root, `test/fixtures/reports/${slug}.html`));
      expect(docx.isReport).toBe(true);
      expect([docx.agency, docx.year, docx.format, docx.status, docx.values]).toEqual([
        html.agency,
        html.year,
        html.format,
        html.status,
        html.values,
      ]);
      expect(docx.source.kind).toBe('docx');
    }
  }, 30_000);

  it('bad files: a line with the reader’s note, no values, no crash', async () => {
    for (const [name, note] of [
      ['corrupt-truncated.docx', FILE_NOTES.corruptZip],
      ['not-word.docx', FILE_NOTES.notDocx],
      ['bomb.docx', FILE_NOTES.tooLarge(200)],
    ]) {
      const lines = await lineOf(join(FILES, name));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatchObject({ isReport: false, reason: note, notes: [note] });
      expect(lines[0].values).toBeUndefined();
    }
    // a file whose name names a report but whose tables cannot be read: that report, no-tables, the reason first
    // in its notes (SPEC §8: ".doc/.wps: no-tables with a note") — never a value
    const [doc] = await lineOf(join(FILES, DOC));
    expect(doc).toMatchObject({ isReport: true, status: 'no-tables', tables: 0, agency: '灵川县', year: 2020, values: {} });
    expect(doc.checks.filter((c: any) => c.status !== 'skip')).toEqual([]);
    expect(doc.notes[0]).toBe(FILE_NOTES.doc);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-doc-'));
    copyFileSync(join(root, 'test/fixtures/reports/lingchuan-2020.html'), join(dir, 'export.doc'));
    const [asPage] = await lineOf(join(dir, 'export.doc'));
    const [page] = await lineOf(join(root, 'test/fixtures/reports/lingchuan-2020.html'));
    expect(asPage).toMatchObject({ isReport: true, id: page.id, url: page.url, status: 'errors', values: page.values });
    expect(asPage.notes[0]).toBe(FILE_NOTES.docIsHtml);
    expect(asPage.source).toEqual({ kind: 'html', url: join(dir, 'export.doc') });
    expect(sourceOf(await lineOf(join(FILES, DOC)))).toBeUndefined();
    const missing = await lineOf(join(FILES, 'missing.docx'));
    expect(missing[0].error).toMatch(/无法读取文件/);
  });

  it('the PDF hook: a reader set in `readers.pdf` is used, its HTML read by the same core', async () => {
    const page = readFileSync(join(root, 'test/fixtures/reports/langao-xzsp-2021.html'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'nianbao-pdf-')), 'report.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    const saved = readers.pdf;
    readers.pdf = async () => ({ kind: 'pdf', html: htmlDocument('', page), notes: ['表格由文字位置重建'] });
    try {
      const [line] = await lineOf(file);
      expect(line).toMatchObject({ isReport: true, agency: '岚皋县行政审批服务局', source: { kind: 'pdf', url: file } });
      expect(line.notes).toContain('表格由文字位置重建');
    } finally {
      readers.pdf = saved;
    }
  });
});
