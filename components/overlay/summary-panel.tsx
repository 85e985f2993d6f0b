import type { CheckText, PageStatus } from '../../lib/content/verdicts';

export interface SummaryPanelProps {
  status: PageStatus;
  agency: string | null;
  year: number | null;
  format: string;
  tables: number;
  counts: { pass: number; fail: number; skip: number };
  /** the failing checks, as sentences */
  failing: CheckText[];
  scanMs: number;
  onNextError?: () => void;
}

const VERDICT: Record<PageStatus, string> = {
  pass: '勾稽关系全部成立',
  fail: '发现勾稽关系错误',
  partial: '无法完全核验',
  'no-tables': '表格为图片，无法核验',
};

const FORMAT: Record<string, string> = { '2019': '2019 版', '2021': '2021 版', legacy: '旧版（2019 年前）', unknown: '未知' };
const SHOWN = 5;

/** The page summary above the first report table: who, which year, which format, and the verdict. */
export function SummaryPanel(p: SummaryPanelProps) {
  const { pass, fail, skip } = p.counts;
  return (
    <div class={`nl panel s-${p.status}`} role="region" aria-label="年报透镜核验结果">
      <div class="head">
        <span class="brand">年报透镜</span>
        <span class="verdict">{p.status === 'fail' ? `${fail} 项勾稽关系不成立` : VERDICT[p.status]}</span>
        {p.status === 'fail' && p.onNextError && (
          <button type="button" data-testid="next-error" onClick={p.onNextError} title="跳到下一个错误（Alt+Shift+N）">
            下一个错误 ↓ <span class="kbd">Alt+Shift+N</span>
          </button>
        )}
      </div>
      <div class="meta">
        {p.agency ?? '（未识别机关）'} · {p.year ? `${p.year} 年度` : '年度未识别'} · 格式 {FORMAT[p.format] ?? p.format} ·{' '}
        {p.tables} 张统计表
      </div>
      {p.status !== 'no-tables' && (
        <div class="counts">
          核验 <b>{pass + fail + skip}</b> 项：成立 <b>{pass}</b> · 不成立 <b>{fail}</b> · 无法核验 <b>{skip}</b>
          {pass + fail + skip === 0 && '（本格式没有可核验的勾稽关系）'} · 用时 {Math.round(p.scanMs)} ms
        </div>
      )}
      {p.failing.length > 0 && (
        <ul class="fails">
          {p.failing.slice(0, SHOWN).map((t) => (
            <li>
              {t.equation} <span class="v">（{t.values}）</span>
            </li>
          ))}
        </ul>
      )}
      {p.failing.length > SHOWN && <div class="more">另有 {p.failing.length - SHOWN} 项，见表中红框</div>}
    </div>
  );
}
