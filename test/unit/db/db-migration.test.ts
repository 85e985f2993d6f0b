import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NianbaoDb, STORES_V1, STORES_V2, STORES_V3, readAllExportRows, type summarize } from '../../../lib/db/database';
import { DERIVED_VERSION, exportRowsOf, summaryRow } from '../../../lib/db/derived';
import { toExportRow } from '../../../lib/export/export-row';
import { toCsvLong, toCsvWide, csvLongParts, csvWideParts } from '../../../lib/export/csv';
import { RecordSchema, type ReportRecord } from '../../../lib/core/record';

/**
 * Schema upgrades (STYLE: one migration per version, each with a fixture and a test that fails when the
 * fixture is missing). A fixture is a dump of a real database of that version, written by
 * test/fixtures/db/make-v<N>.ts; here it is loaded into a database of exactly that schema, closed, and
 * opened with the current `NianbaoDb`.
 */

const DIR = join(__dirname, '..', '..', 'fixtures', 'db');

interface Dump {
  version: number;
  stores: Record<string, string>;
  tables: { reports: Record<string, unknown>[]; summaries: Record<string, unknown>[]; quarantine?: Record<string, unknown>[] };
}

function readDump(file: string): Dump {
  const path = join(DIR, file);
  // never a skip: a missing fixture means the migration is untested
  const maker = `make-${file.match(/^v\d+/)?.[0] ?? 'v1'}.ts`;
  expect(existsSync(path), `missing migration fixture ${path} — run \`npx tsx test/fixtures/db/${maker}\``).toBe(true);
  return JSON.parse(readFileSync(path, 'utf8')) as Dump;
}

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete();
  }
  vi.restoreAllMocks();
});

/** Writes the dump into a fresh database of the dump's own schema and closes it; returns its name. */
async function loadOldDatabase(dump: Dump, tamper?: (old: Dexie) => Promise<void>): Promise<string> {
  const name = `migration-${n++}`;
  const old = new Dexie(name);
  old.version(dump.version).stores(dump.stores);
  await old.open();
  await old.table('reports').bulkAdd(dump.tables.reports);
  await old.table('summaries').bulkAdd(dump.tables.summaries);
  if (dump.tables.quarantine?.length) await old.table('quarantine').bulkAdd(dump.tables.quarantine);
  await tamper?.(old);
  old.close();
  return name;
}

