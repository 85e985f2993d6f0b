import type { EntityTable } from 'dexie';
import { withChecks } from '../core/beyond';
import { agencyJoinKey, crossYearChecks } from '../core/cross-year';
import type { ReportRecord } from '../core/record';

/**
 * Cross-year checks from the local history (SPEC §10 `xyear.*`): a report is checked against the same
 * agency's saved report of the year before (agency joined after normalisation: lib/core/cross-year.ts),
 * found through the `[agency+year]` index under the name's spellings (人民政府 / 政府). The checks belong
 * to the later year's record and are re-evaluated whenever either year is saved, updated or deleted.
 */

type Reports = EntityTable<ReportRecord, 'id'>;

/** The spellings of an agency's name the index is asked for: as saved, and with 人民政府 ↔ 政府. */
export function agencySpellings(agency: string): string[] {
  const out = new Set([agency, agency.replace(/人民政府/g, '政府'), agency.replace(/(?<!人民)政府/g, '人民政府')]);
  return [...out];
}

/** The saved reports of `agency` (after normalisation) for `year`, with readable tables. */
export async function reportsOfYear(reports: Reports, agency: string, year: number): Promise<ReportRecord[]> {
  const key = agencyJoinKey(agency);
  const found = await reports
    .where('[agency+year]')
    .anyOf(agencySpellings(agency).map((a) => [a, year]))
    .toArray();
  return found.filter((r) => r.tables > 0 && r.agency !== null && agencyJoinKey(r.agency) === key);
}

/** The one previous-year report to compare with: the most recently saved of them (a revisit is the newest reading). */
function latest(records: ReportRecord[], except: string): ReportRecord | undefined {
  return records.filter((r) => r.id !== except).sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''))[0];
}

/** `record` with its `xyear.*` checks against the saved previous year (none when that year is not saved). */
export async function withCrossYear(reports: Reports, record: ReportRecord): Promise<ReportRecord> {
  const others = record.checks.filter((c) => !c.id.startsWith('xyear.'));
  if (!record.agency || record.year === null || record.tables === 0) {
    return others.length === record.checks.length ? record : withChecks(record, others);
  }
  const previous = latest(await reportsOfYear(reports, record.agency, record.year - 1), record.id);
  const xyear = previous ? crossYearChecks(record, previous) : [];
  return withChecks(record, [...others, ...xyear]);
}

/**
 * After a report of (`agency`, `year`) was saved or deleted: the next year's saved reports with their
 * cross-year checks re-evaluated, those whose checks changed (for the caller to write).
 */
export async function followingYear(reports: Reports, agency: string | null, year: number | null): Promise<ReportRecord[]> {
  if (!agency || year === null) return [];
  const out: ReportRecord[] = [];
  for (const later of await reportsOfYear(reports, agency, year + 1)) {
    const next = await withCrossYear(reports, later);
    if (JSON.stringify(next.checks) !== JSON.stringify(later.checks)) out.push(next);
  }
  return out;
}

/**
 * After many reports were written at once (an import): every report whose cross-year checks may have changed —
 * the written ones and the next year of each — evaluated again against the history, in one pass: the
 * `[agency+year]` index's keys are read (no records), the reports concerned fetched together. Returns those
 * whose checks changed (for the caller to write, with their derived rows).
 */
export async function refreshYears(reports: Reports, written: readonly ReportRecord[]): Promise<ReportRecord[]> {
  const ids = new Map<string, string[]>(); // join key | year → ids
  const slot = (agency: string, year: number) => `${agencyJoinKey(agency)}|${year}`;
  await reports.orderBy('[agency+year]').eachKey((key, cursor) => {
    const [agency, year] = key as [string, number];
    if (typeof agency !== 'string' || typeof year !== 'number') return;
    const k = slot(agency, year);
    ids.set(k, [...(ids.get(k) ?? []), String(cursor.primaryKey)]);
  });
  const concerned = new Set<string>();
  const previousIds = new Set<string>();
  for (const r of written) {
    if (!r.agency || r.year === null) continue;
    concerned.add(r.id);
    for (const id of ids.get(slot(r.agency, r.year + 1)) ?? []) concerned.add(id);
  }
  // the written reports are at hand: only the others are read back
  const known = new Map(written.map((r) => [r.id, r]));
  const fetch = async (want: Iterable<string>) => {
    const missing = [...want].filter((id) => !known.has(id));
    for (const r of await reports.bulkGet(missing)) if (r) known.set(r.id, r);
  };
  await fetch(concerned);
  const targets = [...concerned].map((id) => known.get(id)).filter((r): r is ReportRecord => !!r);
  for (const r of targets) for (const id of (r.agency && r.year !== null && ids.get(slot(r.agency, r.year - 1))) || []) previousIds.add(id);
  await fetch(previousIds);
  const previous = known;
  const out: ReportRecord[] = [];
  for (const r of targets) {
    const others = r.checks.filter((c) => !c.id.startsWith('xyear.'));
    const candidates = (r.agency && r.year !== null && r.tables > 0 ? (ids.get(slot(r.agency, r.year - 1)) ?? []) : [])
      .map((id) => previous.get(id))
      .filter((p): p is ReportRecord => !!p && p.tables > 0);
    const before = latest(candidates, r.id);
    const next = withChecks(r, [...others, ...(before ? crossYearChecks(r, before) : [])]);
    if (JSON.stringify(next.checks) !== JSON.stringify(r.checks)) out.push(next);
  }
  return out;
}
