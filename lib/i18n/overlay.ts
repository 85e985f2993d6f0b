/**
 * The overlay's own words, in the two UI languages of the settings (Chinese by default). The names of
 * rows and columns in equations stay as the report prints them (lib/keys.ts labels).
 */
export type OverlayLang = 'zh_CN' | 'en';

export interface OverlayText {
  brand: string;
  region: string;
  verdict: { pass: string; partial: string; 'no-tables': string; fail: (n: number) => string };
  nextError: string;
  nextErrorTitle: string;
  noAgency: string;
  year: (y: number | null) => string;
  format: (f: string) => string;
  tables: (n: number) => string;
  counts: (total: number, pass: number, fail: number, skip: number) => string;
  noIdentities: string;
  took: (ms: number) => string;
  more: (n: number) => string;
  badge: { pass: string; fail: (n: number) => string; partial: string; none: string; title: string };
  values: (reported: string, computed: string, diff: string) => string;
  sides: (lhs: string, rhs: string, diff: string) => string;
  count: (n: number) => string;
  /** which report of a page holding several (a 年报汇编) */
  part: (n: number, of: number) => string;
  /** the link to the other year's saved report (xyear.*) */
  previous: string;
}

const FORMAT_ZH: Record<string, string> = { '2019': '2019 版', '2021': '2021 版', legacy: '旧版（2019 年前）', unknown: '未知' };
const FORMAT_EN: Record<string, string> = {
  '2019': '2019 edition',
  '2021': '2021 edition',
  legacy: 'legacy (before 2019)',
  unknown: 'unknown',
};

/** the page verdict's words, repeated on the table badges */
const ZH_PASS = '勾稽关系全部成立';
const ZH_PARTIAL = '无法完全核验';
const EN_PASS = 'All identities hold';
const EN_PARTIAL = 'Could not be fully checked';

export const OVERLAY_TEXT: Record<OverlayLang, OverlayText> = {
  zh_CN: {
    brand: '年报透镜',
    region: '年报透镜核验结果',
    verdict: {
      pass: ZH_PASS,
      partial: ZH_PARTIAL,
      'no-tables': '表格为图片，无法核验',
      fail: (n) => `${n} 项核验不通过`,
    },
    nextError: '下一个错误 ↓',
    nextErrorTitle: '跳到下一个错误（Alt+Shift+N）',
    noAgency: '（未识别机关）',
    year: (y) => (y ? `${y} 年度` : '年度未识别'),
    format: (f) => `格式 ${FORMAT_ZH[f] ?? f}`,
    tables: (n) => `${n} 张统计表`,
    counts: (t, p, f, s) => `核验 ${t} 项：成立 ${p} · 不成立 ${f} · 无法核验 ${s}`,
    noIdentities: '（本格式没有可核验的勾稽关系）',
    took: (ms) => `用时 ${ms} ms`,
    more: (n) => `另有 ${n} 项，见表中红框`,
    badge: {
      pass: ZH_PASS,
      fail: (n) => `${n} 项不成立`,
      partial: ZH_PARTIAL,
      none: '本表无勾稽关系，不作核验',
      title: '年报透镜：本表的勾稽关系核验结果',
    },
    values: (r, c, d) => `报告值 ${r} · 计算值 ${c} · 差 ${d}`,
    sides: (l, r, d) => `左边 ${l} · 右边 ${r} · 差 ${d}`,
    count: (n) => `共 ${n} 项`,
    part: (n, of) => `本页第 ${n} 份（共 ${of} 份）`,
    previous: ' 上年报告',
  },
  en: {
    brand: 'Nianbao Lens',
    region: 'Nianbao Lens verdict',
    verdict: {
      pass: EN_PASS,
      partial: EN_PARTIAL,
      'no-tables': 'Tables are images: cannot be checked',
      fail: (n) => `${n} ${n === 1 ? 'check fails' : 'checks fail'}`,
    },
    nextError: 'Next error ↓',
    nextErrorTitle: 'Jump to the next error (Alt+Shift+N)',
    noAgency: '(agency not recognised)',
    year: (y) => (y ? `report year ${y}` : 'year not recognised'),
    format: (f) => `format ${FORMAT_EN[f] ?? f}`,
    tables: (n) => `${n} ${n === 1 ? 'table' : 'tables'}`,
    counts: (t, p, f, s) => `${t} checks: ${p} hold · ${f} do not · ${s} cannot be assessed`,
    noIdentities: ' (this format has no identities to check)',
    took: (ms) => `took ${ms} ms`,
    more: (n) => `${n} more, outlined in red in the tables`,
    badge: {
      pass: EN_PASS,
      fail: (n) => `${n} not holding`,
      partial: EN_PARTIAL,
      none: 'No identities in this table',
      title: 'Nianbao Lens: the identities of this table',
    },
    values: (r, c, d) => `reported ${r} · computed ${c} · difference ${d}`,
    sides: (l, r, d) => `left ${l} · right ${r} · difference ${d}`,
    count: (n) => `${n} in all`,
    part: (n, of) => `report ${n} of ${of} on this page`,
    previous: " last year's report",
  },
};
