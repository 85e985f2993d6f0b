/**
 * The stable keys of SPEC §2: every value in a report has one key that never depends on layout.
 * This file is data only: the catalogue of keys, their official labels and the edition they belong to.
 */

export type Edition = '2019' | '2021';
export type Section = 'active' | 'apply' | 'review';

/** Applicant columns of section 三, in printed order. */
export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const APPLICANT_PARTS = APPLICANT_COLUMNS.slice(0, 6) as readonly ApplicantColumn[];

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

export interface RowDef {
  /** row key, e.g. `result.withheld.state_secret` */
  key: string;
  /** official label of the row itself (without its group) */
  label: string;
  /** official label of the enclosing group row, when it has one */
  group?: string;
  /** true for rows whose values are summed by `apply.results.<col>` */
  leaf?: boolean;
}

const OTHER = '（六）其他处理';

/**
 * The leaf rows of a group, compactly (this table ships in every page's content script): one `key label`
 * entry a line; each row's key is `result.<group key>.<key>`, its label numbered `1.`, `2.` ….
 */
function leaves(groupKey: string, group: string, rows: string): RowDef[] {
  return rows
    .trim()
    .split('\n')
    .map((row, i) => {
      const [key, label] = row.split(' ');
      return { key: `result.${groupKey}.${key}`, label: `${i + 1}.${label}`, group, leaf: true };
    });
}

const COMMON_HEAD: RowDef[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { key: 'result.disclosed', label: '（一）予以公开', leaf: true },
  { key: 'result.partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', leaf: true },
  ...leaves(
    'withheld',
    '（三）不予公开',
    `
state_secret 属于国家秘密
law_prohibited 其他法律行政法规禁止公开
security_stability 危及“三安全一稳定”
third_party 保护第三方合法权益
internal_affairs 属于三类内部事务信息
process_info 属于四类过程性信息
enforcement_file 属于行政执法案卷
query_matter 属于行政查询事项
`,
  ),
  ...leaves(
    'unavailable',
    '（四）无法提供',
    `
not_held 本机关不掌握相关政府信息
needs_creation 没有现成信息需要另行制作
unclear 补正后申请内容仍不明确
`,
  ),
  ...leaves(
    'rejected',
    '（五）不予处理',
    `
petition 信访举报投诉类申请
duplicate 重复申请
publication 要求提供公开出版物
excessive 无正当理由大量反复申请
reconfirm 要求行政机关确认或重新出具已获取信息
`,
  ),
];

