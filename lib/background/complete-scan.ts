import { withBeyondChecks } from '../core/beyond';
import type { PageFacts } from '../core/page-facts';
import type { ScanOutcome } from '../core/record';
import { db } from '../db/database';
import { withCrossYear } from '../db/year-pairs';

/**
 * A page's scan completed with the checks beyond the tables (SPEC §10): the content script reads the
 * tables and sends what the other checks read (`PageFacts`); here the full core adds `text.*`, `meta.*`
 * and `publishedAt`, and the history adds `xyear.*` (a read of the previous year through the
 * `[agency+year]` index). A failing history read leaves the record without cross-year checks, never
 * without its scan.
 */
export async function completeScan(outcomes: ScanOutcome[], facts: PageFacts[] | undefined): Promise<ScanOutcome[]> {
  return Promise.all(
    outcomes.map(async (o, i) => {
      if (!o.isReport) return o;
      const own = withBeyondChecks(o, facts?.[i]);
      try {
        return await withCrossYear(db, own);
      } catch (e) {
        console.warn('[nianbao-lens] cross-year lookup failed:', (e as Error).message);
        return own;
      }
    }),
  );
}
