import { z } from 'zod';
import { withBeyondChecks } from '../../lib/core/beyond';
import { toSimplifiedFull } from '../../lib/core/chinese-full';
import { finishData } from '../../lib/core/finish';
import { readData } from '../../lib/page/read-data';
import type { FinishedPage, SentPage } from '../../lib/page/start-lens';
import { ReportReadSchema } from '../../lib/protocol/messages';

/**
 * What the background answers a lens's `page-read` (lib/background/router.ts), without the history: the
 * reads carried as the runtime carries them (JSON), validated, finished and completed with the checks
 * beyond the tables. A page that is not a report gets no answer.
 */
export function finishLikeBackground(page: SentPage): FinishedPage | undefined {
  if (!('reads' in page)) return undefined;
  const reads = z.array(ReportReadSchema).parse(JSON.parse(JSON.stringify(page.reads.map(readData))));
  const done = reads.map((r) => finishData(r, { simplifyName: toSimplifiedFull }));
  return { records: done.map((d, i) => withBeyondChecks(d.record, reads[i].facts)), sections: done.map((d) => d.sections), finishMs: 0.5 };
}
