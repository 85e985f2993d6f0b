/**
 * Writes the cross-year, narrative and publication fixtures of test/fixtures/years/ (issue 12, SPEC §10) from
 * the report fixtures they continue: the next year of the same agency, as its site would publish it — the
 * page copied, the years moved on, the byline dated, the narrative rewritten in another real wording, and the
 * section 三 rows 二、上年结转 / 四、结转下年度继续办理 set so that every identity inside the page still holds
 * (四 moves with 二: new + 二 = results + 四). Each page's expected checks are written by hand in
 * `<slug>.expected.json` beside it. Deterministic. Run: `npx tsx test/support/make-year-fixtures.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTS = join(ROOT, 'test/fixtures/reports');
const OUT = join(ROOT, 'test/fixtures/years');

type Row = [number, number, number, number, number, number, number];

const halfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The `<tr>` of the apply table whose text holds `label`: its span in `html`. */
function rowSpan(html: string, label: string): [number, number] {
  // the label in a table row (the narrative names the same rows)
  for (let at = html.indexOf(label); at !== -1; at = html.indexOf(label, at + 1)) {
    const start = html.lastIndexOf('<tr', at);
    if (start === -1 || start < html.lastIndexOf('</tr>', at) || start < html.lastIndexOf('</table', at)) continue;
    return [start, html.indexOf('</tr>', at) + '</tr>'.length];
  }
  throw new Error(`no row ${label}`);
}

/** The numbers printed in a row's last `n` cells. */
function readRow(html: string, label: string, n = 7): Row {
  const [s, e] = rowSpan(html, label);
  const cells = html.slice(s, e).split(/<td/).slice(-n);
  return cells.map((c) => Number(halfWidth(/>\s*([\d０-９]+)\s*</.exec(c)?.[1] ?? 'NaN'))) as Row;
}

/** The row with its last cells' numbers replaced by `values` (the markup around them kept as printed). */
function writeRow(html: string, label: string, values: number[]): string {
  const [s, e] = rowSpan(html, label);
  const parts = html.slice(s, e).split(/(?=<td)/);
  const from = parts.length - values.length;
  for (let i = 0; i < values.length; i++) {
    // a cell printed in full-width digits (as some Word exports do) keeps them
    parts[from + i] = parts[from + i].replace(/>(\s*)([\d０-９]+)(\s*)</, (_m, a: string, was: string, b: string) => {
      const v = String(values[i]);
      return `>${a}${/[０-９]/.test(was) ? fullWidth(v) : v}${b}<`;
    });
  }
  return html.slice(0, s) + parts.join('') + html.slice(e);
}

const add = (a: Row, b: Row, sign = 1) => a.map((x, i) => x + sign * b[i]) as Row;

interface NextYear {
  /** the page copied (its tables, layout and wording) */
  base: string;
  /** the previous year's report, when it is not `base` (an agency whose format changed: another page's layout) */
  previous?: string;
  out: string;
  /** 二、上年结转 per column from the previous year's 四 (a report that re-attributed a case, or miscopied one); none: rows kept */
  carriedOver?: (previousForward: Row) => Row;
  /** 现行有效件数 rolled forward from the previous year (2021 format both years), off by the given amounts */
  inForce?: Record<string, number>;
  /** text replacements, in order (years, byline, address, narrative) */
  replace: Array<[string, string]>;
}

function nextYear(spec: NextYear): void {
  let html = readFileSync(join(REPORTS, `${spec.base}.html`), 'utf8');
  if (spec.carriedOver) {
    const previousForward = readRow(readFileSync(join(REPORTS, `${spec.previous ?? spec.base}.html`), 'utf8'), '结转下年度');
    const oldOver = readRow(html, '上年结转');
    const oldForward = readRow(html, '结转下年度');
    const over = spec.carriedOver(previousForward);
    // 一 + 二 = 三 + 四 in every column: 四 moves by what 二 moved
    const forward = add(oldForward, add(over, oldOver, -1));
    if (forward.some((v) => v < 0)) throw new Error(`${spec.out}: negative 四`);
    html = writeRow(html, '上年结转', over);
    html = writeRow(html, '结转下年度', forward);
    console.log(spec.out, { previousForward, over, forward });
  }
  if (spec.inForce) {
    // 2021 format both years: 现行有效 = last year's + 本年制发 − 本年废止 (规章 and 行政规范性文件)
    const previous = readFileSync(join(REPORTS, `${spec.previous ?? spec.base}.html`), 'utf8');
    for (const label of ['规章', '行政规范性文件']) {
      const [issued, repealed] = readRow(html, label, 3);
      const inForce = readRow(previous, label, 3)[2] + issued - repealed + (spec.inForce[label] ?? 0);
      html = writeRow(html, label, [issued, repealed, inForce]);
    }
  }
  for (const [from, to] of spec.replace) {
    if (!html.includes(from)) throw new Error(`${spec.out}: "${from}" is not in ${spec.base}`);
    html = html.split(from).join(to);
  }
  writeFileSync(join(OUT, `${spec.out}.html`), html);
}

