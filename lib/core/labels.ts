import type { ApplicantColumn, ReviewBlock, ReviewColumn } from './keys';
import { memo, stripOrdinal } from './text';

/**
 * The value of the first pattern the label matches. A plain indexed loop: the scan runs once per page
 * load, mostly before V8 has optimised anything, where `find` with a destructuring callback allocates
 * an iterator per pattern.
 */
function firstMatch<T>(table: readonly (readonly [RegExp, T])[], label: string): T | undefined {
  for (let i = 0; i < table.length; i++) if (table[i][0].test(label)) return table[i][1];
  return undefined;
}

/**
 * A rule table from its compact form (the tables ship in every page's content script): one rule
 * a line: a pattern and the value it gives (after `prefix`), separated by a space.
 */
function rules<T extends string>(spec: string, prefix = ''): [RegExp, T][] {
  return spec
    .trim()
    .split('\n')
    .map((rule) => {
      const [pattern, value] = rule.split(' ');
      return [new RegExp(pattern), (prefix + value) as T];
    });
}

/** A memoised matcher over a rule table: the value of the first rule the label matches. */
function matcher<T>(table: readonly (readonly [RegExp, T])[]): (label: string) => T | undefined {
  return memo((label) => firstMatch(table, label));
}

/**
 * Normalised label → stable key part, by meaning (SPEC §2). Every function takes a label already
 * passed through `normalizeLabel` and returns undefined for a label it cannot map: the caller
 * reports it as unmapped, never guesses.
 */

const APPLICANT: [RegExp, ApplicantColumn][] = rules(`
^自然人?$ natural
^商业(企业)?$|^企业$ commercial
^科研(机构|企业)?$ research
^社会(公益)?(组织)?$|^公益组织$ social
^法律(服务)?(机构)?$ legal
^其他(组织)?$ other
^(总计|合计|总数|总)$ total
`);

export const applicantColumn = matcher(APPLICANT);

/** Section 三 sub-rows that are unambiguous by themselves: a table per key prefix, in matching order. */
const APPLY_LEAVES: [RegExp, string][] = [
  ...rules(`
本年新收 new
上一?年(度)?(结转|转结) carried_over
结转下一?年|下年度继续办理|结转至下年 carried_forward
`),
  ...rules(
    `
国家秘密 state_secret
法律行政法规禁止|其他法律.*禁止 law_prohibited
三安全一稳定 security_stability
第三方 third_party
内部事务 internal_affairs
过程性 process_info
执法案卷 enforcement_file
行政查询 query_matter
`,
    'result.withheld.',
  ),
  ...rules(
    `
不掌握 not_held
另行制作|没有现成 needs_creation
仍不明确|补正后 unclear
`,
    'result.unavailable.',
  ),
  ...rules(
    `
信访|举报投诉 petition
重复申请 duplicate
出版物 publication
大量反复 excessive
重新出具|确认或重新 reconfirm
`,
    'result.rejected.',
  ),
  ...rules(
    `
逾期不补正|不补正 overdue_correction
收费通知|缴纳费用 overdue_fee
`,
    'result.other.',
  ),
  ...rules(
    `
部分公开 partial
^予以公开|^同意公开 disclosed
`,
    'result.',
  ),
];

export type ApplyGroup = 'withheld' | 'unavailable' | 'rejected' | 'other' | 'result';

const GROUPS: [RegExp, ApplyGroup][] = rules(`
^不予公开 withheld
^无法提供 unavailable
^不予处理 rejected
^其他处理 other
本年度办理结果|^办理结果 result
`);

/** A group label (`（三）不予公开`, `三、本年度办理结果`), or undefined. */
export const applyGroup = memo((label: string): ApplyGroup | undefined => {
  return firstMatch(GROUPS, stripOrdinal(label));
});

const bareOf = memo(stripOrdinal);

/**
 * The row key of a section 三 row from its label path (outer group labels first, its own label last).
 * `other` rows: a lone （六）其他处理 is the 2019 leaf `result.other`; `3.其他` under it is 2021's
 * `result.other.other`.
 */
const leafOf = matcher(APPLY_LEAVES);

export function applyRow(path: readonly string[], previousKey?: string): string | undefined {
  const own = path[path.length - 1];
  if (!own) return undefined;
  const bare = bareOf(own);
  const leaf = leafOf(bare);
  if (leaf) return leaf;
  if (bare === '总计' || bare === '合计') return 'result.total';
  if (bare === '其他' && (underOther(path) || previousKey?.startsWith('result.other.'))) return 'result.other.other';
  if (bare === '其他处理') return 'result.other';
  return undefined;
}

/** true when a group label above the row's own label is （六）其他处理. */
function underOther(path: readonly string[]): boolean {
  for (let i = 0; i < path.length - 1; i++) if (applyGroup(path[i]) === 'other') return true;
  return false;
}

/** Section 四 block of a header label. */
const REVIEW_BLOCK_LABELS: [RegExp, ReviewBlock | 'suit'][] = rules(`
^行政复议$|^复议$ review
未经复议|直接起诉 suit.direct
复议后起诉 suit.after_review
^行政诉讼$ suit
`);

export const reviewBlock = matcher(REVIEW_BLOCK_LABELS);

const REVIEW_COLUMN_LABELS: [RegExp, ReviewColumn][] = rules(`
^(结果)?维持$ upheld
^(结果)?纠正$ corrected
^其他(结果)?$ other
^尚未审结$|^未审结$ pending
^(总计|合计|总)$ total
`);

export const reviewColumn = matcher(REVIEW_COLUMN_LABELS);

/** Section 二 row label → item key. */
const ACTIVE_ROWS: [RegExp, string][] = rules(`
^规章 regulations
^(行政)?规范性文件 normative_docs
^(行)?政许可 licensing
^其他对外管理服务事项 other_services
^(行)?政处罚 penalty
^(行)?政强制 coercion
^行政事业性收费 fees
^政府集中采购 procurement
`);

export const activeRow = matcher(ACTIVE_ROWS);

/** Section 二 column header → column key (both editions). */
const ACTIVE_COLUMNS: [RegExp, string][] = rules(`
制发件数|^本年制发|^本年发件 issued
废止件数 repealed
现行有效 in_force
处理决定数量 decisions
收费金额|采购总金额|总金额 amount
新制作数量 made
新公开数量 published
对外公开总数 total
上一年项目数量|上一年项目 prev_items
增/?减 change
采购项目数量 items
`);

export const activeColumn = matcher(ACTIVE_COLUMNS);

/** The 第二十条 article a label names, e.g. `第二十条第(一)项` → `一`. */
const ARTICLE = /^第二十条第\(?([一二三四五六七八九十]+)\)?项/;

export const articleOf = memo((label: string): string | undefined => ARTICLE.exec(label)?.[1]);
