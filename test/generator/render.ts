/**
 * Renders a report model as a gov.cn-looking HTML page, with the tables in the official layout of
 * its edition (real rowspan/colspan) and the layout knobs of layout.ts applied.
 */
import * as OpenCC from 'opencc-js';
import {
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLY_ROWS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  REVIEW_COLUMN_LABELS,
  keyInfo,
  type ActiveItem,
  type Edition,
} from '../../lib/core/keys';
import type { Layout } from './layout';
import { totalsOf, type ModelCore, type Values } from './model';
import { makeRng, type Rng } from './rng';

export const GOUJI_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const RESULTS_LABEL = '三、本年度办理结果';

let toTraditional: ((s: string) => string) | undefined;
function traditional(s: string): string {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  const conv = toTraditional;
  // Only the Chinese runs (with their punctuation): the markup is ASCII, and skipping it is much faster.
  return s.replace(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]+/g, (run) => conv(run));
}

/** Converter artifacts: pinyin after characters that are not units, dashes or 无 (so numbers still read). */
const PINYIN: Record<string, string> = {
  結: 'jié',
  轉: 'zhuǎn',
  數: 'shù',
  議: 'yì',
  復: 'fù',
  訴: 'sù',
  訟: 'sòng',
  網: 'wǎng',
  關: 'guān',
  現: 'xiàn',
  審: 'shěn',
  業: 'yè',
  辦: 'bàn',
  開: 'kāi',
  請: 'qǐng',
  處: 'chǔ',
  規: 'guī',
  護: 'hù',
  機: 'jī',
  單: 'dān',
};

// ---------------------------------------------------------------------------------------------
// Abstract tables

type CellKind = 'head' | 'label' | 'num' | 'pad';
interface TCell {
  kind: CellKind;
  /** plain text (labels) or formatted number; '' for empty */
  text: string;
  rs?: number;
  cs?: number;
}
type TRow = TCell[];
interface TTable {
  head: TRow[];
  body: TRow[];
  attrs?: string;
}

const head = (text: string, rs = 1, cs = 1): TCell => ({ kind: 'head', text, rs, cs });
const label = (text: string, rs = 1, cs = 1): TCell => ({ kind: 'label', text, rs, cs });
const pad = (cs = 1): TCell => ({ kind: 'pad', text: '', cs });

class Renderer {
  private rng: Rng;
  private readonly totals: Map<string, string[]>;

  constructor(
    private readonly model: ModelCore,
    private readonly L: Layout,
    private readonly values: Values = model.values,
    salt = 0,
  ) {
    this.rng = makeRng(L.seed).fork(100 + salt);
    this.totals = totalsOf(model.edition);
  }

  // ------------------------------------------------------------------- numbers

  private digits(s: string): string {
    return this.L.fullWidth ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
  }

