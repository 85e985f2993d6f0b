/**
 * The fixture oracle: every saved page under test/fixtures is scanned with the real core and compared with the
 * expected output transcribed by hand from the seeds (never produced by the extractor). See test/fixtures/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseHtml } from '../../../cli/dom';
import { APPLICANT_COLUMNS, APPLY_ROWS, KEYS, REVIEW_BLOCKS, type Edition } from '../../../lib/core/keys';
import { NotReportSchema, RecordSchema, type Check, type ReportRecord } from '../../../lib/core/record';
import { canonicalUrl } from '../../../lib/core/canonical-url';
import { checkPage as scanPage } from '../../../lib/core/check-page';
import type { ScanResult } from '../../../lib/core/scan';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const NON_REPORTS = fileURLToPath(new URL('../../fixtures/non-reports/', import.meta.url));

const ExpectedCheckSchema = z
  .object({
    status: z.enum(['pass', 'fail', 'skip']),
    lhs: z.number().nullable().optional(),
    rhs: z.number().nullable().optional(),
    diff: z.number().nullable().optional(),
  })
  .strict();

const ExpectedSchema = z
  .object({
    isReport: z.literal(true),
    format: z.enum(['2019', '2021', 'legacy', 'unknown']),
    agency: z.string().min(1),
    year: z.number().int(),
    status: z.enum(['ok', 'errors', 'partial', 'no-tables']),
    tables: z.number().int().nonnegative(),
    failing: z.array(z.string()),
    skipped: z.array(z.string()),
    checks: z.record(z.string(), ExpectedCheckSchema),
    values: z.record(z.string(), z.number().nullable()),
    blank: z.array(z.string()).optional(),
    /** notes the record must contain (what the reader inferred); others may be there too */
    notes: z.array(z.string()).optional(),
    /** the publication date the page states (SPEC §10), null when it states none */
    publishedAt: z.string().nullable().optional(),
    /**
     * checks beyond the tables (SPEC §10: text.*, meta.*) as the page's text and byline give them; any such
     * check that fails must be listed here (a false alarm is worse than a miss)
     */
    beyond: z.record(z.string().regex(/^(?:text|meta)\./), ExpectedCheckSchema).optional(),
  })
  .strict();
type Expected = z.infer<typeof ExpectedSchema>;

const htmlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
const reportFiles = htmlFiles(REPORTS);
const nonReportFiles = htmlFiles(NON_REPORTS);

function loadExpected(file: string): Expected {
  return ExpectedSchema.parse(JSON.parse(readFileSync(REPORTS + file.replace(/\.html$/, '.expected.json'), 'utf8')));
}

const scans = new Map<string, ScanResult>();
function scan(dir: string, file: string): ScanResult {
  const key = dir + file;
  let result = scans.get(key);
  if (!result) {
    const doc = parseHtml(readFileSync(dir + file, 'utf8'));
    result = scanPage(doc, canonicalUrl(doc, file));
    scans.set(key, result);
  }
  return result;
}

function reportOf(file: string): ReportRecord {
  const { outcome } = scan(REPORTS, file);
  expect(outcome.isReport, `${file} should be detected as a report`).toBe(true);
  return RecordSchema.parse(outcome);
}

/** The identity checks of SPEC §4 (later families such as xyear.* and text.* are not part of this oracle). */
const isIdentityCheck = (c: Check) => /^(apply|review|suit)\./.test(c.id);

function identityCheckIds(edition: Edition): string[] {
  return [
    ...APPLY_ROWS[edition].map((r) => `apply.row.${r.key}`),
    ...APPLICANT_COLUMNS.map((c) => `apply.results.${c}`),
    ...APPLICANT_COLUMNS.map((c) => `apply.balance.${c}`),
    ...REVIEW_BLOCKS.map((b) => `${b}.sum`),
  ];
}

/** The lhs/rhs/diff fields `want` names, taken from `from`. */
const pick = (from: Partial<Check> | z.infer<typeof ExpectedCheckSchema>, want: z.infer<typeof ExpectedCheckSchema>) =>
  Object.fromEntries((['lhs', 'rhs', 'diff'] as const).filter((f) => want[f] !== undefined).map((f) => [f, from[f]]));

const sameNumber = (a: number | null | undefined, b: number | null) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

function isInsideHidden(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden') || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute('style') ?? '')) return true;
  }
  return false;
}

describe('fixture directory', () => {
  it('has reports and non-reports', () => {
    expect(reportFiles.length).toBeGreaterThanOrEqual(14);
    expect(nonReportFiles.length).toBeGreaterThanOrEqual(9);
  });

  it('has an expected.json for every report page and a report page for every expected.json', () => {
    const expected = readdirSync(REPORTS)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.replace(/\.expected\.json$/, ''));
    const pages = reportFiles.map((f) => f.replace(/\.html$/, ''));
    expect(
      pages.filter((p) => !expected.includes(p)),
      'pages without expected.json',
    ).toEqual([]);
    expect(
      expected.filter((e) => !pages.includes(e)),
      'expected.json without a page',
    ).toEqual([]);
    expect(
      readdirSync(NON_REPORTS).filter((f) => !f.endsWith('.html')),
      'non-report pages need no expected output',
    ).toEqual([]);
  });

  it.each(reportFiles)('%s: expected.json is well-formed and uses catalogue keys only', (file) => {
    const exp = loadExpected(file);
    const keys = Object.keys(exp.values);
    if (exp.format === '2019' || exp.format === '2021') {
      const catalogue = KEYS[exp.format].map((k) => k.key);
      if (exp.tables > 0) expect(keys.sort()).toEqual([...catalogue].sort());
      else expect(keys).toEqual([]);
      const ids = identityCheckIds(exp.format);
      for (const id of [...exp.failing, ...exp.skipped, ...Object.keys(exp.checks)]) expect(ids).toContain(id);
      for (const k of exp.blank ?? []) expect(catalogue).toContain(k);
    } else {
      expect(keys).toEqual([]);
      expect(exp.failing).toEqual([]);
      expect(exp.skipped).toEqual([]);
    }
    expect(exp.failing).toEqual([...exp.failing].sort());
    expect(exp.skipped).toEqual([...exp.skipped].sort());
    if (exp.failing.length) expect(exp.status).toBe('errors');
  });

  it.each(nonReportFiles)('%s: has a canonical URL', (file) => {
    const doc = parseHtml(readFileSync(NON_REPORTS + file, 'utf8'));
    expect(canonicalUrl(doc, file)).toMatch(/^http:\/\/www\./);
  });
});