const TAIL: RowDef[] = [
  { key: 'result.total', label: '（七）总计' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
];

/** Section 三 rows per edition, in printed order. */
export const APPLY_ROWS: Record<Edition, RowDef[]> = {
  '2019': [...COMMON_HEAD, { key: 'result.other', label: OTHER, leaf: true }, ...TAIL],
  '2021': [
    ...COMMON_HEAD,
    ...leaves(
      'other',
      OTHER,
      `
overdue_correction 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
overdue_fee 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
other 其他
`,
    ),
    ...TAIL,
  ],
};

/** Section 四 blocks and their columns. */
export const REVIEW_BLOCKS = ['review', 'suit.direct', 'suit.after_review'] as const;
export type ReviewBlock = (typeof REVIEW_BLOCKS)[number];
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export const REVIEW_BLOCK_LABELS: Record<ReviewBlock, string> = {
  review: '行政复议',
  'suit.direct': '行政诉讼·未经复议直接起诉',
  'suit.after_review': '行政诉讼·复议后起诉',
};
export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export type ActiveColumnKind = 'count' | 'change' | 'money';
export interface ActiveColumn {
  key: string;
  label: string;
  kind: ActiveColumnKind;
}
export interface ActiveItem {
  key: string;
  label: string;
  /** the 第二十条 item the row is printed under */
  article: string;
  columns: ActiveColumn[];
}

const C = (key: string, label: string, kind: ActiveColumnKind = 'count'): ActiveColumn => ({ key, label, kind });

const DOCS_2021 = [C('issued', '本年制发件数'), C('repealed', '本年废止件数'), C('in_force', '现行有效件数')];
const DOCS_2019 = [C('made', '本年新制作数量'), C('published', '本年新公开数量'), C('total', '对外公开总数量')];
const ITEMS_2019 = [C('prev_items', '上一年项目数量'), C('change', '本年增/减', 'change'), C('decisions', '处理决定数量')];

/** An item printed under 第二十条第（<n>）项. */
const I = (key: string, label: string, n: string, columns: ActiveColumn[]): ActiveItem => ({
  key,
  label,
  article: `第二十条第（${n}）项`,
  columns,
});
const DECISIONS = [C('decisions', '本年处理决定数量')];

/** Section 二 items per edition. Section 二 has no identity inside one report (SPEC §4). */
export const ACTIVE_ITEMS: Record<Edition, ActiveItem[]> = {
  '2021': [
    I('regulations', '规章', '一', DOCS_2021),
    I('normative_docs', '行政规范性文件', '一', DOCS_2021),
    I('licensing', '行政许可', '五', DECISIONS),
    I('penalty', '行政处罚', '六', DECISIONS),
    I('coercion', '行政强制', '六', DECISIONS),
    I('fees', '行政事业性收费', '八', [C('amount', '本年收费金额（单位：万元）', 'money')]),
  ],
  '2019': [
    I('regulations', '规章', '一', DOCS_2019),
    I('normative_docs', '规范性文件', '一', DOCS_2019),
    I('licensing', '行政许可', '五', ITEMS_2019),
    I('other_services', '其他对外管理服务事项', '五', ITEMS_2019),
    I('penalty', '行政处罚', '六', ITEMS_2019),
    I('coercion', '行政强制', '六', ITEMS_2019),
    I('fees', '行政事业性收费', '八', ITEMS_2019.slice(0, 2)),
    I('procurement', '政府集中采购', '九', [C('items', '采购项目数量'), C('amount', '采购总金额', 'money')]),
  ],
};

export interface KeyInfo {
  key: string;
  section: Section;
  /** human label, e.g. `（三）不予公开 1.属于国家秘密 · 自然人` */
  label: string;
  kind: ActiveColumnKind;
}

function buildCatalogue(edition: Edition): KeyInfo[] {
  const out: KeyInfo[] = [];
  for (const item of ACTIVE_ITEMS[edition]) {
    for (const col of item.columns) {
      out.push({ key: `active.${item.key}.${col.key}`, section: 'active', label: `${item.label} · ${col.label}`, kind: col.kind });
    }
  }
  for (const row of APPLY_ROWS[edition]) {
    for (const col of APPLICANT_COLUMNS) {
      const rowLabel = row.group ? `${row.group} ${row.label}` : row.label;
      out.push({ key: `apply.${row.key}.${col}`, section: 'apply', label: `${rowLabel} · ${APPLICANT_COLUMN_LABELS[col]}`, kind: 'count' });
    }
  }
  for (const block of REVIEW_BLOCKS) {
    for (const col of REVIEW_COLUMNS) {
      out.push({
        key: `${block}.${col}`,
        section: 'review',
        label: `${REVIEW_BLOCK_LABELS[block]} · ${REVIEW_COLUMN_LABELS[col]}`,
        kind: 'count',
      });
    }
  }
  return out;
}

/** Every key of an edition, in printed order (section 二, 三, 四). */
export const KEYS: Record<Edition, KeyInfo[]> = { '2019': buildCatalogue('2019'), '2021': buildCatalogue('2021') };

const INFO = new Map<string, KeyInfo>([...KEYS['2021'], ...KEYS['2019']].map((k) => [k.key, k]));

/** Label, section and kind of a key (either edition), or undefined for a key that does not exist. */
export function keyInfo(key: string): KeyInfo | undefined {
  return INFO.get(key);
}

/** All keys of both editions, 2021 first then the 2019-only ones; the column order of wide exports. */
export const ALL_KEYS: string[] = /* @__PURE__ */ uniqueKeys();

/** (a call, so that bundles which never read ALL_KEYS — the content script — leave it out) */
function uniqueKeys(): string[] {
  return [...new Set([...KEYS['2021'], ...KEYS['2019']].map((k) => k.key))];
}