  private group(intPart: string): string {
    if (!this.L.thousands || intPart.length < 4) return intPart;
    const sep = this.rng.chance(0.8) ? ',' : '，';
    return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  private unitFor(key: string): string {
    if (key.startsWith('active.')) {
      if (/\.(prev_items|change|items)$/.test(key)) return '项';
      if (key.endsWith('.decisions')) return this.rng.chance(0.7) ? '件' : '笔';
      return '件';
    }
    return '件';
  }

  /** May this zero be printed blank? Never a total whose parts are not all zero (SPEC §3). */
  private blankable(key: string): boolean {
    const parts = this.totals.get(key);
    return !parts || parts.every((p) => this.values[p] === 0);
  }

  private blankText(): string {
    if (this.L.blanks === 'dash') return this.rng.pick(['-', '—', '/', '无']);
    return '';
  }

  num(key: string, cs = 1): TCell {
    // Per-key randomness, so that changing one value (withError) changes nothing else on the page.
    const saved = this.rng;
    this.rng = this.cellRng(key);
    try {
      return this.numInner(key, cs);
    } finally {
      this.rng = saved;
    }
  }

  private cellRng(key: string): Rng {
    let h = 2166136261;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    return makeRng(this.L.seed).fork(h >>> 0);
  }

  private numInner(key: string, cs: number): TCell {
    const v = this.values[key];
    if (typeof v !== 'number') throw new Error(`no value for ${key}`);
    const kind = keyInfo(key)?.kind ?? 'count';
    if (v === 0 && this.L.blanks !== 'none' && this.blankable(key) && (this.L.blankAll || this.rng.chance(0.5))) {
      return { kind: 'num', text: this.blankText(), cs };
    }
    let text: string;
    if (kind === 'money') {
      const fixed = this.rng.chance(0.5) ? v.toFixed(2) : String(v);
      const [i, f] = fixed.split('.');
      text = this.digits(this.group(i)) + (f !== undefined ? '.' + this.digits(f) : '') + (this.L.units ? '万元' : '');
    } else {
      const abs = this.digits(this.group(String(Math.abs(v))));
      const unit = this.L.units ? this.unitFor(key) : '';
      if (kind === 'change' && this.L.units && v !== 0) text = (v < 0 ? '减少' : '增加') + abs + unit;
      else text = (v < 0 ? '-' : '') + abs + unit;
    }
    return { kind: 'num', text, cs };
  }

  // ------------------------------------------------------------------- labels

  /** Label text as printed: half-width punctuation and stray white space when the layout asks. */
  private lab(s: string): string {
    let t = s;
    if (this.L.halfWidth) {
      t = t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',').replace(/[“”]/g, '"');
    }
    if (this.L.spaces && t.length >= 3 && this.rng.chance(0.35)) {
      const at = this.rng.int(1, t.length - 1);
      const ws = this.rng.pick([' ', '\u3000', '\u00a0', '\n\t\t\t', '  ']);
      t = t.slice(0, at) + ws + t.slice(at);
    }
    return t;
  }

  // ------------------------------------------------------------------- section 三