async function openCurrent(name: string): Promise<NianbaoDb> {
  const db = new NianbaoDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const byId = <T extends { id: unknown }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('every schema version has a migration fixture', () => {
  it('v1 … v(current−1) each have test/fixtures/db/v<N>.json', () => {
    const current = new NianbaoDb('versions-only').verno;
    expect(current).toBeGreaterThanOrEqual(2);
    for (let v = 1; v < current; v++) {
      expect(existsSync(join(DIR, `v${v}.json`)), `schema v${v + 1} was added without a fixture test/fixtures/db/v${v}.json`).toBe(true);
    }
  });

  it('the v1 fixture was written with the schema v1 shipped (STORES_V1 is never edited)', () => {
    const dump = readDump('v1.json');
    expect(dump.version).toBe(1);
    expect(dump.stores).toEqual(STORES_V1);
  });

  it('the v2 fixture was written with the schema v2 shipped (STORES_V2 is never edited)', () => {
    const dump = readDump('v2.json');
    expect(dump.version).toBe(2);
    expect(dump.stores).toEqual(STORES_V2);
  });

  it('the v3 fixture was written with the schema v3 shipped (STORES_V3 is never edited)', () => {
    const dump = readDump('v3.json');
    expect(dump.version).toBe(3);
    expect(dump.stores).toEqual(STORES_V3);
  });
});

describe('v3 → current (v4: the collector’s tables, SPEC §9)', () => {
  it('keeps every report and quarantined row, adds empty collectRuns/collectItems, and the summaries now carry collectedFrom', async () => {
    const dump = readDump('v3.json');
    const name = await loadOldDatabase(dump, async (old) => {
      // export rows as a v3 database holds them (derived by this code: JSON cannot carry typed arrays), stamped old
      const { rows, lists } = exportRowsOf(dump.tables.reports as unknown as ReportRecord[]);
      await old.table('exportRows').bulkPut(rows.map((r) => ({ ...r, dv: 1 })));
      await old.table('keyLists').bulkPut(lists);
    });
    const db = await openCurrent(name);
    expect(db.verno).toBe(4);
    const reports = await db.reports.toArray();
    expect(byId(reports)).toEqual(byId(dump.tables.reports as unknown as ReportRecord[]));
    expect(await db.quarantine.toArray()).toEqual(dump.tables.quarantine);
    expect(await db.collectRuns.count()).toBe(0);
    expect(await db.collectItems.count()).toBe(0);
    // the derived rows were rebuilt by this version: the history can filter by the listing
    const summaries = await db.summaries.toArray();
    expect(summaries.every((x) => x.dv === DERIVED_VERSION)).toBe(true);
    expect(summaries.filter((x) => x.collectedFrom).length).toBe(2);
    expect(await readAllExportRows(db)).toEqual(byId(reports).map(toExportRow));
    // the new tables work: by run and status, by listing, by host and state
    await db.collectRuns.add({
      id: 'c1',
      listingUrl: 'http://www.a.gov.cn/nb/',
      host: 'www.a.gov.cn',
      state: 'running',
      gapMs: 2000,
      total: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      finishedAt: null,
    });
    expect((await db.collectRuns.where('state').equals('running').toArray()).map((r) => r.id)).toEqual(['c1']);
  });
});

describe('v1 → current', () => {
  it('keeps every record equal and valid, rebuilds summaries, and serves the new indexes', async () => {
    const dump = readDump('v1.json');
    expect(dump.tables.reports.length).toBeGreaterThanOrEqual(5);
    // a stale summary (v1 had no guarantee they matched) and a missing one: the upgrade rebuilds them
    const name = await loadOldDatabase(dump, async (old) => {
      const [first, second] = dump.tables.reports as { id: string }[];
      await old.table('summaries').update(first.id, { title: 'stale', fail: 99 });
      await old.table('summaries').delete(second.id);
      await old.table('summaries').put({ id: 'ghost', savedAt: null });
    });
    const db = await openCurrent(name);
    expect(db.verno).toBe(4);

    const reports = await db.reports.toArray();
    expect(byId(reports)).toEqual(byId(dump.tables.reports as unknown as ReportRecord[]));
    for (const r of reports) expect(RecordSchema.safeParse(r).success, r.id).toBe(true);
    expect(await db.quarantine.count()).toBe(0);

    expect(byId(await db.summaries.toArray())).toEqual(byId(reports.map(summaryRow)));
    expect(byId(await db.summaries.toArray())).toEqual(
      byId((dump.tables.summaries as unknown as ReturnType<typeof summarize>[]).map((s) => ({ ...s, dv: DERIVED_VERSION }))),
    );
    // through v2 to v3: the export rows are built too
    expect(await readAllExportRows(db)).toEqual(byId(reports).map(toExportRow));

    // the compound index joins an agency's reports across years
    const lingchuan = reports.find((r) => r.agency === '灵川县')!;
    expect((await db.reports.where('[agency+year]').equals(['灵川县', 2020]).toArray()).map((r) => r.id)).toEqual([lingchuan.id]);
    const acrossYears = await db.reports.where('[agency+year]').between(['灵川县', Dexie.minKey], ['灵川县', Dexie.maxKey]).toArray();
    expect(acrossYears.map((r) => r.id)).toEqual([lingchuan.id]);
    expect(await db.summaries.where('[agency+year]').equals(['灵川县', 2020]).count()).toBe(1);
    expect(await db.reports.where('[agency+year]').equals(['灵川县', 2019]).count()).toBe(0);
    expect((await db.reports.where('contentHash').equals(lingchuan.contentHash).first())?.id).toBe(lingchuan.id);
  });

  it('quarantines a row that no longer parses, with its raw JSON and the reason, and keeps the rest', async () => {
    const dump = readDump('v1-corrupt.json');
    const bad = dump.tables.reports.filter((r) => !RecordSchema.safeParse(r).success);
    expect(bad.length, 'v1-corrupt.json holds exactly one damaged row').toBe(1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openCurrent(await loadOldDatabase(dump));

    expect(await db.reports.count()).toBe(dump.tables.reports.length - 1);
    expect(await db.reports.get(bad[0].id as string)).toBeUndefined();
    const good = dump.tables.reports.filter((r) => r !== bad[0]) as unknown as ReportRecord[];
    expect(byId(await db.reports.toArray())).toEqual(byId(good));
    expect(byId(await db.summaries.toArray())).toEqual(byId(good.map(summaryRow)));
    expect(await readAllExportRows(db)).toEqual(byId(good).map(toExportRow));

    const [q, ...more] = await db.quarantine.toArray();
    expect(more).toEqual([]);
    expect(q).toMatchObject({ id: bad[0].id, fromVersion: 1 });
    expect(JSON.parse(q.raw)).toEqual(bad[0]);
    expect(q.error).toMatch(/^(year|checks\.0\.status):/);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 stored report\(s\) no longer valid/));
  });

  it('runs once: opening the upgraded database again changes nothing', async () => {
    const dump = readDump('v1-corrupt.json');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = await loadOldDatabase(dump);
    const first = await openCurrent(name);
    const before = { reports: await first.reports.toArray(), quarantine: await first.quarantine.toArray() };
    first.close();
    const again = await openCurrent(name);
    expect(await again.reports.toArray()).toEqual(before.reports);
    expect(await again.quarantine.toArray()).toEqual(before.quarantine);
  });
});

