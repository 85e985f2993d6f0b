/**
 * Rows that skip grid columns (w:gridBefore / w:gridAfter, as WPS writes them): padded with empty cells so
 * mammoth keeps each cell — and each vertical merge — in its grid column; bookmarks between rows or cells,
 * which make mammoth drop every merge of the table, removed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { readDocx } from '../../../lib/files/read-file';
import { fillGridGaps, repairTables } from '../../../lib/files/word-grid';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const row = (cells: string, props = '') => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;

/** A minimal DOCX whose body is `body` (WordprocessingML). */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** The text of each row's cells by grid column (a rowspan/colspan cell fills every slot it covers). */
function grid(html: string): string[][] {
  const rows = Array.from(parseHtml(html).querySelectorAll('tr'));
  const out: string[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of Array.from(tr.children)) {
      while (out[r][c] !== undefined) c++;
      const cs = Number(td.getAttribute('colspan') ?? 1);
      const rs = Number(td.getAttribute('rowspan') ?? 1);
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) if (out[r + i]) out[r + i][c + j] = td.textContent ?? '';
      c += cs;
    }
  });
  return out;
}

describe('fillGridGaps', () => {
  it('leaves a document without gaps untouched', () => {
    const xml = `<w:tbl>${row(cell('a') + cell('b'))}</w:tbl>`;
    expect(fillGridGaps(xml)).toBe(xml);
  });

  it('a row that starts one column in keeps its merge in the right column (mammoth alone shifts it)', async () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      row(cell('行政复议', '<w:vMerge w:val="restart"/>') + cell('行政诉讼'), '<w:gridBefore w:val="1"/>') +
      row(cell('结果纠正') + cell('', '<w:vMerge/>') + cell('3')) +
      row(cell('总计') + cell('5', '<w:gridSpan w:val="2"/>'), '<w:gridAfter w:val="0"/>') +
      '</w:tbl>';
    const out = await readDocx(await docx(body), 'gaps.docx');
    expect(grid(out.html!)).toEqual([
      ['', '行政复议', '行政诉讼'],
      ['结果纠正', '行政复议', '3'],
      ['总计', '5', '5'],
    ]);
  });

  it('a row that stops short gets its trailing gap, nested tables keep their own rows', () => {
    const inner = `<w:tbl>${row(cell('x'), '<w:gridBefore w:val="2"/>')}</w:tbl>`;
    const xml = `<w:tbl>${row(`<w:tc><w:tcPr/>${inner}<w:p/></w:tc>` + cell('y'), '<w:gridAfter w:val="1"/>')}</w:tbl>`;
    const fixed = fillGridGaps(xml);
    const gap = (n: number) => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p/></w:tc>`;
    expect(fixed).toBe(
      `<w:tbl>${row(`<w:tc><w:tcPr/><w:tbl>${row(gap(2) + cell('x'), '<w:gridBefore w:val="2"/>')}</w:tbl><w:p/></w:tc>` + cell('y') + gap(1), '<w:gridAfter w:val="1"/>')}</w:tbl>`,
    );
  });
});

describe('repairTables: bookmarks between rows and cells', () => {
  it('the lingchuan DOCX with OLE_LINK bookmarks between its cells reads the same values as without', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/files/lingchuan-2020.docx', import.meta.url))));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    let id = 100;
    const marked = xml.replace(/<\/w:tc>/g, () => `</w:tc><w:bookmarkStart w:id="${++id}" w:name="OLE_LINK${id}"/>`);
    expect(repairTables(marked)).toBe(xml);
    zip.file('word/document.xml', marked);
    const out = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'marked.docx');
    const clean = await readDocx(bytes, 'clean.docx');
    expect(out.html).toBe(clean.html);
    expect(out.html).toMatch(/rowspan=/);
  });

  it('keeps bookmarks inside paragraphs', () => {
    const xml = `<w:tbl>${row(`<w:tc><w:p><w:bookmarkStart w:id="1" w:name="a"/><w:r><w:t>x</w:t></w:r></w:p></w:tc>`)}</w:tbl>`;
    expect(repairTables(xml)).toBe(xml);
  });
});
