import { withChecks } from './beyond';
import { agencyJoinKey, crossYearChecks } from './cross-year';
import type { ReportRecord } from './record';

/**
 * Cross-year checks within a set of reports read together (the CLI's files, SPEC §10 `xyear.*`): each
 * report is compared with the same agency's report of the year right before, when the set holds one (the
 * first such, in the set's order). The extension does the same against its saved history
 * (lib/db/year-pairs.ts). Pure.
 */
export function withCrossYears(records: readonly ReportRecord[]): ReportRecord[] {
  const byYear = new Map<string, ReportRecord>();
  for (const r of records) {
    if (!r.agency || r.year === null || r.tables === 0) continue;
    const k = `${agencyJoinKey(r.agency)}|${r.year}`;
    if (!byYear.has(k)) byYear.set(k, r);
  }
  return records.map((r) => {
    if (!r.agency || r.year === null || r.tables === 0) return r;
    const previous = byYear.get(`${agencyJoinKey(r.agency)}|${r.year - 1}`);
    if (!previous || previous.id === r.id) return r;
    const checks = [...r.checks.filter((c) => !c.id.startsWith('xyear.')), ...crossYearChecks(r, previous)];
    return withChecks(r, checks);
  });
}
