import Dexie, { type EntityTable } from 'dexie';
import type { ReportRecord } from '../core/record';
import { summarize, type ReportSummary } from '../core/summary';
import type { QuarantinedRow } from '../export/quarantine';
import { resolveExportRow, type KeyListRow, type StoredExportRow, type ExportRow } from '../export/export-row';
import { putExportRows, rebuildIfStale, summaryRow, type StampedExportRow, type StoredSummary } from './derived';
import { upgradeToV2, upgradeToV3, upgradeToV4 } from './upgrades';
import { followingYear, refreshYears, withCrossYear } from './year-pairs';
import { withVersions } from '../core/versions';
import type { CollectItem, CollectRun } from '../protocol/collect';
import { DB_NAME } from './versions';

/**
 * The saved reports, in IndexedDB through Dexie — extension origin only (background and extension
 * pages). The background is the only writer; popup and options read (with liveQuery).
 *
 * `summaries` holds one small row per report (what the history table shows), written in the same
 * transaction as the report, so the options page lists 10,000 reports without reading every cell.
 * `exportRows` (v3) likewise holds the export-ready row of each report (lib/export/export-row.ts): the
 * CSV and XLSX exports read ~3 KB per report instead of the ~44 KB record.
 */

/**
 * The schema history. A shipped version is never edited: a change adds a version with its upgrade,
 * a fixture of the previous version (test/fixtures/db/) and a test (test/unit/db-migration.test.ts).
 */
export const STORES_V1 = {
  reports: 'id, url, agency, year, format, status, savedAt',
  summaries: 'id, savedAt',
} as const;

/**
 * v2: `[agency+year]` on reports and summaries (to join one agency across years for cross-year checks),
 * `contentHash` on reports (to find the same report under another URL), and `quarantine`.
 */
export const STORES_V2 = {
  reports: 'id, url, agency, year, format, status, savedAt, contentHash, [agency+year]',
  summaries: 'id, savedAt, [agency+year]',
  quarantine: '++seq, id',
} as const;

/**
 * v3: `exportRows`, one export-ready row per report (what CSV and XLSX print), by id, and `keyLists`, the
 * distinct key lists those rows refer to (a 200-key list is ~7 KB; reports of one edition share it).
 */
export const STORES_V3 = {
  reports: 'id, url, agency, year, format, status, savedAt, contentHash, [agency+year]',
  summaries: 'id, savedAt, [agency+year]',
  quarantine: '++seq, id',
  exportRows: 'id',
  keyLists: 'id',
} as const;

/**
 * v4: a listing's collection (SPEC §9) — `collectRuns` (one per run, by host and state: one run per host at
 * a time, unfinished runs resume) and `collectItems` (the queue, in listing order by id; by run and status).
 */
export const STORES_V4 = {
  ...STORES_V3,
  collectRuns: 'id, host, state, listingUrl',
  collectItems: 'id, runId, [runId+status]',
} as const;

export class NianbaoDb extends Dexie {
  reports!: EntityTable<ReportRecord, 'id'>;
  summaries!: EntityTable<StoredSummary, 'id'>;
  quarantine!: EntityTable<QuarantinedRow, 'seq'>;
  exportRows!: EntityTable<StampedExportRow, 'id'>;
  keyLists!: EntityTable<KeyListRow, 'id'>;
  collectRuns!: EntityTable<CollectRun, 'id'>;
  collectItems!: EntityTable<CollectItem, 'id'>;
  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
    this.version(3).stores(STORES_V3).upgrade(upgradeToV3);
    this.version(4).stores(STORES_V4).upgrade(upgradeToV4); // and SCHEMA_VERSION in versions.ts
    // derived rows built by an older version of the code are rebuilt before anyone reads them
    this.on('ready', (d) => rebuildIfStale(d as NianbaoDb).then(() => undefined));
  }
}

export const db = new NianbaoDb();

export { summarize, type ReportSummary, type QuarantinedRow };

/**
 * Saves a scanned report: one record per id (derived from the canonical URL); a revisit replaces it
 * but keeps the original `firstSavedAt`. Runs in one transaction: a failure (quota) changes nothing.
 */
export async function upsertReport(record: ReportRecord, now = new Date(), target: NianbaoDb = db): Promise<ReportRecord> {
  const savedAt = now.toISOString();
  return target.transaction('rw', [target.reports, target.summaries, target.exportRows, target.keyLists], async () => {
    const old = await target.reports.get(record.id);
    // a revisit with other content keeps the saved one as a version (SPEC §10)
    let next: ReportRecord = withVersions({ ...record, firstSavedAt: old?.firstSavedAt ?? record.firstSavedAt ?? savedAt, savedAt }, old);
    // a revisit outside a collection keeps the listing the report was collected from (SPEC §9)
    if (!next.collectedFrom && old?.collectedFrom) next.collectedFrom = old.collectedFrom;
    next = await withCrossYear(target, next);
    await target.reports.put(next);
    await target.summaries.put(summaryRow(next));
    await putExportRows(target.exportRows, target.keyLists, [next]);
    // the next year's reports compare with this one (and, when its agency or year changed, no more with the old one)
    const following = await followingYear(target, next.agency, next.year);
    if (old && (old.agency !== next.agency || old.year !== next.year))
      following.push(...(await followingYear(target, old.agency, old.year)));
    await putReports(
      target,
      following.filter((f) => f.id !== next.id),
    );
    return next;
  });
}

