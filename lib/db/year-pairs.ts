import type { EntityTable } from 'dexie';
import { withChecks } from '../core/beyond';
import { agencyJoinKey, crossYearChecks } from '../core/cross-year';
import type { ReportRecord } from '../core/record';
import type { StoredSummary } from './derived';

/**
 * Cross-year checks from the local history (SPEC §10 `xyear.*`): a report is checked against the same
 * agency's saved report of the year before (agency joined after normalisation: lib/core/cross-year.ts),
 * found through the `[agency+year]` index under the name's spellings (人民政府 / 政府). The checks belong
 * to the later year's record and are re-evaluated whenever either year is saved, updated or deleted.
 */

type Reports = EntityTable<ReportRecord, 'id'>;

/** The tables a cross-year lookup reads: the small summaries to find the year, the reports to compare. */
export interface History {
  reports: Reports;
  summaries: EntityTable<StoredSummary, 'id'>;
}

/** The spellings of an agency's name the index is asked for: as saved, and with 人民政府 ↔ 政府. */
export function agencySpellings(agency: string): string[] {
  const out = new Set([agency, agency.replace(/人民政府/g, '政府'), agency.replace(/(?<!人民)政府/g, '人民政府')]);
  return [...out];
}

/**
 * The saved reports of `agency` (after normalisation) for `year` that can be compared (2019/2021 format, with
 * tables), as their summaries — small rows: a history holding the same report many times over stays fast.
 */
export async function summariesOfYear(h: History, agency: string, year: number): Promise<StoredSummary[]> {
  const key = agencyJoinKey(agency);
  const found = await h.summaries
    .where('[agency+year]')
    .anyOf(agencySpellings(agency).map((a) => [a, year]))
    .toArray();
  return found.filter(
    (s) => s.status !== 'no-tables' && (s.format === '2019' || s.format === '2021') && s.agency !== null && agencyJoinKey(s.agency) === key,
  );
}

/** The saved reports of `agency` for `year` that can be compared, read in full. */
export async function reportsOfYear(h: History, agency: string, year: number): Promise<ReportRecord[]> {
  const ids = (await summariesOfYear(h, agency, year)).map((s) => s.id);
  return (await h.reports.bulkGet(ids)).filter((r): r is ReportRecord => !!r && r.tables > 0);
}

/** The one report of a year to compare with: the most recently saved (a revisit is the newest reading). */
async function latestOfYear(h: History, agency: string, year: number, except: string): Promise<ReportRecord | undefined> {
  const rows = (await summariesOfYear(h, agency, year)).filter((s) => s.id !== except);
  const newest = rows.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''))[0];
  const r = newest && (await h.reports.get(newest.id));
  return r && r.tables > 0 ? r : undefined;
}

/**
 * `record` with its `xyear.*` checks against the saved previous year (none when that year is not saved);
 * `previous` when the caller has already found it (null: there is none).
 */
export async function withCrossYear(h: History, record: ReportRecord, previous?: ReportRecord | null): Promise<ReportRecord> {
  const others = record.checks.filter((c) => !c.id.startsWith('xyear.'));
  if (!record.agency || record.year === null || record.tables === 0) {
    return others.length === record.checks.length ? record : withChecks(record, others);
  }
  const before = previous === undefined ? await latestOfYear(h, record.agency, record.year - 1, record.id) : previous;
  const xyear = before ? crossYearChecks(record, before) : [];
  return withChecks(record, [...others, ...xyear]);
}

/**
 * After a report of (`agency`, `year`) was saved or deleted (its summary written or removed): the next year's
 * saved reports with their cross-year checks re-evaluated, those whose checks changed (for the caller to write).
 */
export async function followingYear(h: History, agency: string | null, year: number | null): Promise<ReportRecord[]> {
  if (!agency || year === null) return [];
  const later = await reportsOfYear(h, agency, year + 1);
  if (!later.length) return [];
  const previous = (await latestOfYear(h, agency, year, '')) ?? null;
  const out: ReportRecord[] = [];
  for (const r of later) {
    const next = await withCrossYear(h, r, previous);
    if (JSON.stringify(next.checks) !== JSON.stringify(r.checks)) out.push(next);
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
    const list = ids.get(k);
    if (list) list.push(String(cursor.primaryKey));
    else ids.set(k, [String(cursor.primaryKey)]);
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
    const before = candidates.filter((p) => p.id !== r.id).sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''))[0];
    const next = withChecks(r, [...others, ...(before ? crossYearChecks(r, before) : [])]);
    if (JSON.stringify(next.checks) !== JSON.stringify(r.checks)) out.push(next);
  }
  return out;
}
