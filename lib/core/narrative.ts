import { readNarrative, type Quantity, type Reading } from './narrative-read';
import type { Check } from './record';

/**
 * text.* checks (SPEC §10, DOMAIN-NOTES §2.5): the numbers the report's own narrative states — 本年新收 /
 * 共受理…N件, 上年结转, 办结/答复, 结转下年度, 行政复议…N件, 行政诉讼…N件, and 未收到/未发生… read as 0 —
 * against the total-column cells. 受理/收到/办理 is ambiguous (new, new + carried over, or processed):
 * the first reading that matches passes, none matching is a `skip` listing the readings. Sentences that
 * disagree about one quantity make a `skip` (a false alarm is worse than a miss); a quantity the text
 * never states gives no check. Speed (node 20, CPU time, on a 2-core machine shared with other jobs): 0.31 ms
 * for 20,000 characters of real report text (seeds 003/004, tables removed); 0.83 ms for a worst case of
 * 20,000 characters where nearly every sentence is a traditional-character application sentence.
 */

const IDS: Readonly<Record<Quantity, string>> = {
  new: 'text.apply.new',
  carried_over: 'text.apply.carried_over',
  result: 'text.apply.result.total',
  carried_forward: 'text.apply.carried_forward',
  review: 'text.review.total',
  suit: 'text.suit.total',
};
const ORDER: readonly Quantity[] = ['new', 'carried_over', 'result', 'carried_forward', 'review', 'suit'];

/** A table reading: what the text's number may mean, the keys it sums, and its name for the reason. */
interface Candidate {
  keys: string[];
  label: string;
}
const NEW = { keys: ['apply.new.total'], label: '本年新收' };
const NEW_AND_OVER = { keys: ['apply.new.total', 'apply.carried_over.total'], label: '新收+上年结转' };
const RESULT = { keys: ['apply.result.total.total'], label: '办理结果总计' };
const SINGLE: Readonly<Record<Quantity, Candidate>> = {
  new: NEW,
  carried_over: { keys: ['apply.carried_over.total'], label: '上年结转' },
  result: RESULT,
  carried_forward: { keys: ['apply.carried_forward.total'], label: '结转下年度继续办理' },
  review: { keys: ['review.total'], label: '行政复议总计' },
  suit: { keys: ['suit.direct.total', 'suit.after_review.total'], label: '行政诉讼总计（直接起诉+复议后起诉）' },
};
/** 受理 / 收到 / 办理: the readings, in the order they are tried */
const AMBIGUOUS: readonly Candidate[] = [NEW, NEW_AND_OVER, RESULT];

type Values = Readonly<Record<string, number | null>>;

function sum(keys: readonly string[], values: Values): number | null {
  let total = 0;
  for (const k of keys) {
    const v = values[k];
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

/** `“…”`: the sentence quoted for a reason, shortened. */
function quote(sentence: string): string {
  return `“${sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence}”`;
}

function skip(id: string, lhs: number | null, rhs: number | null, keys: string[], reason: string, evidence: string): Check {
  return { id, status: 'skip', lhs, rhs, diff: null, lhsKeys: [], rhsKeys: keys, reason: reason.slice(0, 500), evidence };
}

function compare(id: string, lhs: number, c: Candidate, values: Values, evidence: string): Check {
  const rhs = sum(c.keys, values);
  if (rhs === null) return skip(id, lhs, null, c.keys, `表格中“${c.label}”为空或未找到，无法与文本核对`, evidence);
  const diff = lhs - rhs;
  return { id, status: diff === 0 ? 'pass' : 'fail', lhs, rhs, diff, lhsKeys: [], rhsKeys: c.keys, evidence };
}

/** 受理/收到/办理 …N件: the first reading that matches passes; none matching is a skip listing them all. */
function compareAmbiguous(id: string, lhs: number, values: Values, evidence: string): Check {
  const shown: string[] = [];
  for (const c of AMBIGUOUS) {
    const rhs = sum(c.keys, values);
    shown.push(`${c.label}(${rhs ?? '空'})`);
    if (rhs === lhs) {
      const note = c === NEW ? undefined : `文本的“受理/收到”按“${c.label}”读`;
      return { id, status: 'pass', lhs, rhs, diff: 0, lhsKeys: [], rhsKeys: c.keys, evidence, ...(note ? { reason: note } : {}) };
    }
  }
  const keys = [...new Set(AMBIGUOUS.flatMap((c) => c.keys))];
  const reason = `文本${quote(evidence)}所说的${lhs}件含义不明，可读作${shown.join('、')}，均不相符，不作判断`;
  return skip(id, lhs, sum(NEW.keys, values), keys, reason, evidence);
}

function checkOf(quantity: Quantity, readings: readonly Reading[], values: Values): Check {
  const id = IDS[quantity];
  const stated = [...new Set(readings.map((r) => r.value))];
  const evidence = readings[0].sentence;
  if (stated.length > 1) {
    const list = readings.map((r) => `${quote(r.sentence)}(${r.value}件)`);
    const reason = `文本多处说法不一：${[...new Set(list)].join('；')}，不作判断`;
    return skip(id, null, sum(SINGLE[quantity].keys, values), SINGLE[quantity].keys, reason, evidence);
  }
  const lhs = stated[0];
  // one explicit statement (新收…, a zero statement) settles the reading; 受理 alone stays ambiguous
  const explicit = readings.find((r) => r.explicit);
  if (quantity === 'new' && !explicit) return compareAmbiguous(id, lhs, values, evidence);
  return compare(id, lhs, SINGLE[quantity], values, explicit?.sentence ?? evidence);
}

/** text.* checks: numbers the report's narrative states vs the total-column cells. */
export function narrativeChecks(text: string, values: Readonly<Record<string, number | null>>): Check[] {
  const by = new Map<Quantity, Reading[]>();
  for (const r of readNarrative(text)) {
    const list = by.get(r.quantity);
    if (list) list.push(r);
    else by.set(r.quantity, [r]);
  }
  const out: Check[] = [];
  for (const q of ORDER) {
    const readings = by.get(q);
    if (readings) out.push(checkOf(q, readings, values));
  }
  return out;
}
