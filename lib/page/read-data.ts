import type { ReportRead } from '../core/read';
import { gridData } from '../core/grid';
import type { ReportReadData } from '../protocol/messages';

/**
 * A report read as the protocol carries it to the background (`page-read`, lib/protocol/messages.ts): the
 * detection's title, agency, year and notes, the grids as data (no elements), the facts.
 */
export function readData(read: ReportRead): ReportReadData {
  const { title, agency, year, notes } = read.found;
  return {
    found: { title, agency, year, ...(notes ? { notes } : {}) },
    url: read.url,
    ...(read.frameUrl ? { frameUrl: read.frameUrl } : {}),
    tables: read.grids.map(gridData),
    facts: read.facts,
  };
}
