/**
 * readPdf end to end (SPEC §8): each PDF printed from an HTML fixture by test/support/make-pdf-fixtures.ts,
 * read with pdf.js and scanned with the real HTML core, gives exactly the values, blanks and identity-check
 * verdicts of that fixture's hand-written expected.json; a picture-only PDF and bad input give `html: null`
 * with a note and never throw.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkPage } from '../../../lib/core/check-page';
import { RecordSchema, type ReportRecord } from '../../../lib/core/record';
import { NOTE_BROKEN, NOTE_NO_TEXT, NOTE_PASSWORD, readPdf } from '../../../lib/files/pdf-read';

const FILES = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

const pdf = (name: string) => new Uint8Array(readFileSync(FILES + name));

interface Expected {
  format: string;
  agency: string;
  year: number;
  status: string;
  failing: string[];
  skipped: string[];
  values: Record<string, number | null>;
  blank?: string[];
}

const read = new Map<string, ReturnType<typeof readPdf>>();

async function recordOf(name: string): Promise<ReportRecord> {
  if (!read.has(name)) read.set(name, readPdf(pdf(name)));
  const { html, notes } = await read.get(name)!;
  expect(html, notes.join('; ')).not.toBeNull();
  const { outcome } = checkPage(parseHtml(html!), `http://www.example.gov.cn/files/${name}`);
  expect(outcome.isReport).toBe(true);
  return RecordSchema.parse(outcome);
}

const ids = (rec: ReportRecord, status: string) =>
  rec.checks
    .filter((c) => /^(apply|review|suit)\./.test(c.id) && c.status === status)
    .map((c) => c.id)
    .sort();

describe.each([
  ['lingchuan-2020.pdf', 'lingchuan-2020', 'A4 portrait, the real 复议后起诉 error'],
  ['quzhou-2020-landscape.pdf', 'quzhou-2020', 'A4 landscape, units inside cells, section 三 across pages 4–5'],
  ['langao-xzsp-2021-split.pdf', 'langao-xzsp-2021', '2021 format, section 三 split across pages 2–3'],
  ['wuhou-mzj-2023-thead-split.pdf', 'wuhou-mzj-2023-hidden', 'section 三 split with its header repeated on page 3'],
  ['lingchuan-2020-borderless.pdf', 'lingchuan-2020', 'no ruling lines: read from text positions, 四 across pages 2–3'],
  ['langao-xzsp-2021-borderless.pdf', 'langao-xzsp-2021', 'no ruling lines, centred cells: 2021 format, 三 across pages 1–2'],
])('%s (from %s: %s)', (file, slug) => {
  const exp = JSON.parse(readFileSync(`${REPORTS}${slug}.expected.json`, 'utf8')) as Expected;

  it('has the HTML fixture’s metadata and verdicts', async () => {
    const rec = await recordOf(file);
    expect({ format: rec.format, agency: rec.agency, year: rec.year, status: rec.status }).toEqual({
      format: exp.format,
      agency: exp.agency,
      year: exp.year,
      status: exp.status,
    });
    expect(rec.tables).toBeGreaterThan(0);
    expect(ids(rec, 'fail'), 'failing checks').toEqual(exp.failing);
    expect(ids(rec, 'skip'), 'skipped checks').toEqual(exp.skipped);
  });

  it('reads every value of the expected.json (nulls included) and nothing else', async () => {
    const rec = await recordOf(file);
    const wrong = Object.entries(exp.values)
      .filter(([k, v]) => (rec.values[k] ?? null) !== v)
      .map(([k, v]) => `${k}: expected ${v}, got ${rec.values[k]} (raw ${JSON.stringify(rec.cells[k]?.raw)})`);
    expect(wrong).toEqual([]);
    const extra = Object.entries(rec.values).filter(([k, v]) => v !== null && !(k in exp.values));
    expect(extra).toEqual([]);
  });

  it('keeps blank cells blank and filled cells filled (no cell shifted into a neighbour)', async () => {
    const rec = await recordOf(file);
    const blank = new Set(exp.blank ?? []);
    const mismatched = Object.entries(exp.values)
      .filter(([k, v]) => v !== null && rec.cells[k]?.blank !== blank.has(k))
      .map(([k]) => `${k} (raw ${JSON.stringify(rec.cells[k]?.raw)})`);
    expect(mismatched).toEqual([]);
  });
});

describe('a table broken by a page break comes out whole', () => {
  const section3 = async (name: string) => {
    const { html } = await readPdf(pdf(name));
    const doc = parseHtml(html!);
    return [...doc.querySelectorAll('table')].filter((t) => /本年新收|结转下年度/.test(t.textContent ?? ''));
  };

  it.each(['langao-xzsp-2021-split.pdf', 'wuhou-mzj-2023-thead-split.pdf'])(
    '%s: section 三 is one table, its header once',
    async (name) => {
      const tables = await section3(name);
      expect(tables).toHaveLength(1);
      expect(tables[0].textContent!.match(/申请人情况/g)).toHaveLength(1);
      // the 三、本年度办理结果 label spans every result row, (一) to (七), across the break
      const label = [...tables[0].querySelectorAll('td')].find((td) => td.textContent === '三、本年度办理结果');
      expect(label?.getAttribute('rowspan')).toBe('22'); // as in both HTML fixtures
    },
  );
});

describe('a PDF whose text cannot be read', () => {
  it('a page holding only a picture of a table gives no HTML and says why — never zeros', async () => {
    expect(await readPdf(pdf('table-image.pdf'))).toEqual({ html: null, notes: [NOTE_NO_TEXT] });
  });
});

/** A minimal PDF with correct xref offsets; `extraTrailer` goes into the trailer dictionary. */
function minimalPdf(objects: string[], extraTrailer = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${extraTrailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  '<< /Length 0 >>\nstream\n\nendstream',
];

/** UTF-16BE hex of a string: how a PDF shows text in a font with the UniGB-UCS2-H encoding. */
const ucs2 = (text: string) => `<${[...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/**
 * A PDF as an office suite writes one: text in the non-embedded GB font STSong-Light (UniGB-UCS2-H: pdf.js
 * needs its CJK CMaps to get Unicode out of it) and a table drawn as stroked line segments, with two empty
 * cells.
 */
function officeStylePdf(): Uint8Array {
  const xs = [50, 200, 300, 400];
  const ys = [700, 680, 660, 640];
  const lines = [...ys.map((y) => `${xs[0]} ${y} m ${xs[3]} ${y} l S`), ...xs.map((x) => `${x} ${ys[0]} m ${x} ${ys[3]} l S`)];
  const cells: [string, number, number][] = [
    ['信息内容', 0, 0],
    ['本年制发件数', 1, 0],
    ['现行有效件数', 2, 0],
    ['规章', 0, 1],
    ['3', 1, 1],
    ['规范性文件', 0, 2],
    ['12', 2, 2],
  ];
  const text = [
    `BT /F1 16 Tf 50 780 Td ${ucs2('某某县人民政府2021年政府信息公开工作年度报告')} Tj ET`,
    `BT /F1 10 Tf 50 730 Td ${ucs2('二、主动公开政府信息情况')} Tj ET`,
    ...cells.map(([t, c, r]) => `BT /F1 10 Tf ${xs[c] + 5} ${ys[r] - 14} Td ${ucs2(t)} Tj ET`),
  ];
  const stream = ['0.5 w', ...lines, ...text].join('\n');
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ]);
}

describe('a PDF in a non-embedded GB font with stroked table lines', () => {
  it('gives the Chinese text (CJK CMaps) and the table with its empty cells in place', async () => {
    const { html, notes } = await readPdf(officeStylePdf());
    expect(notes).toEqual(['从 PDF 重建了 1 个表格（1 页）']);
    expect(html).toContain('<title>某某县人民政府2021年政府信息公开工作年度报告</title>');
    expect(html).toContain('<p>二、主动公开政府信息情况</p>');
    const rows = [...parseHtml(html!).querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['信息内容', '本年制发件数', '现行有效件数'],
      ['规章', '3', ''],
      ['规范性文件', '', '12'],
    ]);
  });

  it('without the CMaps the same file yields no text (so the test above really uses them): null + note, no guess', async () => {
    expect(await readPdf(officeStylePdf(), { cMapUrl: '/nonexistent/cmaps/' })).toEqual({ html: null, notes: [NOTE_NO_TEXT] });
  });
});

describe('bad input: html null, a clear note, never a throw', () => {
  it('password-protected (user password set)', async () => {
    const hex = 'A1'.repeat(32);
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${'5C'.repeat(32)}> /P -44 >>`;
    const bytes = minimalPdf([...PAGE_OBJECTS, encrypt], `/Encrypt 5 0 R /ID [<${'00'.repeat(16)}> <${'00'.repeat(16)}>] `);
    const r = await readPdf(bytes);
    expect(r).toEqual({ html: null, notes: [NOTE_PASSWORD] });
  });

  it.each([
    [
      'not a PDF at all (an HTML error page served as application/pdf)',
      new TextEncoder().encode('<html><body>404 Not Found</body></html>'),
    ],
    ['an empty file', new Uint8Array(0)],
    ['a PDF cut off after 2 kB', pdf('lingchuan-2020.pdf').slice(0, 2048)],
    [
      'random bytes after a PDF header',
      new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)]),
    ],
  ])('%s', async (_name, bytes) => {
    const r = await readPdf(bytes);
    expect(r.html).toBeNull();
    expect(r.notes.length).toBeGreaterThan(0);
    expect(r.notes.join('')).toMatch(new RegExp(`${NOTE_BROKEN.slice(0, 8)}|${NOTE_NO_TEXT.slice(0, 8)}`));
  });

  it('a file over the size limit is not read (a 50 MB PDF is a scan, not a report with text)', async () => {
    const r = await readPdf(pdf('lingchuan-2020.pdf'), { maxBytes: 100_000 });
    expect(r.html).toBeNull();
    expect(r.notes).toEqual([expect.stringMatching(/^PDF 文件过大（0\.\d MB，上限 0\.1 MB），未读取$/)]);
  });

  it('a valid PDF with an empty page says there is no text', async () => {
    expect(await readPdf(minimalPdf(PAGE_OBJECTS))).toEqual({ html: null, notes: [NOTE_NO_TEXT] });
  });

  it('leaves the caller’s bytes intact (pdf.js takes over a copy)', async () => {
    const bytes = pdf('lingchuan-2020.pdf');
    const before = bytes.length;
    await readPdf(bytes);
    expect(bytes.length).toBe(before);
    expect(bytes[0]).toBe(0x25); // '%'
  });
});

describe('speed (issue 10: a 3-page report PDF read and checked ≤ 1.5 s)', () => {
  it('reads and checks the 3-page split PDF within budget once pdf.js is loaded', async () => {
    const bytes = pdf('langao-xzsp-2021-split.pdf');
    await readPdf(bytes); // load pdf.js once, as the offscreen page / CLI process does
    const t0 = performance.now();
    const { html } = await readPdf(bytes);
    checkPage(parseHtml(html!), 'http://www.example.gov.cn/a.pdf');
    const ms = performance.now() - t0;
    console.info(`[bench] 3-page PDF read + check: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1500);
  });
});
