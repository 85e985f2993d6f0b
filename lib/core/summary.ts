import type { ReportRecord } from './record';
import { tally } from './tally';

/**
 * What the history shows of a report (the table and the panel): one small row per report (db table
 * `summaries`); optional fields are left out when they are empty, so 10,000 rows stay small.
 */
export interface ReportSummary {
  id: string;
  url: string;
  title: string;
  agency: string | null;
  year: number | null;
  format: ReportRecord['format'];
  status: ReportRecord['status'];
  savedAt: string | null;
  firstSavedAt: string | null;
  pass: number;
  fail: number;
  skip: number;
  failing: string[];
  /** the listing a collection took it from (SPEC §9), when one did: the history filters by it */
  collectedFrom?: string;
  /** the publication date the page states (SPEC §10), when known */
  publishedAt?: string;
  /** present (true) once a revisit found content different from the first one saved (SPEC §10) */
  changedAfterFirstSeen?: true;
}

export function summarize(r: ReportRecord): ReportSummary {
  const t = tally(r.checks);
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    agency: r.agency,
    year: r.year,
    format: r.format,
    status: r.status,
    savedAt: r.savedAt,
    firstSavedAt: r.firstSavedAt,
    ...t,
    failing: r.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    ...(r.collectedFrom ? { collectedFrom: r.collectedFrom } : {}),
    ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
    ...(r.changedAfterFirstSeen ? { changedAfterFirstSeen: true as const } : {}),
  };
}