describe('v2 → current', () => {
  it('keeps every report, summary and quarantined row, and builds an export row for every report', async () => {
    const dump = readDump('v2.json');
    expect(dump.tables.reports.length).toBeGreaterThanOrEqual(8);
    expect(dump.tables.quarantine?.length, 'v2.json holds a quarantined row from its own v1 upgrade').toBe(1);
    const db = await openCurrent(await loadOldDatabase(dump));
    expect(db.verno).toBe(4);

    const reports = await db.reports.toArray();
    expect(byId(reports)).toEqual(byId(dump.tables.reports as unknown as ReportRecord[]));
    for (const r of reports) expect(RecordSchema.safeParse(r).success, r.id).toBe(true);
    expect(byId(await db.summaries.toArray())).toEqual(
      byId((dump.tables.summaries as unknown as ReturnType<typeof summarize>[]).map((s) => ({ ...s, dv: DERIVED_VERSION }))),
    );
    expect(await db.quarantine.toArray()).toEqual(dump.tables.quarantine);

    expect(await db.exportRows.count()).toBe(reports.length);
    const rows = await readAllExportRows(db);
    expect(rows).toEqual(byId(reports).map(toExportRow));
    // each distinct key list stored once: fewer lists than two per report
    expect(await db.keyLists.count()).toBeLessThan(2 * reports.length);
    expect(await db.keyLists.count()).toBe(
      new Set(reports.flatMap((r) => [JSON.stringify(Object.keys(r.values)), JSON.stringify(r.checks.map((c) => c.id))])).size,
    );
    // the fixture exercises what the compact row must carry: printed text that differs from the value,
    // skipped checks with a reason, reports without values
    expect(rows.some((r) => r.raws.size > 10)).toBe(true);
    expect(rows.some((r) => r.reasons.size > 0)).toBe(true);
    expect(rows.some((r) => r.values.length === 0)).toBe(true);

    // and the exports built from the upgraded rows print exactly what the records print
    const noYield = { yieldFn: async () => {} };
    const ordered = byId(reports);
    const read = await readAllExportRows(db);
    expect(read.map((r) => r.id)).toEqual(ordered.map((r) => r.id));
    expect((await csvLongParts(read, noYield)).join('')).toBe(await toCsvLong(ordered, noYield));
    expect((await csvWideParts(read, noYield)).join('')).toBe(await toCsvWide(ordered, noYield));
  });

  it('quarantines a v2 row that no longer parses (fromVersion 2) and builds no export row for it', async () => {
    const dump = readDump('v2.json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const victim = dump.tables.reports[2] as { id: string };
    const name = await loadOldDatabase(dump, async (old) => {
      await old.table('reports').update(victim.id, { 'checks.0.status': 'error' });
    });
    const db = await openCurrent(name);
    expect(await db.reports.get(victim.id)).toBeUndefined();
    expect(await db.summaries.get(victim.id)).toBeUndefined();
    expect(await db.exportRows.get(victim.id)).toBeUndefined();
    expect(await db.exportRows.count()).toBe(dump.tables.reports.length - 1);
    const quarantined = await db.quarantine.toArray();
    expect(quarantined.length).toBe(2);
    expect(quarantined.find((q) => q.id === victim.id)).toMatchObject({
      fromVersion: 2,
      error: expect.stringMatching(/^checks\.0\.status:/),
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/upgrade from v2: 1 stored report/));
  });
});
