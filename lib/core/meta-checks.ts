import { toSimplified } from './chinese';
import { FORMAT_BY_YEAR_NOTE } from './format';
import type { Check, ReportRecord } from './record';

/**
 * The checks of SPEC §10 that read the record's metadata rather than its tables:
 * - `meta.deadline`: published on time (条例 第五十条) — a department by 1月31日, a people's government's own
 *   report by 3月31日 of the next year, the day itself on time. `lhs` = days from the deadline to the
 *   publication (negative: early), `rhs` = 0, `diff` = days late. Reports of 2018 and before fell under the
 *   2008 条例 (第三十一条): every agency by 3月31日.
 * - `meta.template`: the tables' edition fits the year (2019 for report years 2019–2020, 2021 from 2021);
 *   `lhs` the edition found, `rhs` the one expected.
 */

export type MetaFacts = Pick<ReportRecord, 'agency' | 'year' | 'format' | 'tables' | 'publishedAt' | 'notes'>;

/**
 * A people's government's own report (…人民政府, 县政府, 镇政府, 苏木人民政府 …): its name ends in 政府.
 * Everything else is a department with the 1月31日 deadline — the government's own office (…人民政府办公室,
 * 政府办, 办公厅), every 局/委/办/中心, and also a 街道办事处 and a 开发区管委会: both are bodies sent out by
 * a government (派出机关/派出机构), not governments. 乡/镇/苏木人民政府 count as governments (the lenient
 * reading: 第五十条's 3月31日 strictly names 县级以上 governments, so a township is never failed for
 * February or March).
 */
export function isPeoplesGovernment(agency: string): boolean {
  const name = toSimplified(agency)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（][^()（）]*[)）]$/, '');
  // a bare place name (广元市, 灵川县: the title of a government's report that names only its area) is the
  // government's own report; a body of it always carries its own word (…局, …办公室, …管委会)
  return (
    /(?:人民政府|[省市县区旗州盟镇乡]政府)$/.test(name) ||
    (/^[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗)$/.test(name) &&
      !/(?:局|委|办|厅|中心|院|会|所|站|队|社区|街道|开区|园区|新区|片区|景区|保护区|示范区|功能区|管理区|试验区|合作区|工业区)$/.test(
        name,
      ))
  );
}

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** days since 1970-01-01 of a valid `YYYY-MM-DD`, else null */
function dayNumber(iso: string): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? t / DAY : null;
}

const skip = (id: string, reason: string): Check => ({
  id,
  status: 'skip',
  lhs: null,
  rhs: null,
  diff: null,
  lhsKeys: [],
  rhsKeys: [],
  reason,
});

function deadlineCheck(r: MetaFacts): Check {
  const id = 'meta.deadline';
  if (r.year === null) return skip(id, '报告年度不明');
  // the 2008 条例 (第三十一条, in force until 2019-05-15) gave every agency until 3月31日
  const oldRules = r.year <= 2018;
  if (!r.agency && !oldRules) return skip(id, '发布机构不明，无法确定时限');
  if (!r.publishedAt) return skip(id, '页面未载明发布日期');
  const published = dayNumber(r.publishedAt);
  if (published === null) return skip(id, `发布日期“${r.publishedAt}”无法识别`);
  if (published <= dayNumber(`${r.year}-12-31`)!) {
    return skip(id, `发布日期${r.publishedAt}早于${r.year}年度结束，报告年度或发布日期可能读错`);
  }
  const government = !oldRules && !!r.agency && isPeoplesGovernment(r.agency);
  const due = `${r.year + 1}-${government || oldRules ? '03-31' : '01-31'}`;
  const diff = published - dayNumber(due)!;
  const timing = diff > 0 ? `逾期${diff}天` : diff === 0 ? '当日发布，按时' : `提前${-diff}天`;
  return {
    id,
    status: diff > 0 ? 'fail' : 'pass',
    lhs: diff,
    rhs: 0,
    diff,
    lhsKeys: [],
    rhsKeys: [],
    evidence: `发布于${r.publishedAt}，${oldRules ? '2018年度及以前的' : government ? '政府' : '部门'}报告应于${due}前发布，${timing}`,
  };
}

const expectedEdition = (year: number): 2019 | 2021 => (year <= 2020 ? 2019 : 2021);

function templateCheck(r: MetaFacts): Check | null {
  const id = 'meta.template';
  if (r.year === null || r.year < 2019 || !r.tables || (r.format !== '2019' && r.format !== '2021')) return null;
  if (r.notes.includes(FORMAT_BY_YEAR_NOTE)) return skip(id, '表格未见版式特征，格式按年份判定，无从核对');
  const found = Number(r.format);
  const expected = expectedEdition(r.year);
  const diff = found - expected;
  return {
    id,
    status: diff === 0 ? 'pass' : 'fail',
    lhs: found,
    rhs: expected,
    diff,
    lhsKeys: [],
    rhsKeys: [],
    evidence: `${r.year}年报告使用${found}版表格${diff ? `，应为${expected}版` : ''}`,
  };
}

/** `meta.deadline` always (skip when a fact is unknown); `meta.template` for a 2019+ report with readable tables. */
export function metaChecks(r: MetaFacts): Check[] {
  const template = templateCheck(r);
  return template ? [deadlineCheck(r), template] : [deadlineCheck(r)];
}
