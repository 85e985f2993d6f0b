import type { TableStatus } from '../../lib/core/verdict';
import { h } from './dom';
import { OVERLAY_TEXT, type OverlayText } from '../../lib/i18n/overlay';

export interface TableBadgeProps {
  status: TableStatus;
  failing: number;
  /** checks that read this table's cells */
  checks: number;
  /** the overlay's words (default Chinese) */
  text?: OverlayText;
}

/** The verdict badge shown right above one report table. */
export function TableBadge(p: TableBadgeProps): HTMLElement {
  const icon = p.status === 'pass' ? '✓' : p.status === 'fail' ? '✗' : p.checks ? '?' : '–';
  const tone = p.status === 'partial' && !p.checks ? 'no-tables' : p.status;
  const b = (p.text ?? OVERLAY_TEXT.zh_CN).badge;
  const words = p.status === 'pass' ? b.pass : p.status === 'fail' ? b.fail(p.failing) : p.checks ? b.partial : b.none;
  return h(
    'div',
    { class: `nl s-${tone}` },
    h('span', { class: 'badge', role: 'status', title: b.title }, h('span', { 'aria-hidden': 'true' }, icon), words),
  );
}