  applyTables(): TTable[] {
    const { edition } = this.model;
    const rows = APPLY_ROWS[edition];
    const headRows: TRow[] = [
      // widths: the header's label block one column wider than the body's labels (values read in order)
      [head(this.lab(GOUJI_NOTE), 3, this.L.widths ? 4 : 3), head(this.lab('申请人情况'), 1, 7)],
      [head(this.lab('自然人'), 2), head(this.lab('法人或其他组织'), 1, 5), head(this.lab('总计'), 2)],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => head(this.lab(h))),
    ];
    const resultRows = rows.filter((r) => r.key.startsWith('result.'));
    const body: TRow[] = [];
    const seenGroups = new Set<string>();
    for (const r of rows) {
      const row: TRow = [];
      if (!r.key.startsWith('result.')) {
        row.push(label(this.lab(r.label), 1, 3));
      } else {
        if (r === resultRows[0]) row.push(label(this.lab(RESULTS_LABEL), resultRows.length));
        if (r.group) {
          if (!seenGroups.has(r.group)) {
            seenGroups.add(r.group);
            row.push(label(this.lab(r.group), rows.filter((x) => x.group === r.group).length));
          }
          row.push(label(this.lab(r.label)));
        } else {
          row.push(label(this.lab(r.label), 1, 2));
        }
      }
      for (const c of APPLICANT_COLUMNS) row.push(this.num(`apply.${r.key}.${c}`));
      body.push(row);
    }
    if (this.L.split === 'none') return [{ head: headRows, body }];
    const drawn = this.rng.int(1, body.length - 1);
    const at = this.L.splitAt === undefined ? drawn : this.L.splitAt < 0 ? body.length + this.L.splitAt : this.L.splitAt;
    if (at < 1 || at >= body.length) throw new Error(`splitAt ${this.L.splitAt} outside the body`);
    const [first, second] = splitRows(body, at, this.L.split === 'repeat');
    return [
      { head: headRows, body: first },
      { head: [], body: second },
    ];
  }

  // ------------------------------------------------------------------- section 四

  reviewTable(): TTable {
    const cols = REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]);
    return {
      head: [
        [head(this.lab('行政复议'), 1, 5), head(this.lab('行政诉讼'), 1, 10)],
        [...cols.map((c) => head(this.lab(c), 2)), head(this.lab('未经复议直接起诉'), 1, 5), head(this.lab('复议后起诉'), 1, 5)],
        [...cols, ...cols].map((c) => head(this.lab(c))),
      ],
      body: [REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => this.num(`${b}.${c}`)))],
    };
  }

  // ------------------------------------------------------------------- section 二

  private activeGroups(): { article: string; items: ActiveItem[] }[] {
    const groups: { article: string; items: ActiveItem[] }[] = [];
    for (const item of ACTIVE_ITEMS[this.model.edition]) {
      const last = groups[groups.length - 1];
      if (last && last.article === item.article) last.items.push(item);
      else groups.push({ article: item.article, items: [item] });
    }
    return groups;
  }

  /** Rows of one 第二十条 item, `width` grid columns wide (label + values). */
  private activeRows(g: { article: string; items: ActiveItem[] }, width: number, withArticle: boolean): TRow[] {
    const cols = g.items[0].columns;
    const out: TRow[] = [];
    if (withArticle) out.push([head(this.lab(g.article), 1, width)]);
    const spare = width - 1 - cols.length;
    // Single-value rows span the remaining columns (2021 official); two-value rows (2019 (八)/(九))
    // leave a trailing empty cell as in the official 2019 HTML.
    const single = cols.length === 1;
    const hdr: TRow = [head(this.lab('信息内容'))];
    // widths: colspan=2 over one label (the middle one of three) while the body has one cell per column
    const wide = this.L.widths && !single ? (cols.length === 3 ? 1 : 0) : -1;
    cols.forEach((c, i) => hdr.push(head(this.lab(c.label), 1, single && i === cols.length - 1 ? 1 + spare : i === wide ? 2 : 1)));
    if (!single && spare > 0 && wide < 0) hdr.push(pad(spare));
    out.push(hdr);
    for (const item of g.items) {
      const row: TRow = [label(this.lab(item.label))];
      cols.forEach((c, i) => row.push(this.num(`active.${item.key}.${c.key}`, single && i === cols.length - 1 ? 1 + spare : 1)));
      if (!single && spare > 0) row.push(pad(spare));
      out.push(row);
    }
    return out;
  }

  activeTables(): { before?: string; table: TTable }[] {
    const groups = this.activeGroups();
    if (this.L.active === 'one') {
      return [{ table: { head: [], body: groups.flatMap((g) => this.activeRows(g, 4, true)) } }];
    }
    const articleInside = this.rng.chance(0.5);
    return groups.map((g) => {
      const width = 1 + g.items[0].columns.length;
      return {
        before: articleInside ? undefined : g.article,
        table: { head: [], body: this.activeRows(g, width, articleInside) },
      };
    });
  }

  // ------------------------------------------------------------------- HTML

  private cellHtml(c: TCell, th: boolean): string {
    const tag = th ? 'th' : 'td';
    const span = (c.rs && c.rs > 1 ? ` rowspan="${c.rs}"` : '') + (c.cs && c.cs > 1 ? ` colspan="${c.cs}"` : '');
    // A fixed number of draws per cell, whatever its content, so one changed value changes nothing else.
    const d1 = this.rng.next();
    const d2 = this.rng.next();
    const d3 = this.rng.next();
    let inner: string;
    if (!this.L.word) {
      inner = esc(c.text);
      if (c.kind === 'num' && this.L.spaces && c.text && d1 < 0.3) inner = [' ', '&nbsp;', '\n  '][Math.floor(d2 * 3)] + inner + ' ';
      return `<${tag}${span}${c.kind === 'num' || c.kind === 'pad' ? ' align="center"' : ''}>${inner}</${tag}>`;
    }
    const w = c.kind === 'label' || c.kind === 'head' ? 120 : 48;
    const style = `style='width:${w}pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'`;
    if (!c.text) {
      inner =
        d1 < 0.5
          ? `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>&nbsp;<o:p></o:p></span></p>`
          : `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
    } else if (c.kind === 'num') {
      inner = `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>${esc(c.text)}<o:p></o:p></span></p>`;
    } else {
      const t = c.text;
      let spans: string;
      const r = d1;
      if (t.length >= 4 && r < 0.35) {
        const at = 1 + Math.floor(d2 * (t.length - 1));
        spans = `<span style='font-size:10.5pt;font-family:宋体'>${esc(t.slice(0, at))}</span><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>${esc(t.slice(at))}</span>`;
      } else if (t.length >= 4 && r < 0.5) {
        const at = 1 + Math.floor(d3 * (t.length - 1));
        spans = `<span style='font-size:10.5pt;font-family:宋体'>${esc(t.slice(0, at))}<br>${esc(t.slice(at))}</span>`;
      } else {
        spans = `<span style='font-size:10.5pt;font-family:宋体'>${esc(t)}</span>`;
      }
      inner = `<p class=MsoNormal align=center style='text-align:center'>${spans}<span lang=EN-US><o:p></o:p></span></p>`;
    }
    return `<${tag} width=${(w * 1.33) | 0} valign=center ${style}${span}>${inner}</${tag}>`;
  }

  tableHtml(t: TTable, hidden = false): string {
    const attrs = this.L.word
      ? ` class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none${hidden ? ';display:none' : ''}'`
      : ` border="1" cellspacing="0" cellpadding="0" width="100%"${hidden ? ' style="display:none"' : ''}`;
    const tr = (r: TRow, th: boolean) => `<tr>${r.map((c) => this.cellHtml(c, th)).join('')}</tr>`;
    if (this.L.thead && t.head.length) {
      return `<table${attrs}>\n<thead>${t.head.map((r) => tr(r, true)).join('\n')}</thead>\n<tbody>${t.body.map((r) => tr(r, false)).join('\n')}</tbody>\n</table>`;
    }
    const rows = [...t.head, ...t.body].map((r) => tr(r, false)).join('\n');
    return `<table${attrs}>\n${this.rng.chance(0.5) ? `<tbody>${rows}</tbody>` : rows}\n</table>`;
  }
}

