import { mergeReports } from '../db/database';
import { RecordSchema, type ReportRecord } from '../core/record';
import type { ImportResult } from '../protocol/messages';
import { errorWords } from '../i18n/errors';
import type { Language } from '../protocol/settings';

/**
 * Large imports arrive in batches; they are staged here (in the worker's memory, only while the batches
 * keep arriving) and written in ONE transaction with the last batch, so a bad record or a failed write
 * leaves the saved reports untouched. If the worker stops mid-import the stage is gone and the last
 * batch reports that nothing was imported.
 */
const stages = new Map<string, { reports: ReportRecord[]; ids: Set<string> }>();

export async function stageImportBatch(
  session: string,
  batch: unknown[],
  last: boolean,
  lang: Language = 'zh_CN',
): Promise<ImportResult | { ok: true; staged: number }> {
  const w = errorWords(lang);
  let stage = stages.get(session);
  if (!stage) {
    stage = { reports: [], ids: new Set() };
    stages.set(session, stage);
  }
  for (const [i, raw] of batch.entries()) {
    const parsed = RecordSchema.safeParse(raw);
    if (!parsed.success) {
      stages.delete(session);
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: w.corrupt(`reports.${stage.reports.length + i}.${issue.path.join('.')}`, issue.message) + w.unchanged,
      };
    }
    if (stage.ids.has(parsed.data.id)) {
      stages.delete(session);
      return { ok: false, error: w.duplicate(parsed.data.id) + w.unchanged };
    }
    stage.ids.add(parsed.data.id);
    stage.reports.push(parsed.data);
  }
  if (!last) return { ok: true, staged: stage.reports.length };
  stages.delete(session);
  try {
    return { ok: true, ...(await mergeReports(stage.reports)) };
  } catch (e) {
    return { ok: false, error: w.importFailed((e as Error).message) };
  }
}
