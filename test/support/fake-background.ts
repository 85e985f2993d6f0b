import { z } from 'zod';
import { withBeyondChecks } from '../../lib/core/beyond';
import { toSimplifiedFull } from '../../lib/core/chinese-full';
import { finishPage } from '../../lib/core/finish';
import { readData } from '../../lib/page/read-data';
import type { FinishedPage, SentPage } from '../../lib/page/start-lens';
import { ReportReadSchema } from '../../lib/protocol/messages';

/**
 * What the background answers a lens's `page-read` (lib/background/router.ts), without the history: the
 * reads carried as the runtime carries them (JSON), validated, finished and completed with the checks
 * beyond the tables. A page that sent no reads gets no answer; a read the background finds is no report is
 * named in `skipped`.
 */
export function finishLikeBackground(page: SentPage): FinishedPage | undefined {
  if (!('reads' in page)) return undefined;
  const reads = z.array(ReportReadSchema).parse(JSON.parse(JSON.stringify(page.reads.map(readData))));
  const { finished, skipped } = finishPage(reads, { simplifyName: toSimplifiedFull });
  return {
    records: finished.map((d) => withBeyondChecks(d.record, reads[d.read].facts)),
    sections: finished.map((d) => d.sections),
    skipped,
    finishMs: 0.5,
  };
}
