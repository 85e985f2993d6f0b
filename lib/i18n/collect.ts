import type { Language } from '../protocol/settings';

/** The collector page's words (SPEC §9), Chinese first. `{name}` placeholders are filled by `t`. */
const zh = {
  title: '收集栏目中的年报',
  noUrl: '缺少栏目地址（collector.html?url=…）',
  listing: '栏目',
  readingListing: '正在读取栏目页… 已读 {pages} 页',
  listingFailed: '无法读取栏目页：{error}',
  fromTab: '从打开的标签页读取',
  fromFetch: '从网站读取',
  pagesRead: '已读 {pages} 页，列出 {count} 个链接，其中 {reports} 个是年报',
  followPages: '跟随分页（下一页、页码）',
  filter: '筛选标题或网址',
  selectAll: '全选',
  selectNone: '全不选',
  checkedCount: '已勾选 {count} 个',
  start: '开始收集（{count} 个）',
  pause: '暂停',
  resume: '继续',
  retryFailed: '重试失败的 {count} 个',
  newRun: '重新读取栏目',
  savedBefore: '已保存',
  offSite: '其他网站',
  notReportLink: '非年报',
  state_idle: '尚未开始',
  state_running: '正在收集',
  state_paused: '已暂停',
  state_done: '已完成',
  progress: '{done} / {total}',
  eta: '预计还需 {time}',
  politeNote: '同一网站同一时间只发一个请求，请求间隔至少 {gap} 秒（另加随机间隔）；遇到 429/503 按 Retry-After 等待。',
  status_queued: '排队中',
  status_fetching: '正在读取',
  status_saved: '已保存',
  'status_not-report': '不是年报',
  'status_no-tables': '无可读表格',
  status_failed: '失败',
  status_skipped: '未变（跳过）',
  countSaved: '已保存 {count}',
  countErrors: '勾稽不符 {count}',
  countNoTables: '无可读表格 {count}',
  countFailed: '失败 {count}',
  countSkipped: '未变 {count}',
  countNotReport: '不是年报 {count}',
  summaryDone: '收集完成：保存 {saved} 份，未变 {skipped} 份，其中 {errors} 份有勾稽错误；{noTables} 份没有可读表格；{failed} 个失败。',
  failures: '失败的链接',
  exportRun: '导出本次收集的 {count} 份记录',
  failing: '{count} 项不符',
  fromFile: '表格来自附件',
  minutes: '{m} 分 {s} 秒',
  seconds: '{s} 秒',
  more: '再显示 {count} 个',
};

export type CollectKey = keyof typeof zh;

const en: Record<CollectKey, string> = {
  title: 'Collect the reports of a column',
  noUrl: 'No listing address (collector.html?url=…)',
  listing: 'Listing',
  readingListing: 'Reading the listing… {pages} page(s) read',
  listingFailed: 'The listing could not be read: {error}',
  fromTab: 'read from the open tab',
  fromFetch: 'read from the site',
  pagesRead: '{pages} page(s) read, {count} links listed, {reports} of them reports',
  followPages: 'Follow the pagination (next page, page numbers)',
  filter: 'Filter title or address',
  selectAll: 'Select all',
  selectNone: 'Select none',
  checkedCount: '{count} checked',
  start: 'Collect ({count})',
  pause: 'Pause',
  resume: 'Resume',
  retryFailed: 'Retry the {count} failed',
  newRun: 'Read the listing again',
  savedBefore: 'saved',
  offSite: 'other site',
  notReportLink: 'not a report',
  state_idle: 'not started',
  state_running: 'collecting',
  state_paused: 'paused',
  state_done: 'done',
  progress: '{done} / {total}',
  eta: 'about {time} left',
  politeNote:
    'One request at a time per site, at least {gap} s apart (plus a random extra); 429/503 answers are waited out as Retry-After asks.',
  status_queued: 'queued',
  status_fetching: 'reading',
  status_saved: 'saved',
  'status_not-report': 'not a report',
  'status_no-tables': 'no readable tables',
  status_failed: 'failed',
  status_skipped: 'unchanged (skipped)',
  countSaved: '{count} saved',
  countErrors: '{count} with failing checks',
  countNoTables: '{count} without tables',
  countFailed: '{count} failed',
  countSkipped: '{count} unchanged',
  countNotReport: '{count} not reports',
  summaryDone:
    'Done: {saved} saved and {skipped} unchanged, {errors} of them with arithmetic errors; {noTables} without readable tables; {failed} failed.',
  failures: 'Failed links',
  exportRun: 'Export the {count} records of this run',
  failing: '{count} failing',
  fromFile: 'tables from the attachment',
  minutes: '{m} min {s} s',
  seconds: '{s} s',
  more: 'Show {count} more',
};

const DICTS: Record<Language, Record<CollectKey, string>> = { zh_CN: zh, en };

export type CollectTranslate = (key: CollectKey, params?: Record<string, string | number>) => string;

export function collectTranslator(lang: Language): CollectTranslate {
  const dict = DICTS[lang] ?? zh;
  return (key, params) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
}

/** A duration in words: "3 分 20 秒" / "3 min 20 s". */
export function durationWords(ms: number, t: CollectTranslate): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  return m ? t('minutes', { m, s: total % 60 }) : t('seconds', { s: total });
}