/**
 * Split body rows before row `at` (a page break): rowspans that cross the break are cut, and the
 * second part restarts them as a cell that is empty or repeats the label.
 */
function splitRows(body: TRow[], at: number, repeat: boolean): [TRow[], TRow[]] {
  const first = body.slice(0, at).map((r) => r.map((c) => ({ ...c })));
  const second = body.slice(at).map((r) => r.map((c) => ({ ...c })));
  const restarted: TCell[] = [];
  first.forEach((row, ri) => {
    for (const c of row) {
      const rs = c.rs ?? 1;
      if (ri + rs > at) {
        restarted.push({ ...c, text: repeat ? c.text : '', rs: ri + rs - at });
        c.rs = at - ri;
      }
    }
  });
  // Spanning label cells are leftmost; the outer one (三、本年度办理结果) started first.
  second[0] = [...restarted, ...second[0]];
  return [first, second];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------------------------
// Page

const SECTION_TITLES: Record<string, string[]> = {
  one: ['一、总体情况'],
  two: ['二、主动公开政府信息情况'],
  three: ['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况', '三、依申请公开政府信息情况'],
  four: [
    '四、政府信息公开行政复议、行政诉讼情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  ],
  five: ['五、存在的主要问题及改进情况'],
  six: ['六、其他需要报告的事项'],
};

const DOMAINS = [
  'qz',
  'weinan',
  'cngy',
  'huaian',
  'tianmen',
  'changzhou',
  'sx',
  'guilin',
  'ankang',
  'yibin',
  'zjtz',
  'nantong',
  'lanGao',
  'linchuan',
];

export function reportUrl(model: ModelCore, layout: Layout): string {
  const rng = makeRng(layout.seed).fork(7);
  const m = String(rng.int(1, 3)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  const id = rng.int(1000000, 9999999);
  const host = `www.${rng.pick(DOMAINS).toLowerCase()}.gov.cn`;
  return rng.chance(0.5)
    ? `https://${host}/zwgk/xxgk/xxgknb/${model.year + 1}${m}/t${model.year + 1}${m}${d}_${id}.html`
    : `https://${host}/art/${model.year + 1}/${Number(m)}/${Number(d)}/art_${rng.int(1200, 1999)}_${id}.html`;
}

export function titleOf(model: ModelCore): string {
  return `${model.agency}${model.year}年政府信息公开工作年度报告`;
}

/** Values of the decoy (display:none) copy: every cell different from the real one. */
function decoyValues(values: Values): Values {
  const out: Values = {};
  let i = 0;
  for (const [k, v] of Object.entries(values)) out[k] = Math.abs(v) + 1 + (i++ % 4) * 7;
  return out;
}

export function renderPage(model: ModelCore, L: Layout, url: string): string {
  const r = new Renderer(model, L);
  const rng = makeRng(L.seed).fork(3);
  const title = (L.title === 'guanyu' ? '关于' : '') + titleOf(model);
  const y = model.year;
  const wordP = (s: string) =>
    L.word
      ? `<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${s}</span></p>`
      : `<p>${s}</p>`;
  const heading = (s: string) =>
    L.word
      ? `<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>${s}</span></b></p>`
      : rng.chance(0.5)
        ? `<h2>${s}</h2>`
        : `<p><strong>${s}</strong></p>`;
  const pageBreak = L.word
    ? `<span lang=EN-US style='font-size:10.5pt'><br clear=all style='page-break-before:always'></span>`
    : `<div style="page-break-after:always"></div><p class="page-no">— ${rng.int(3, 9)} —</p>`;

  const hiddenCopy = (): string => {
    const decoy = new Renderer(model, { ...L, split: 'none' }, decoyValues(model.values), 1);
    const which = rng.chance(0.5) ? decoy.applyTables()[0] : decoy.reviewTable();
    if (L.hidden === 'table') return decoy.tableHtml(which, true);
    return `<div class="print-version" style="display: none;">${decoy.tableHtml(which)}</div>`;
  };

  const parts: string[] = [];
  if (L.title === 'h1' || L.title === 'guanyu' || L.title === 'site') parts.push(`<h1 class="article-title">${title}</h1>`);
  else if (L.title === 'div') parts.push(`<div style="text-align:center;font-size:22px;font-weight:bold;margin:20px 0">${title}</div>`);
  // a clean report is published on time (SPEC §10 meta.deadline: departments by 1月31日): January; the month is
  // still drawn, so that every later draw — and every seed's page — stays as it was
  rng.int(1, 3);
  parts.push(
    `<div class="byline">来源：${model.agency}&nbsp;&nbsp;发布时间：${y + 1}-01-${String(rng.int(10, 28))}&nbsp;&nbsp;浏览次数：${rng.int(50, 9000)}&nbsp;&nbsp;字号：<a>大</a> <a>中</a> <a>小</a></div>`,
  );
  parts.push(`<div class="article-content" id="zoom">`);
  if (L.title === 'lead') parts.push(L.word ? wordP(`<b>${title}</b>`) : `<p style="text-align:center"><strong>${title}</strong></p>`);
  parts.push(
    wordP(
      `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。本报告电子版可在${model.agency}门户网站查阅或下载。如对本报告有疑问，请与${model.agency}办公室联系。`,
    ),
  );
  parts.push(heading(SECTION_TITLES.one[0]));
  parts.push(
    wordP(
      `${y}年，${model.agency}深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，认真执行《条例》各项规定，以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，全年通过门户网站主动公开政府信息${rng.int(100, 20000)}条。`,
    ),
  );
  parts.push(
    wordP(
      `（一）主动公开。围绕重点领域信息公开，及时发布政策文件及解读材料。（二）依申请公开。畅通依申请公开渠道，规范办理流程，按时答复。（三）政府信息管理。严格落实公开属性源头认定制度。（四）平台建设。优化门户网站栏目设置。（五）监督保障。将政务公开纳入年度绩效考核。`,
    ),
  );
  parts.push(heading(SECTION_TITLES.two[0]));
  for (const { before, table } of r.activeTables()) {
    if (before) parts.push(L.word ? wordP(before) : `<p style="text-align:center">${before}</p>`);
    parts.push(r.tableHtml(table));
  }
  parts.push(heading(rng.pick(SECTION_TITLES.three)));
  let hiddenDone = false;
  if (L.hidden !== 'none' && rng.chance(0.5)) {
    parts.push(hiddenCopy());
    hiddenDone = true;
  }
  const applyTables = r.applyTables();
  parts.push(r.tableHtml(applyTables[0]));
  if (applyTables[1]) {
    parts.push(pageBreak);
    parts.push(r.tableHtml(applyTables[1]));
  }
  parts.push(heading(rng.pick(SECTION_TITLES.four)));
  parts.push(r.tableHtml(r.reviewTable()));
  parts.push(heading(SECTION_TITLES.five[0]));
  parts.push(
    wordP(
      `${y}年，我单位政府信息公开工作取得了一定成效，但也存在一些不足：一是主动公开的深度和广度还需进一步拓展；二是政策解读形式较为单一。下一步，我们将进一步加强业务培训，提升政务公开工作水平。`,
    ),
  );
  parts.push(heading(SECTION_TITLES.six[0]));
  parts.push(wordP(`本年度未收取信息处理费。${y}年度无其他需要报告的事项。`));
  if (L.hidden !== 'none' && !hiddenDone) parts.push(hiddenCopy());
  parts.push(`</div>`);
  let article = parts.join('\n');
  if (L.word) article = `<div class=WordSection1 style='layout-grid:15.6pt'>\n${article}\n</div>`;
  if (L.wrapper) {
    article = `<table width="100%" border="0" cellspacing="0" cellpadding="0" class="main-layout"><tbody><tr><td valign="top" class="content-cell">\n${article}\n</td></tr></tbody></table>`;
  }

  const site = `${(/^.+?[市县](?:.+?区)?/.exec(model.agency) ?? [model.agency])[0]}人民政府门户网站`;
  const related = L.related
    ? `<div class="sidebar"><h3>相关阅读</h3><ul>${[1, 2, 3]
        .map((d) => `<li><a href="./t${y - d}.html">${model.agency}${y - d}年政府信息公开工作年度报告</a></li>`)
        .join('')}</ul></div>`
    : '';
  const ownTitle = { h1: title, guanyu: title, site, div: '信息公开', lead: '政府信息公开年报', none: site }[L.title];
  const pageTitle = L.titleSuffix && ownTitle !== site ? `${ownTitle}_${site}` : ownTitle;
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${pageTitle}</title>
<meta name="SiteName" content="${site}">
<meta name="ColumnName" content="政府信息公开年报">
<link rel="canonical" href="${url}">
<style>.article-title{text-align:center} table{border-collapse:collapse}</style>
</head>
<body>
<div class="top-bar"><a href="/">${site}</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a> <a href="/bsfw/">办事服务</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; <a href="/zwgk/xxgk/xxgknb/">政府信息公开年报</a></div>
<div class="main">
${article}
${related}
</div>
<div class="footer"><p>主办单位：${site.replace(/门户网站$/, '')}办公室\u3000网站标识码：${rng.int(1000000000, 9999999999)}\u3000备案号：ICP备${rng.int(10000000, 99999999)}号</p></div>
</body>
</html>
`;
  if (!L.traditional) return html;
  let out = traditional(html);
  if (L.pinyin) {
    const chars = Object.keys(PINYIN).filter(() => rng.chance(0.3));
    if (chars.length === 0) chars.push('結', '轉');
    const at = out.indexOf('<body>');
    const body = out.slice(at).replace(new RegExp(`[${chars.join('')}]`, 'g'), (ch) => `${ch}(${PINYIN[ch]})`);
    out = out.slice(0, at) + body;
  }
  return out;
}

export { Renderer };
export type { Edition };
