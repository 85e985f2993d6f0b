import type { TableStatus } from '../../lib/content/verdicts';

export interface TableBadgeProps {
  status: TableStatus;
  failing: number;
  /** checks that read this table's cells */
  checks: number;
}

const TEXT: Record<TableStatus, (p: TableBadgeProps) => string> = {
  pass: () => '勾稽关系全部成立',
  fail: (p) => `${p.failing} 项不成立`,
  partial: (p) => (p.checks ? '无法完全核验' : '本表无勾稽关系，不作核验'),
};

/** The verdict badge shown right above one report table. */
export function TableBadge(p: TableBadgeProps) {
  const icon = p.status === 'pass' ? '✓' : p.status === 'fail' ? '✗' : p.checks ? '?' : '–';
  const tone = p.status === 'partial' && !p.checks ? 'no-tables' : p.status;
  return (
    <div class={`nl s-${tone}`}>
      <span class="badge" role="status" title="年报透镜：本表的勾稽关系核验结果">
        <span aria-hidden="true">{icon}</span>
        {TEXT[p.status](p)}
      </span>
    </div>
  );
}
