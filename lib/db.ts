import Dexie, { type EntityTable } from 'dexie';
import { RecordSchema, tally, type ReportRecord } from './record';

/**
 * The saved reports, in IndexedDB through Dexie — extension origin only (background and extension
 * pages). The background is the only writer; popup and options read (with liveQuery).
 *
 * `summaries` holds one small row per report (what the history table shows), written in the same
 * transaction as the report, so the options page lists 10,000 reports without reading every cell.
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
}

export class NianbaoDb extends Dexie {
  reports!: EntityTable<ReportRecord, 'id'>;
  summaries!: EntityTable<ReportSummary, 'id'>;
  constructor(name = 'nianbao-lens') {
    super(name);
    this.version(1).stores({
      reports: 'id, url, agency, year, format, status, savedAt',
      summaries: 'id, savedAt',
    });
  }
}

export const db = new NianbaoDb();

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
  };
}

/**
 * Saves a scanned report: one record per id (derived from the canonical URL); a revisit replaces it
 * but keeps the original `firstSavedAt`. Runs in one transaction: a failure (quota) changes nothing.
 */
export async function upsertReport(record: ReportRecord, now = new Date(), target: NianbaoDb = db): Promise<ReportRecord> {
  const savedAt = now.toISOString();
  return target.transaction('rw', target.reports, target.summaries, async () => {
    const old = await target.reports.get(record.id);
    const next: ReportRecord = { ...record, firstSavedAt: old?.firstSavedAt ?? record.firstSavedAt ?? savedAt, savedAt };
    await target.reports.put(next);
    await target.summaries.put(summarize(next));
    return next;
  });
}

/** Merges imported records by id, keeping the earlier `firstSavedAt`; all or nothing. */
export async function mergeReports(records: ReportRecord[], target: NianbaoDb = db): Promise<{ added: number; updated: number }> {
  return target.transaction('rw', target.reports, target.summaries, async () => {
    const olds = await target.reports.bulkGet(records.map((r) => r.id));
    let added = 0;
    let updated = 0;
    const merged = records.map((r, i) => {
      const old = olds[i];
      if (!old) {
        added++;
        return r;
      }
      updated++;
      return { ...r, firstSavedAt: earliest(old.firstSavedAt, r.firstSavedAt) };
    });
    await target.reports.bulkPut(merged);
    await target.summaries.bulkPut(merged.map(summarize));
    return { added, updated };
  });
}

export async function deleteReports(ids: string[], target: NianbaoDb = db): Promise<number> {
  return target.transaction('rw', target.reports, target.summaries, async () => {
    const existing = (await target.reports.bulkGet(ids)).filter(Boolean).length;
    await target.reports.bulkDelete(ids);
    await target.summaries.bulkDelete(ids);
    return existing;
  });
}

/** Every saved report, validated (rows written by an older version are parsed, broken ones skipped). */
export async function readAllReports(target: NianbaoDb = db, onProgress?: (done: number, total: number) => void): Promise<ReportRecord[]> {
  const total = await target.reports.count();
  const out: ReportRecord[] = [];
  const PAGE = 500;
  let last: string | undefined;
  for (;;) {
    const page = last === undefined
      ? await target.reports.orderBy('id').limit(PAGE).toArray()
      : await target.reports.where('id').above(last).limit(PAGE).toArray();
    if (page.length === 0) break;
    for (const row of page) {
      const parsed = RecordSchema.safeParse(row);
      if (parsed.success) out.push(parsed.data);
    }
    last = page[page.length - 1].id;
    onProgress?.(out.length, total);
  }
  return out;
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
