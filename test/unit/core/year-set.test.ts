/**
 * The cross-year, narrative and publication oracle (SPEC §10): the pages of test/fixtures/years/ (the next year
 * of agencies in test/fixtures/reports/, written by test/support/make-year-fixtures.ts) are read with the full
 * core beside every report fixture, paired by agency and year as the CLI pairs its files, and compared with
 * their hand-written `<slug>.expected.json`: the checks named there, and exactly the failing ones listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { canonicalUrl } from '../../../lib/core/canonical-url';
import { checkReports } from '../../../lib/core/check-page';
import type { ReportRecord } from '../../../lib/core/record';
import { withCrossYears } from '../../../lib/core/year-set';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

interface Expected {
  previous: string | null;
  agency: string;
  year: number;
  format: string;
  status: string;
  publishedAt: string | null;
  failing: string[];
  checks: Record<string, { status: string; lhs: number; rhs: number; diff: number }>;
}

function read(path: string): ReportRecord {
  const doc = parseHtml(readFileSync(FIXTURES + path, 'utf8'));
  const outcome = checkReports(doc, canonicalUrl(doc, path))[0].outcome;
  if (!outcome.isReport) throw new Error(`${path} is not read as a report`);
  return outcome;
}

const years = readdirSync(FIXTURES + 'years')
  .filter((f) => f.endsWith('.html'))
  .sort();
const reports = readdirSync(FIXTURES + 'reports')
  .filter((f) => f.endsWith('.html'))
  .sort();
const paths = [...reports.map((f) => `reports/${f}`), ...years.map((f) => `years/${f}`)];
const all = withCrossYears(paths.map(read));
const byPath = new Map(paths.map((p, i) => [p, all[i]]));

describe.each(years)('years/%s', (file) => {
  const exp = JSON.parse(readFileSync(FIXTURES + `years/${file.replace(/\.html$/, '.expected.json')}`, 'utf8')) as Expected;
  const rec = byPath.get(`years/${file}`)!;

  it('reads the metadata and the publication date', () => {
    expect({ agency: rec.agency, year: rec.year, format: rec.format, status: rec.status, publishedAt: rec.publishedAt }).toEqual({
      agency: exp.agency,
      year: exp.year,
      format: exp.format,
      status: exp.status,
      publishedAt: exp.publishedAt,
    });
  });

  it('fails exactly the expected checks', () => {
    expect(
      rec.checks
        .filter((c) => c.status === 'fail')
        .map((c) => c.id)
        .sort(),
    ).toEqual(exp.failing);
  });

  it.each(Object.entries(exp.checks))('%s', (id, want) => {
    const c = rec.checks.find((x) => x.id === id);
    expect(c, id).toBeDefined();
    expect({ status: c!.status, lhs: c!.lhs, rhs: c!.rhs, diff: c!.diff }).toEqual(want);
    if (id.startsWith('text.')) expect(c!.evidence, 'the sentence read').toBeTruthy();
  });

  it('compares with the year right before only, and names it', () => {
    const xyear = rec.checks.filter((c) => c.id.startsWith('xyear.'));
    if (!exp.previous) return expect(xyear).toEqual([]);
    const previous = byPath.get(exp.previous)!;
    expect(xyear.length).toBeGreaterThan(0);
    for (const c of xyear) expect(c.ref, c.id).toBe(previous.id);
  });
});

describe('no false alarm among the report fixtures', () => {
  it('no report fixture gets a cross-year check (none has its previous year among the fixtures)', () => {
    for (const p of reports)
      expect(
        byPath.get(`reports/${p}`)!.checks.filter((c) => c.id.startsWith('xyear.')),
        p,
      ).toEqual([]);
  });
});
