import type { Language } from '../protocol/settings';

/**
 * The words of the history's panel view and of the detail view's versions and check families (issue 12),
 * Chinese first. Kept beside ui.ts (the options page's general words), which is full.
 */
const zh = {
  viewTable: '表格',
  viewPanel: '面板',
  views: '历史记录的视图',
  region: '地区或机关（包含）',
  checkPrefix: '不符项编号（开头），如 xyear.',
  allFormats: '全部格式',
  allStatuses: '全部状态',
  panelSize: (agencies: number, years: number, reports: number) => `${agencies} 个机关 × ${years} 个年度，共 ${reports} 份`,
  more: (n: number) => `再显示 ${n} 个机关`,
  noAgency: '（未识别机关）',
  noYear: '年度未识别',
  counts: (fail: number, pass: number) => `不符 ${fail} · 相符 ${pass}`,
  several: (n: number) => `本格有 ${n} 份年报`,
  changed: '首次保存后内容有变',
  versions: '版本',
  changedFlag: '首次保存后内容有变：下列为较早的版本及其后改动的数值',
  version: (n: number, savedAt: string, hash: string) => `第 ${n} 版 · 保存于 ${savedAt} · 内容摘要 ${hash}`,
  noChanges: '（数值未变）',
  key: '键',
  label: '项目',
  change: '旧值 → 新值',
  published: '发布日期',
  evidence: '原文',
  openRef: '查看所比较的报告',
  /** the two sides' names in a family's heading row (table identities use the header's 计算数 / 报告数) */
  sides: { text: ['文字所述', '表中'], xyear: ['本年', '上年'], meta: ['数值', '基准'] } as Record<
    'text' | 'xyear' | 'meta',
    [string, string]
  >,
  daysLate: (d: number) => (d > 0 ? `逾期 ${d} 天` : d < 0 ? `提前 ${-d} 天` : '截止日当天发布'),
};

export type HistoryWords = typeof zh;

const en: HistoryWords = {
  viewTable: 'Table',
  viewPanel: 'Panel',
  views: 'History views',
  region: 'Region or agency (contains)',
  checkPrefix: 'Failing check id (starts with), e.g. xyear.',
  allFormats: 'All editions',
  allStatuses: 'All statuses',
  panelSize: (agencies, years, reports) => `${agencies} agencies × ${years} years, ${reports} reports`,
  more: (n) => `Show ${n} more agencies`,
  noAgency: '(agency not recognised)',
  noYear: 'year unknown',
  counts: (fail, pass) => `${fail} failing · ${pass} passing`,
  several: (n) => `${n} reports in this cell`,
  changed: 'Changed after first seen',
  versions: 'Versions',
  changedFlag: 'Changed after first seen: the earlier versions below, with the values changed since',
  version: (n, savedAt, hash) => `Version ${n} · saved ${savedAt} · content hash ${hash}`,
  noChanges: '(no value changed)',
  key: 'Key',
  label: 'Item',
  change: 'old → new',
  published: 'Published',
  evidence: 'Text',
  openRef: 'Open the report compared with',
  sides: { text: ['text', 'table'], xyear: ['this year', 'last year'], meta: ['value', 'reference'] },
  daysLate: (d) => (d > 0 ? `${d} days late` : d < 0 ? `${-d} days early` : 'on the deadline day'),
};

export const historyWords = (lang: Language): HistoryWords => (lang === 'en' ? en : zh);
