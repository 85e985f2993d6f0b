/**
 * Writes the DOCX fixtures of test/fixtures/files/ (issue 10) from the HTML report fixtures: the report's
 * title, then its article (#zoom) paragraph by paragraph and table by table, as Word saves it — an HTML
 * `rowspan` becomes a vertical merge (w:vMerge restart/continue, the section 三 group column and the
 * 行政复议/行政诉讼 header), a `colspan` a w:gridSpan. Cell text is copied as printed (full-width digits, `1,234`,
 * blanks). Deterministic: fixed zip dates and document properties, so re-running changes nothing.
 * Also writes the bad inputs: an old OLE `.doc`, a truncated DOCX, a zip that is not a Word document and a
 * DOCX bomb (a part declaring 200 MB). Run: `npx tsx test/support/make-docx-fixtures.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import { parseHtml } from '../../cli/dom';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTS = join(ROOT, 'test/fixtures/reports');
const OUT = join(ROOT, 'test/fixtures/files');
const DATE = new Date('2022-01-20T08:00:00Z');

/** The HTML fixtures written as DOCX (the expected values are theirs: test/fixtures/reports/<slug>.expected.json). */
export const DOCX_FIXTURES = ['lingchuan-2020', 'langao-xzsp-2021', 'hanyin-zrzyj-2022-word'];

const text = (el: Element) => (el.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
const hidden = (el: Element) => /display\s*:\s*none/i.test(el.getAttribute('style') ?? '') || el.hasAttribute('hidden');
const BLOCK = /^(P|H[1-6]|DIV|TABLE|UL|OL|LI|SECTION|ARTICLE|CENTER|BLOCKQUOTE)$/;

function wordTable(table: Element): Table {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  let width = 0;
  const covered: number[] = []; // rows still covered by a rowspan, per grid column
  for (const tr of rows) {
    let col = 0;
    for (const td of Array.from(tr.children).filter((c) => /^T[DH]$/.test(c.tagName))) {
      while ((covered[col] ?? 0) > 0) col++;
      const span = Number(td.getAttribute('colspan') ?? 1) || 1;
      const down = Number(td.getAttribute('rowspan') ?? 1) || 1;
      for (let c = col; c < col + span; c++) covered[c] = Math.max(covered[c] ?? 0, down);
      col += span;
    }
    width = Math.max(width, col, covered.length);
    for (let c = 0; c < covered.length; c++) covered[c] = Math.max(0, (covered[c] ?? 0) - 1);
  }
  return new Table({
    columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)),
    width: { size: 9000, type: WidthType.DXA },
    rows: rows.map(
      (tr) =>
        new TableRow({
          children: Array.from(tr.children)
            .filter((c) => /^T[DH]$/.test(c.tagName))
            .map(
              (td) =>
                new TableCell({
                  columnSpan: Number(td.getAttribute('colspan') ?? 1) || 1,
                  rowSpan: Number(td.getAttribute('rowspan') ?? 1) || 1,
                  children: [new Paragraph({ children: [new TextRun(text(td))] })],
                }),
            ),
        }),
    ),
  });
}

/** The article's blocks in order: leaf blocks become paragraphs, tables Word tables. */
function blocks(el: Element, out: Array<Paragraph | Table>): void {
  for (const child of Array.from(el.children)) {
    if (hidden(child) || /^(SCRIPT|STYLE)$/.test(child.tagName)) continue;
    if (child.tagName === 'TABLE') out.push(wordTable(child));
    else if (Array.from(child.children).some((c) => BLOCK.test(c.tagName))) blocks(child, out);
    else if (text(child)) out.push(new Paragraph({ children: [new TextRun(text(child))] }));
  }
}

/** Zip entries with fixed dates and document properties without timestamps: the same bytes on every run. */
async function deterministic(buffer: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const entry = src.files[name];
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml')
      data = new TextDecoder().decode(data).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, DATE.toISOString().replace(/\.\d+Z$/, 'Z'));
    out.file(name, data, { date: DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A report page as Word would hold it: its title (when the page prints one) and its article (#zoom). */
export async function docxFromHtml(html: string): Promise<Buffer> {
  const doc = parseHtml(html);
  const heading = doc.querySelector('.title h2, h1.article-title, h1, div[style*="text-align:center"]');
  const children: Array<Paragraph | Table> = [];
  if (heading && !heading.closest('#zoom'))
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: text(heading), bold: true, size: 36 })] }),
    );
  blocks(doc.querySelector('#zoom')!, children);
  const word = new Document({ creator: 'nianbao-lens fixtures', sections: [{ children }] });
  return deterministic(await Packer.toBuffer(word));
}

export const docxOf = (slug: string): Promise<Buffer> => docxFromHtml(readFileSync(join(REPORTS, `${slug}.html`), 'utf8'));

async function main(): Promise<void> {
  for (const slug of DOCX_FIXTURES) writeFileSync(join(OUT, `${slug}.docx`), await docxOf(slug));
  const good = readFileSync(join(OUT, 'lingchuan-2020.docx'));
  writeFileSync(join(OUT, 'corrupt-truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
  // an OLE compound file header, as Word 97–2003 and WPS write (the rest of the sector left empty)
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  ole.writeUInt16LE(0x003e, 24); // minor version
  ole.writeUInt16LE(0x0003, 26); // major version 3
  ole.writeUInt16LE(0xfffe, 28); // little-endian byte order mark
  ole.writeUInt16LE(9, 30); // 512-byte sectors
  writeFileSync(join(OUT, '灵川县2020年政府信息公开工作年度报告.doc'), ole);
  const notWord = new JSZip();
  notWord.file('xl/workbook.xml', '<workbook/>', { date: DATE, createFolders: false });
  writeFileSync(join(OUT, 'not-word.docx'), await notWord.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  writeFileSync(join(OUT, 'bomb.docx'), await bomb(good));
}

/** A real DOCX with an extra part of 200 MB of zeros (about 200 KB compressed): refused before inflating. */
async function bomb(good: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  zip.file('word/media/padding.bin', new Uint8Array(200 * 1024 * 1024), { date: DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

if (process.argv[1]?.endsWith('make-docx-fixtures.ts')) await main();