/** Merges imported records by id, keeping the earlier `firstSavedAt`; all or nothing. */
export async function mergeReports(records: ReportRecord[], target: NianbaoDb = db): Promise<{ added: number; updated: number }> {
  return target.transaction('rw', [target.reports, target.summaries, target.exportRows, target.keyLists], async () => {
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
    // imported years meet the saved ones: their cross-year checks, and the next years', from this history (SPEC §10)
    const changed = new Map((await refreshYears(target.reports, merged)).map((r) => [r.id, r]));
    const mergedIds = new Set(merged.map((r) => r.id));
    const rows = [...merged.map((r) => changed.get(r.id) ?? r), ...[...changed.values()].filter((r) => !mergedIds.has(r.id))];
    if (changed.size) await target.reports.bulkPut([...changed.values()]);
    await target.summaries.bulkPut(rows.map(summaryRow));
    await putExportRows(target.exportRows, target.keyLists, rows);
    return { added, updated };
  });
}

export async function deleteReports(ids: string[], target: NianbaoDb = db): Promise<number> {
  return target.transaction('rw', [target.reports, target.summaries, target.exportRows, target.keyLists], async () => {
    const existing = (await target.reports.bulkGet(ids)).filter((r): r is ReportRecord => !!r);
    await target.reports.bulkDelete(ids);
    await target.summaries.bulkDelete(ids);
    await target.exportRows.bulkDelete(ids);
    // the next year's reports lose the comparison with a deleted year (SPEC §10: re-evaluated on delete)
    const seen = new Set<string>();
    const following: ReportRecord[] = [];
    for (const r of existing) {
      const pair = `${r.agency}|${r.year}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      following.push(...(await followingYear(target, r.agency, r.year)));
    }
    await putReports(target, following);
    return existing.length;
  });
}

/** Writes reports with their derived rows (inside the caller's transaction). */
async function putReports(target: NianbaoDb, records: ReportRecord[]): Promise<void> {
  if (!records.length) return;
  await target.reports.bulkPut(records);
  await target.summaries.bulkPut(records.map(summaryRow));
  await putExportRows(target.exportRows, target.keyLists, records);
}

/**
 * Every saved report, in pages of 100 (a page of large records is ~4 MB to deserialize: small pages keep
 * the page responsive). Rows are not parsed again with zod here: every write is validated (the background
 * parses scans and imports, the v2 upgrade re-validated every older row and quarantined the broken ones),
 * and parsing 10,000 records cost ~5 s; a cheap shape test still skips a row that is not a record.
 */
export async function readAllReports(target: NianbaoDb = db, onProgress?: (done: number, total: number) => void): Promise<ReportRecord[]> {
  const total = await target.reports.count();
  const out: ReportRecord[] = [];
  const PAGE = 100;
  let last: string | undefined;
  for (;;) {
    const page =
      last === undefined
        ? await target.reports.orderBy('id').limit(PAGE).toArray()
        : await target.reports.where('id').above(last).limit(PAGE).toArray();
    if (page.length === 0) break;
    for (const row of page) if (looksLikeRecord(row)) out.push(row);
    last = page[page.length - 1].id;
    onProgress?.(out.length, total);
  }
  return out;
}

/**
 * Every report's export-ready row, in id order (the order of `readAllReports`), in pages of 1,000 (~3 MB),
 * with its key lists put back. A row that is not one, or whose key list is missing (neither can happen:
 * every write builds them from a validated record in one transaction), is left out with a warning.
 * Key lists are never deleted (a few KB each, shared by every report of an edition).
 *
 * The ids are read first (keys only), then every page is asked for at once, in one read transaction:
 * IndexedDB reads the next pages while this thread decodes one, instead of waiting for each request in
 * turn (with 10,000 rows the reads were most of a CSV or XLSX export).
 */
export async function readAllExportRows(target: NianbaoDb = db, onProgress?: (done: number, total: number) => void): Promise<ExportRow[]> {
  const PAGE = 1000;
  let skipped = 0;
  const pages = await target.transaction('r', [target.exportRows, target.keyLists], async () => {
    const lists = target.keyLists.toArray().then((all) => new Map(all.map((l) => [l.id, l.json])));
    const ids = await target.exportRows.toCollection().primaryKeys();
    const total = ids.length;
    let done = 0;
    const reads: Array<Promise<ExportRow[]>> = [];
    for (let k = 0; k < total; k += PAGE) {
      const page = target.exportRows
        .where('id')
        .between(ids[k], ids[Math.min(k + PAGE, total) - 1], true, true)
        .toArray();
      reads.push(
        Promise.all([lists, page]).then(([lists, page]) => {
          const out: ExportRow[] = [];
          for (const stored of page) {
            const row = looksLikeExportRow(stored) ? resolveExportRow(stored, lists) : null;
            if (row) {
              delete (row as ExportRow & { dv?: number }).dv; // the stamp is the database's, not the export's
              out.push(row);
            } else skipped++;
          }
          done += out.length;
          onProgress?.(done, total);
          return out;
        }),
      );
    }
    return Promise.all(reads);
  });
  if (skipped) console.warn(`[nianbao-lens] export: ${skipped} stored export row(s) malformed, left out`);
  return pages.flat();
}

function looksLikeExportRow(row: unknown): row is StoredExportRow {
  const r = row as Partial<StoredExportRow> | null;
  return (
    !!r &&
    typeof r.id === 'string' &&
    typeof r.keys === 'string' &&
    r.values instanceof Uint8Array &&
    r.raws instanceof Map &&
    typeof r.checkIds === 'string' &&
    r.checkNums instanceof Uint8Array &&
    r.reasons instanceof Map
  );
}

function looksLikeRecord(row: unknown): row is ReportRecord {
  const r = row as Partial<ReportRecord> | null;
  return (
    !!r &&
    typeof r.id === 'string' &&
    r.isReport === true &&
    typeof r.values === 'object' &&
    r.values !== null &&
    typeof r.cells === 'object' &&
    r.cells !== null &&
    Array.isArray(r.checks)
  );
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