const same = (r: Row) => r;

nextYear({
  base: 'hanyin-zrzyj-2022-word',
  out: 'hanyin-zrzyj-2023',
  carriedOver: same,
  inForce: {},
  replace: [
    ['Content-2563311', 'Content-2790448'],
    ['2022年', '2023年'],
    ['2023-01-18 09:12', '2024-01-17 10:05'],
    [
      '全年新收政府信息公开申请28件，上年结转2件，办结27件，结转下年度继续办理3件。',
      '全年共收到政府信息公开申请28件（另有上年度结转申请3件），已答复办结27件，4件结转至2024年继续办理。全年主动公开政府信息312条，接听群众咨询电话56人次，较上年增长12%。',
    ],
  ],
});

// one column off: the natural-person column carried one case more than last year left open (total off too);
// published late for a department (1月31日), with a byline the 2022 page did not have
nextYear({
  base: 'qingshanhu-zjj-2022-first-paragraph',
  out: 'qingshanhu-zjj-2023',
  carriedOver: (f) => add(f, [1, 0, 0, 0, 0, 0, 1]),
  inForce: { 行政规范性文件: 2 },
  replace: [
    ['202301/8c1f2a9e6b3d4c7f9e0a5b2d1c3e4f60', '202402/a71c0e5d9b2f4e3c8d1a6b7f0e2c9d41'],
    ['2022年', '2023年'],
    [
      '<div class="detail-con" id="zoom">',
      '<div class="detail-info">发布时间：2024-02-20 09:30 &nbsp; 来源：南昌市青山湖区住房和城乡建设局 &nbsp; 成文日期：2024-01-15</div>\n<div class="detail-con" id="zoom">',
    ],
    ['办理依申请公开50件。', '办理依申请公开50件，另有上年结转申请5件。今天是2024年2月20日。'],
  ],
});

// the total carried over agrees with last year's, one column does not (a case moved from 商业企业 to 自然人);
// the text states two cases carried over where the table has one
nextYear({
  base: 'wuhou-mzj-2023-hidden',
  out: 'wuhou-mzj-2024',
  carriedOver: (f) => add(f, [1, -1, 0, 0, 0, 0, 0]),
  inForce: {},
  replace: [
    ['2024-01/19/content_8f2e', '2025-01/17/content_93ac'],
    ['发布时间：2024-01-19', '发布时间：2025-01-17'],
    ['2023年', '2024年'],
    ['受理政府信息公开申请16件，上年结转1件，', '受理政府信息公开申请十六件，上年结转2件，'],
  ],
});

// the format changed between the years (2020 on the 2019 tables, 2021 on the 2021 tables): the rows 二 and 四
// are the same in both; the 2021 page keeps another agency's layout with this agency's name
nextYear({
  base: 'shicheng-scj-2021-site-title',
  previous: 'ganzhou-yjj-2020-guanyu',
  out: 'ganzhou-yjj-2021',
  carriedOver: same,
  replace: [
    ['www.shicheng.gov.cn/xxgk/scjgj/xxgknb/202201/t20220125_4012863', 'yjj.ganzhou.gov.cn/gzsyjglj/c105283/202202/t20220208_4100277'],
    ['石城县市场监督管理局', '赣州市应急管理局'],
    ['石城县', '赣州市'],
    ['发布时间：2022-01-25 09:31', '发布时间：2022-02-08 09:31'],
    ['全年共收到政府信息公开申请12件，较上年增加5件，上年结转1件，', '全年共收到政府信息公开申请12件，较上年增加5件，上年度结转申请1件，'],
  ],
});

// a 2023 report still on the 2019 template (section 二's 本年新制作数量 columns, one （六）其他处理 row)
nextYear({
  base: 'pengze-zrzyj-2020-div-heading',
  out: 'pengze-zrzyj-2023-old-template',
  replace: [
    ['202101/t20210128_4633251', '202401/t20240126_5120934'],
    ['日期：2021-01-28', '日期：2024-01-26'],
    ['2020年', '2023年'],
    ['2021年', '2024年'],
  ],
});

// the same report edited after publication (the e2e serves it at hanyin-zrzyj-2023.html's address on a second
// visit): one application less in 一、本年新收 and in 四、结转下年度 (自然人 and 总计), every identity still holding
{
  let html = readFileSync(join(OUT, 'hanyin-zrzyj-2023.html'), 'utf8');
  html = writeRow(html, '本年新收', add(readRow(html, '本年新收'), [1, 0, 0, 0, 0, 0, 1], -1));
  html = writeRow(html, '结转下年度', add(readRow(html, '结转下年度'), [1, 0, 0, 0, 0, 0, 1], -1));
  html = html.replace('全年共收到政府信息公开申请28件', '全年共收到政府信息公开申请27件').replace('4件结转至2024年', '3件结转至2024年');
  writeFileSync(join(OUT, 'edited/hanyin-zrzyj-2023.html'), html);
}