describe.each(reportFiles)('report page %s', (file) => {
  const exp = loadExpected(file);

  it('is a valid report record with the expected metadata', () => {
    const rec = reportOf(file);
    expect({ format: rec.format, agency: rec.agency, year: rec.year, status: rec.status, tables: rec.tables }).toEqual({
      format: exp.format,
      agency: exp.agency,
      year: exp.year,
      status: exp.status,
      tables: exp.tables,
    });
    expect(scan(REPORTS, file).tables.length, 'annotated tables').toBe(exp.tables);
  });

  it('fails and skips exactly the expected checks; every other identity check passes', () => {
    const rec = reportOf(file);
    const checks = rec.checks.filter(isIdentityCheck);
    const ids = (status: Check['status']) =>
      checks
        .filter((c) => c.status === status)
        .map((c) => c.id)
        .sort();
    expect(ids('fail'), 'failing checks').toEqual(exp.failing);
    expect(ids('skip'), 'skipped checks').toEqual(exp.skipped);
    if (exp.format === '2019' || exp.format === '2021') {
      if (exp.tables > 0) expect(checks.map((c) => c.id).sort()).toEqual(identityCheckIds(exp.format).sort());
    }
    if (exp.tables === 0) expect(checks).toEqual([]);
  });

  it.each(Object.entries(exp.checks))('check %s', (id, want) => {
    const rec = reportOf(file);
    const check = rec.checks.find((c) => c.id === id);
    expect(check, `check ${id}`).toBeDefined();
    expect(check!.status).toBe(want.status);
    for (const field of ['lhs', 'rhs', 'diff'] as const) {
      if (want[field] !== undefined) expect(check![field], field).toBe(want[field]);
    }
  });

  it('checks beyond the tables: the expected ones, and no other failure (SPEC §10)', () => {
    const rec = reportOf(file);
    if (exp.publishedAt !== undefined) expect(rec.publishedAt ?? null, 'publishedAt').toBe(exp.publishedAt);
    const beyond = rec.checks.filter((c) => !isIdentityCheck(c));
    for (const [id, want] of Object.entries(exp.beyond ?? {})) {
      const check = beyond.find((c) => c.id === id);
      expect(check, `check ${id}`).toBeDefined();
      expect({ status: check!.status, ...pick(check!, want) }, id).toEqual({ status: want.status, ...pick(want, want) });
    }
    const unexpected = beyond.filter((c) => c.status === 'fail' && !(c.id in (exp.beyond ?? {})));
    expect(
      unexpected.map((c) => `${c.id}: ${c.lhs} ≠ ${c.rhs} (${c.evidence})`),
      'failing checks beyond the tables',
    ).toEqual([]);
  });

  it('reads every value as transcribed from the seed', () => {
    const rec = reportOf(file);
    const wrong = Object.entries(exp.values)
      .filter(([k, v]) => !sameNumber(rec.values[k], v))
      .map(([k, v]) => `${k}: expected ${v}, got ${rec.values[k]} (raw ${JSON.stringify(rec.cells[k]?.raw)})`);
    expect(wrong).toEqual([]);
    const extra = Object.entries(rec.values)
      .filter(([k, v]) => v !== null && !(k in exp.values))
      .map(([k, v]) => `${k} = ${v}`);
    expect(extra, 'values the report does not hold').toEqual([]);
  });

  it('marks exactly the blank cells as blank', () => {
    const rec = reportOf(file);
    const blank = new Set(exp.blank ?? []);
    const notBlank = [...blank].filter((k) => rec.cells[k]?.blank !== true);
    expect(notBlank, 'cells that should be blank').toEqual([]);
    const wronglyBlank = Object.entries(exp.values)
      .filter(([k, v]) => v !== null && !blank.has(k) && rec.cells[k]?.blank !== false)
      .map(([k]) => `${k} (raw ${JSON.stringify(rec.cells[k]?.raw)})`);
    expect(wronglyBlank, 'filled cells not read as filled').toEqual([]);
  });

  it.runIf(exp.notes)('notes what the reader inferred', () => {
    expect(reportOf(file).notes).toEqual(expect.arrayContaining(exp.notes ?? []));
  });

  it('reads no cell from a hidden element', () => {
    const { cellElements } = scan(REPORTS, file);
    const hidden = [...cellElements].filter(([, el]) => isInsideHidden(el)).map(([k]) => k);
    expect(hidden).toEqual([]);
  });
});

describe.each(nonReportFiles)('non-report page %s', (file) => {
  it('is not a report and gets no table annotations', () => {
    const { outcome, tables } = scan(NON_REPORTS, file);
    expect(outcome.isReport, `${file}: ${outcome.title}`).toBe(false);
    NotReportSchema.parse(outcome);
    expect(tables).toEqual([]);
  });
});
