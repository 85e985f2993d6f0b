/**
 * Generated reports (test/generator) written as DOCX the way Word holds them (merged cells as vMerge/gridSpan,
 * test/support/make-docx-fixtures.ts) must read back with the values, edition, year and agency of the model —
 * the same as their HTML form (issue 10: "generated reports → PDF/DOCX → the same values").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { checkReports } from '../../../lib/core/check-page';
import { KEYS } from '../../../lib/core/keys';
import { readDocx } from '../../../lib/files/read-file';
import { generateReport } from '../../generator';
import { paramsArb } from '../../generator/arbitraries';
import { docxFromHtml } from '../../support/make-docx-fixtures';

describe('generated reports → DOCX → the model’s values', () => {
  it('reads every value, the edition, year and agency back', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, async (params) => {
        // a DOCX holds the article, not the page's byline: a page without any title (its agency only in the
        // byline) is given its title line, as every report document prints one
        const titled = params.layout?.title === 'none' ? { ...params, layout: { ...params.layout, title: 'h1' as const } } : params;
        const r = generateReport(titled);
        const m = r.model;
        const ctx = `seed ${m.seed}, edition ${m.edition}, layout ${JSON.stringify(m.layout)}`;
        const out = await readDocx(new Uint8Array(await docxFromHtml(r.html)), 'generated.docx');
        const rec = checkReports(parseHtml(out.html!), 'generated.docx')[0].outcome;
        if (!rec.isReport) throw new Error(`not a report (${rec.reason}) — ${ctx}`);
        expect([rec.format, rec.year, rec.agency], ctx).toEqual([m.edition, m.year, m.agency]);
        const wrong = KEYS[m.edition]
          .filter(({ key, kind }) => {
            const got = rec.values[key];
            return !(typeof got === 'number' && (kind === 'money' ? Math.abs(got - m.values[key]) <= 1e-9 : got === m.values[key]));
          })
          .map(({ key }) => `${key}: want ${m.values[key]}, got ${rec.values[key]}`);
        expect(wrong, ctx).toEqual([]);
      }),
      { numRuns: 30, seed: 20261202 },
    );
  }, 120_000);
});
