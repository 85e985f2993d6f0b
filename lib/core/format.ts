import { APPLICANT_COLUMNS, KEYS, type Edition } from './keys';
import type { ApplyState } from './map-apply';
import type { ActiveState } from './map-active';
import type { Format } from './record';
import type { Sink } from './sink';

/**
 * The report's edition by weight of evidence (SPEC §1, issue 8 item 3). Three witnesses vote:
 * - the section 二 column headers (本年制发件数 … ⇒ 2021; 本年新制作数量, 上一年项目数量 … ⇒ 2019): weight 2,
 *   several printed words that agree;
 * - the shape of section 三's （六）其他处理: three sub-rows ⇒ 2021 decide by themselves (nobody prints
 *   them by accident); a single row ⇒ 2019 weighs 1 (a 2021 report on an old template keeps one row);
 * - the report year (2019–2020 ⇒ 2019, from 2021 ⇒ 2021): weight 1.
 * A tie goes to the tables when they agree with each other, else to the year. Without tables the year
 * alone decides (≤2018 legacy). When the witnesses disagree the record says so in `notes`, and the
 * section 三 keys are brought into the decided edition (a single 其他处理 row under 2021 is `3.其他`).
 */

export interface FormatEvidence {
  /** report tables found */
  tables: number;
  apply: ApplyState;
  active: ActiveState;
  year: number | null;
}

export interface FormatDecision {
  format: Format;
  /** what the reader inferred (the format against a signal, rows read by position …), in Chinese */
  notes: string[];
}

/**
 * The note of a format the year decided although the page has report tables: none of them shows an
 * edition's shape (SPEC §10 `meta.template` skips on it — a format taken from the year fits it by definition).
 */
export const FORMAT_BY_YEAR_NOTE = '格式按年份判定';

const yearEdition = (year: number | null): Edition | undefined =>
  year === null || year <= 2018 ? undefined : year <= 2020 ? '2019' : '2021';

function weigh(e: FormatEvidence): { format: Format; notes: string[] } {
  const byYear = yearEdition(e.year);
  if (!e.tables || (!e.apply.edition && !e.active.edition)) {
    if (e.year === null) return { format: 'unknown', notes: [] };
    return { format: byYear ?? 'legacy', notes: e.tables && byYear ? [FORMAT_BY_YEAR_NOTE] : [] };
  }
  if (e.apply.subRows) {
    const against = [e.active.edition === '2019' ? '第二部分表头' : '', byYear === '2019' ? '年份' : ''].filter(Boolean);
    return {
      format: '2021',
      notes: against.length ? [`格式按第三部分（六）其他处理的三个分项判定为 2021 版；${against.join('与')}指向 2019 版`] : [],
    };
  }
  const score: Record<Edition, number> = { '2019': 0, '2021': 0 };
  if (e.active.edition) score[e.active.edition] += 2;
  if (e.apply.edition) score[e.apply.edition] += 1;
  if (byYear) score[byYear] += 1;
  const tablesAgree = !e.active.edition || !e.apply.edition || e.active.edition === e.apply.edition;
  const tableEdition = e.active.edition ?? e.apply.edition;
  let format: Edition;
  if (score['2019'] !== score['2021']) format = score['2019'] > score['2021'] ? '2019' : '2021';
  else format = tablesAgree && tableEdition ? tableEdition : (byYear ?? tableEdition ?? '2021');
  const winners: string[] = [];
  const losers: string[] = [];
  const sideOf = (edition: Edition | undefined, name: string) => edition && (edition === format ? winners : losers).push(name);
  sideOf(e.active.edition, '第二部分表头');
  sideOf(e.apply.edition, '第三部分');
  sideOf(byYear, '年份');
  if (!losers.length) return { format, notes: [] };
  const single = e.apply.edition === '2019' && format === '2021';
  const loss = single ? '第三部分只有一行（六）其他处理' : `${losers.join('与')}指向 ${format === '2019' ? '2021' : '2019'} 版`;
  return { format, notes: [`格式按${winners.join('与')}判定为 ${format} 版；${loss}`] };
}

/**
 * Brings section 三 into the decided edition: a single （六）其他处理 row read under 2021 becomes
 * `result.other.other` (3.其他, the sub-row its wording fits), and every row of the edition the page
 * does not print is `null` (unknown: the checks needing it skip, never pass).
 */
function conformApply(format: Edition, sink: Sink, subRows: boolean): void {
  // with the sub-rows printed, a 其他处理 row with numbers of its own is their sum, not 3.其他
  const moved = format === '2021' && !subRows && 'apply.result.other.total' in sink.values;
  for (const col of APPLICANT_COLUMNS) {
    const from = `apply.result.other.${col}`;
    if (!moved || !(from in sink.values)) continue;
    const to = `apply.result.other.other.${col}`;
    sink.values[to] = sink.values[from];
    delete sink.values[from];
    if (sink.cells[from]) sink.cells[to] = sink.cells[from];
    delete sink.cells[from];
    if (sink.blank.delete(from)) sink.blank.add(to);
  }
  const keys = KEYS[format];
  for (let i = 0; i < keys.length; i++) if (keys[i].section === 'apply' && !(keys[i].key in sink.values)) sink.values[keys[i].key] = null;
}

/**
 * The record's format and the notes of what the reader inferred: the format decision's own, then the
 * section readers' (labels read by position, header/body width disagreements).
 */
export function decideFormat(e: FormatEvidence, sink: Sink): FormatDecision {
  const { format, notes } = weigh(e);
  if ((format === '2019' || format === '2021') && e.tables && e.apply.columns) conformApply(format, sink, e.apply.subRows === true);
  if (e.tables && (format === '2019' || format === '2021')) {
    for (const n of [...(e.active.notes ?? []), ...(e.apply.notes ?? [])]) if (!notes.includes(n)) notes.push(n);
  }
  return { format, notes };
}
