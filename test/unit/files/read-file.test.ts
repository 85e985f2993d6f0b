/**
 * The file-reading room (SPEC §8, issue 10): kinds by magic bytes, DOCX → HTML → the same core with the same
 * values as the HTML fixture the DOCX was written from (its merged cells as Word makes them), and bad input
 * that gives a note — never a throw, never zeros.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkReports } from '../../../lib/core/check-page';
import { FILE_NOTES } from '../../../lib/files/file-outcome';
import { DOCX_MAX_BYTES, fileKind, readDoc, readDocx } from '../../../lib/files/read-file';
import { zipEntries } from '../../../lib/files/zip-entries';

const FILES = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const bytesOf = (name: string) => new Uint8Array(readFileSync(FILES + name));
const DOC = '灵川县2020年政府信息公开工作年度报告.doc';
/** where the last copy of `name` starts in the bytes (the central directory's copy of an entry name) */
function findLast(bytes: Uint8Array, name: string): number {
  const needle = new TextEncoder().encode(name);
  for (let i = bytes.length - needle.length; i >= 0; i--) if (needle.every((b, j) => bytes[i + j] === b)) return i;
  return -1;
}

describe('fileKind: magic bytes first, then the extension', () => {
  it('tells a DOCX, a PDF and an OLE .doc/.wps by their bytes whatever the name says', () => {
    expect(fileKind('report.bin', bytesOf('lingchuan-2020.docx'))).toBe('docx');
    expect(fileKind('report.pdf', bytesOf('lingchuan-2020.docx'))).toBe('docx');
    expect(fileKind('a.docx', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(fileKind('a', new TextEncoder().encode('\r\n\r\n%PDF-1.4 junk before the header'))).toBe('pdf');
    expect(fileKind('a.docx', bytesOf(DOC))).toBe('doc');
    expect(fileKind('附件.wps', bytesOf(DOC))).toBe('doc');
  });

  it('falls back to the extension; a zip without word/document.xml is not a DOCX by its bytes', () => {
    expect(fileKind('x.xlsx', bytesOf('not-word.docx'))).toBeNull();
    expect(fileKind('not-word.docx', bytesOf('not-word.docx'))).toBe('docx');
    expect(fileKind('broken.docx', bytesOf('corrupt-truncated.docx'))).toBe('docx');
    expect(fileKind('x.PDF?download=1', new Uint8Array([1, 2, 3]))).toBe('pdf');
    expect(fileKind('x.wps', new Uint8Array())).toBe('doc');
    expect(fileKind('page.html', new TextEncoder().encode('<html>'))).toBeNull();
  });
});

describe('zipEntries', () => {
  it('lists the parts of a DOCX with their declared sizes without inflating', () => {
    const entries = zipEntries(bytesOf('lingchuan-2020.docx'))!;
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    expect(doc.size).toBeGreaterThan(doc.compressedSize);
  });

  it('is null for truncated bytes, other files and an empty input', () => {
    expect(zipEntries(bytesOf('corrupt-truncated.docx'))).toBeNull();
    expect(zipEntries(bytesOf(DOC))).toBeNull();
    expect(zipEntries(new Uint8Array())).toBeNull();
    const good = bytesOf('lingchuan-2020.docx');
    const flipped = good.slice();
    flipped[flipped.length - 10] ^= 0xff; // the central directory's offset now points elsewhere
    expect(zipEntries(flipped)).toBeNull();
  });
});

const SLUGS = ['lingchuan-2020', 'langao-xzsp-2021', 'hanyin-zrzyj-2022-word'];

describe.each(SLUGS)('DOCX written from %s.html', (slug) => {
  const expected = JSON.parse(readFileSync(`${REPORTS}${slug}.expected.json`, 'utf8'));

  it('holds Word merged cells (vMerge, gridSpan) that come out as rowspan/colspan', async () => {
    const xml = await (await JSZip.loadAsync(bytesOf(`${slug}.docx`))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="[2-9]"\/>/);
    const out = await readDocx(bytesOf(`${slug}.docx`), `${slug}.docx`);
    expect(out.html).toMatch(/rowspan="\d+"/);
    expect(out.html).toMatch(/colspan="\d+"/);
  });

  it('reads the same record as the HTML fixture: metadata, every value, the same failing checks', async () => {
    const out = await readDocx(bytesOf(`${slug}.docx`), `${slug}.docx`);
    expect(out.kind).toBe('docx');
    expect(out.notes).toEqual([]);
    const results = checkReports(parseHtml(out.html!), `/tmp/${slug}.docx`);
    expect(results).toHaveLength(1);
    const rec = results[0].outcome;
    if (!rec.isReport) throw new Error(`${slug}.docx is not read as a report: ${rec.reason}`);
    expect({ format: rec.format, agency: rec.agency, year: rec.year, status: rec.status, tables: rec.tables }).toEqual({
      format: expected.format,
      agency: expected.agency,
      year: expected.year,
      status: expected.status,
      tables: expected.tables,
    });
    const wrong = Object.entries(expected.values as Record<string, number | null>)
      .filter(([k, v]) => rec.values[k] !== v)
      .map(([k, v]) => `${k}: expected ${v}, got ${rec.values[k]}`);
    expect(wrong).toEqual([]);
    const ids = (s: string) =>
      rec.checks
        .filter((c) => /^(apply|review|suit)\./.test(c.id) && c.status === s)
        .map((c) => c.id)
        .sort();
    expect(ids('fail')).toEqual(expected.failing);
    expect(ids('skip')).toEqual(expected.skipped);
    const blank = Object.entries(rec.cells)
      .filter(([, c]) => c.blank)
      .map(([k]) => k)
      .sort();
    expect(blank).toEqual([...(expected.blank ?? [])].sort());
  });
});

describe('bad input: a note, never a throw, never numbers', () => {
  it('.doc/.wps: nothing read, the note says to save as .docx or PDF', () => {
    expect(readDoc()).toEqual({ kind: 'doc', html: null, notes: [FILE_NOTES.doc] });
    expect(FILE_NOTES.doc).toContain('请另存为 .docx 或 PDF');
  });

  it('a web page saved under a .doc name (a CMS’s “export to Word”) is read as the page it is', () => {
    const page = readFileSync(`${REPORTS}lingchuan-2020.html`);
    const out = readDoc(new Uint8Array(page));
    expect(out.notes).toEqual([FILE_NOTES.docIsHtml]);
    const rec = checkReports(parseHtml(out.html!), 'export.doc')[0].outcome;
    expect(rec.isReport && [rec.agency, rec.year, rec.status, rec.values['suit.after_review.total']]).toEqual([
      '灵川县',
      2020,
      'errors',
      4,
    ]);
    const wordHtml = new TextEncoder().encode('\uFEFF<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><p>x</p></body></html>');
    expect(readDoc(wordHtml).html).toContain('<p>x</p>');
    expect(readDoc(new TextEncoder().encode('plain text, not markup')).html).toBeNull();
    expect(readDoc(bytesOf(DOC)).html).toBeNull();
  });

  it.each([
    ['corrupt-truncated.docx', FILE_NOTES.corruptZip],
    ['not-word.docx', FILE_NOTES.notDocx],
    [DOC, FILE_NOTES.corruptZip],
  ])('%s', async (name, note) => {
    expect(await readDocx(bytesOf(name), name)).toEqual({ kind: 'docx', html: null, notes: [note] });
  });

  it('a DOCX bomb is refused from its declared sizes, before anything is inflated', async () => {
    const bytes = bytesOf('bomb.docx');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const declared = zipEntries(bytes)!.reduce((s, e) => s + e.size, 0);
    expect(declared).toBeGreaterThan(DOCX_MAX_BYTES);
    const t0 = performance.now();
    const out = await readDocx(bytes, 'bomb.docx');
    expect(performance.now() - t0).toBeLessThan(200);
    expect(out).toEqual({ kind: 'docx', html: null, notes: [FILE_NOTES.tooLarge(200)] });
  });

  it('a bomb that lies about its sizes is stopped once a part inflates past what it declares', async () => {
    const bytes = bytesOf('bomb.docx').slice();
    const view = new DataView(bytes.buffer);
    const padding = zipEntries(bytes)!.find((e) => e.name === 'word/media/padding.bin')!;
    view.setUint32(padding.offset + 22, 4096, true); // the local header's uncompressed size
    const central = findLast(bytes, 'word/media/padding.bin') - 46;
    view.setUint32(central + 24, 4096, true); // the central directory's
    expect(zipEntries(bytes)!.reduce((s, e) => s + e.size, 0)).toBeLessThan(DOCX_MAX_BYTES);
    const t0 = performance.now();
    const out = await readDocx(bytes, 'liar.docx');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(out).toEqual({ kind: 'docx', html: null, notes: [FILE_NOTES.sizeLie('word/media/padding.bin')] });
  });

  it('a zip that claims word/document.xml but holds garbage gives a note, not a throw', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:p>', { createFolders: false });
    zip.file('[Content_Types].xml', 'not xml at all <<<', { createFolders: false });
    const out = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'garbage.docx');
    expect(out.html).toBeNull();
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toMatch(/^DOCX 文件/);
  });

  it('a DOCX without tables says so (a report whose tables are pictures)', async () => {
    const src = await JSZip.loadAsync(bytesOf('lingchuan-2020.docx'));
    const xml = await src.file('word/document.xml')!.async('string');
    src.file('word/document.xml', xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
    const out = await readDocx(await src.generateAsync({ type: 'uint8array' }), 'pictures.docx');
    expect(out.notes).toEqual([FILE_NOTES.noTables]);
    const rec = checkReports(parseHtml(out.html!), 'pictures.docx')[0].outcome;
    expect(rec.isReport && rec.status).toBe('no-tables');
    expect(rec.isReport && Object.values(rec.values).filter((v) => v !== null)).toEqual([]);
  });
});

describe('the title from the document’s text', () => {
  /** langao-xzsp-2021.docx with its first paragraph (the title) replaced by `paragraphs`. */
  async function retitled(...paragraphs: string[]): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytesOf('langao-xzsp-2021.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const ps = paragraphs.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
    zip.file('word/document.xml', xml.replace(/<w:body>\s*<w:p>[\s\S]*?<\/w:p>/, `<w:body>${ps}`));
    return zip.generateAsync({ type: 'uint8array' });
  }
  const read = async (bytes: Uint8Array, name: string) => {
    const out = await readDocx(bytes, name);
    const rec = checkReports(parseHtml(out.html!), name)[0].outcome;
    if (!rec.isReport) throw new Error(rec.reason);
    return rec;
  };

  it('a title broken before the year takes the agency line above it; 附件1 above is not a title', async () => {
    const rec = await read(await retitled('附件1', '岚皋县行政审批服务局', '2021年政府信息公开工作年度报告'), 'a.docx');
    expect([rec.title, rec.agency, rec.year]).toEqual(['岚皋县行政审批服务局2021年政府信息公开工作年度报告', '岚皋县行政审批服务局', 2021]);
  });

  it('without a report name in the text, the file name names the report', async () => {
    const rec = await read(await retitled('附件1'), '岚皋县行政审批服务局2021年政府信息公开工作年度报告.docx');
    expect([rec.title, rec.agency, rec.year]).toEqual(['岚皋县行政审批服务局2021年政府信息公开工作年度报告', '岚皋县行政审批服务局', 2021]);
  });
});
