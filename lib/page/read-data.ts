import type { ReportRead } from '../core/read';
import { gridData } from '../core/grid';
import type { ReportReadData } from '../protocol/messages';

/**
 * A report read as the protocol carries it to the background (`page-read`, lib/protocol/messages.ts): the
 * detection's title, agency, year and notes (cut to the protocol's bounds, beyond what a record keeps), the
 * grids as data (no elements), the facts.
 */
/**
 * the protocol's bound on each text detection reads (lib/protocol/messages.ts `DetectInputSchema`): a page past
 * it is still carried, and the message stays well under the runtime's 64 MB (a report's text is ≈ 10–100 KB)
 */
const TEXT_MAX = 5_000_000;

export function readData(read: ReportRead): ReportReadData {
  const { title, agency, year, notes } = read.found;
  return {
    // detection left to the background (lib/core/read.ts `detectLater`): what it reads, else its result
    ...(read.detect
      ? { detect: { ...read.detect, body: read.detect.body.slice(0, TEXT_MAX), tables: read.detect.tables.slice(0, TEXT_MAX) } }
      : {
          found: {
            title: title.slice(0, 4000),
            agency: agency?.slice(0, 1000) ?? null,
            year: year !== null && Number.isInteger(year) ? year : null,
            ...(notes ? { notes: notes.slice(0, 50).map((n) => n.slice(0, 1000)) } : {}),
          },
        }),
    url: read.url,
    ...(read.frameUrl ? { frameUrl: read.frameUrl } : {}),
    tables: read.grids.map(gridData),
    facts: read.facts,
  };
}
