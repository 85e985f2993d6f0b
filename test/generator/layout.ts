/**
 * Layout knobs of the renderer. Every knob is independent and combinable; the all-default layout is
 * the plain official layout. `seed` drives the per-cell choices (where a label gets a space, which
 * zero is left blank, which dash is used, where the page break falls).
 */
export interface Layout {
  seed: number;
  /** Word "save as HTML": MsoNormalTable, <p class=MsoNormal><span>…<o:p></o:p></span></p>, split labels, &nbsp; */
  word: boolean;
  /** how zero cells are printed: `0`, empty, or a dash ("-", "—", "/", "无") */
  blanks: 'none' | 'empty' | 'dash';
  /** every zero that may be blank is blank (else about half of them) */
  blankAll: boolean;
  /** unit suffixes: 15件, 3项, 12.5万元, 增加3项 / 减少5项 */
  units: boolean;
  /** full-width digits １２ */
  fullWidth: boolean;
  /** thousands separators for numbers ≥ 1000 (1,234 or 1，234) */
  thousands: boolean;
  /** white space inside labels (商业 企业, U+3000, &nbsp;, line breaks) and around numbers */
  spaces: boolean;
  /** half-width punctuation in labels: (一)予以公开, "三安全一稳定" */
  halfWidth: boolean;
  /** section 三 split at a page break into two tables; the restarted rowspan label is empty or repeated */
  split: 'none' | 'empty' | 'repeat';
  /** where the page break falls: index of the first body row of the second part (negative: from the end); random when absent */
  splitAt?: number;
  /** header rows in <thead> (with <th>), body in <tbody> */
  thead: boolean;
  /** section 二 as one table, or one table per 第二十条 item */
  active: 'one' | 'per-item';
  /** the whole article inside a layout table */
  wrapper: boolean;
  /** the whole page converted to traditional characters (opencc cn → tw) */
  traditional: boolean;
  /** converter artifacts: pinyin after a few traditional characters (結(jié)) — only with `traditional` */
  pinyin: boolean;
  /** a display:none copy of a report table with different numbers (on the table, or on a wrapping div) */
  hidden: 'none' | 'table' | 'div';
  /** site name after the title: <title>…年度报告_XX市人民政府门户网站</title> */
  titleSuffix: boolean;
  /** a sidebar listing other years' reports of the same agency */
  related: boolean;
  /**
   * header and body widths disagree: a section 二 header label has colspan=2 while the body has one cell
   * per column (上海市政府办公厅 2019); section 三's header label block is one column wider than the body's
   */
  widths: boolean;
  /**
   * where the report's name is (issue 8): `h1` (the page title and an h1), `guanyu` (both read
   * "关于…年度报告"), `site` (the page title is the site's name, the h1 names the report), `div` (the page
   * title is a column name, the name only in an unclassed div), `lead` (only in the article's first
   * paragraph), `none` (nowhere: year and agency from the body and the byline)
   */
  title: 'h1' | 'guanyu' | 'site' | 'div' | 'lead' | 'none';
}

export const PLAIN: Layout = {
  seed: 1,
  word: false,
  blanks: 'none',
  blankAll: false,
  units: false,
  fullWidth: false,
  thousands: false,
  spaces: false,
  halfWidth: false,
  split: 'none',
  thead: false,
  active: 'one',
  wrapper: false,
  traditional: false,
  pinyin: false,
  hidden: 'none',
  titleSuffix: false,
  related: false,
  widths: false,
  title: 'h1',
};

/** Named layouts for readable fixed-seed cases: each turns on one knob (a few turn on several). */
export const NAMED_LAYOUTS: Record<string, Partial<Layout>> = {
  plain: {},
  word: { word: true },
  'sparse-blanks': { blanks: 'empty', blankAll: true },
  'sparse-some': { blanks: 'empty', blankAll: false },
  dashes: { blanks: 'dash', blankAll: true },
  units: { units: true },
  'full-width': { fullWidth: true },
  thousands: { thousands: true },
  spaces: { spaces: true },
  'half-width': { halfWidth: true },
  'split-empty': { split: 'empty' },
  'split-repeat': { split: 'repeat' },
  'split-tail': { split: 'empty', splitAt: -1 },
  'split-head': { split: 'repeat', splitAt: 1 },
  thead: { thead: true },
  'active-per-item': { active: 'per-item' },
  wrapper: { wrapper: true },
  traditional: { traditional: true },
  'traditional-pinyin': { traditional: true, pinyin: true },
  'hidden-table': { hidden: 'table' },
  'hidden-div': { hidden: 'div' },
  'title-suffix-related': { titleSuffix: true, related: true },
  widths: { widths: true },
  'widths-word-sparse-split': { widths: true, word: true, blanks: 'empty', blankAll: true, split: 'repeat', active: 'per-item' },
  'title-guanyu': { title: 'guanyu' },
  'title-site': { title: 'site', titleSuffix: true },
  'title-div': { title: 'div' },
  'title-lead': { title: 'lead', related: true },
  'title-none': { title: 'none' },
  'word-sparse-split': { word: true, blanks: 'empty', blankAll: true, split: 'empty', spaces: true },
  everything: {
    word: true,
    blanks: 'dash',
    units: true,
    fullWidth: true,
    thousands: true,
    spaces: true,
    halfWidth: true,
    split: 'repeat',
    thead: true,
    active: 'per-item',
    wrapper: true,
    traditional: true,
    pinyin: true,
    hidden: 'div',
    titleSuffix: true,
    related: true,
  },
};

export function layoutOf(partial: Partial<Layout> = {}): Layout {
  const l = { ...PLAIN, ...partial };
  if (!l.traditional) l.pinyin = false;
  return l;
}

/** Short description of the knobs that differ from the plain layout (for test names and messages). */
export function describeLayout(l: Layout): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(l) as [keyof Layout, unknown][]) {
    if (k === 'seed') continue;
    if (v !== PLAIN[k]) parts.push(typeof v === 'boolean' ? k : `${k}=${String(v)}`);
  }
  return parts.length ? parts.join(',') : 'plain';
}
