import { upsertReport } from '../db/database';
import type { ReportRecord } from '../core/record';
import { getTabState, setTabState } from './tab-state';
import type { SaveResult } from '../protocol/messages';

/** Saves a tab's report into IndexedDB and records the outcome (time or error) in the tab state. */
export async function saveTab(tabId: number, now = new Date()): Promise<SaveResult> {
  const state = await getTabState(tabId);
  if (!state || !state.outcome.isReport) return { ok: false, error: '此页不是年报，无可保存的内容' };
  const result = await saveRecord(state.outcome, now);
  await setTabState(tabId, {
    ...state,
    savedAt: result.ok ? result.savedAt : state.savedAt,
    saveError: result.ok ? null : result.error,
  });
  return result;
}

export async function saveRecord(record: ReportRecord, now = new Date()): Promise<SaveResult> {
  try {
    const saved = await upsertReport(record, now);
    return { ok: true, savedAt: saved.savedAt ?? now.toISOString() };
  } catch (e) {
    return { ok: false, error: describeSaveError(e) };
  }
}

export function describeSaveError(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const name = err?.inner?.name ?? err?.name ?? 'Error';
  if (/Quota/i.test(name) || /quota/i.test(err?.message ?? '')) {
    return '保存失败：浏览器存储空间不足（QuotaExceededError）。已保存的记录未受影响；请导出后删除旧记录再试。';
  }
  return `保存失败：${name}${err?.message ? ` — ${err.message}` : ''}。已保存的记录未受影响。`;
}
