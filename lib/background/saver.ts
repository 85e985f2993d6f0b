import { upsertReport } from '../db/database';
import type { ReportRecord } from '../core/record';
import { getTabState, setTabState } from './tab-state';
import type { SaveResult } from '../protocol/messages';
import { errorWords } from '../i18n/errors';
import { settingsLanguage, type Language } from '../protocol/settings';

/** Saves a tab's reports into IndexedDB and records the outcome (time or error) in the tab state. */
export async function saveTab(tabId: number, now = new Date()): Promise<SaveResult> {
  const state = await getTabState(tabId);
  if (!state || !state.outcome.isReport) return { ok: false, error: errorWords(await settingsLanguage()).notReport };
  const result = await saveRecords([state.outcome, ...(state.more ?? [])], now);
  await setTabState(tabId, {
    ...state,
    savedAt: result.ok ? result.savedAt : state.savedAt,
    saveError: result.ok ? null : result.error,
  });
  return result;
}

/** Saves the reports of one page (a 年报汇编 has several) in order; the first failure stops and is returned. */
export async function saveRecords(records: ReportRecord[], now = new Date()): Promise<SaveResult> {
  if (!records.length) return { ok: false, error: errorWords(await settingsLanguage()).notReport };
  let last: SaveResult = { ok: true, savedAt: now.toISOString() };
  for (const r of records) {
    last = await saveRecord(r, now);
    if (!last.ok) return last;
  }
  return last;
}

export async function saveRecord(record: ReportRecord, now = new Date()): Promise<SaveResult> {
  try {
    const saved = await upsertReport(record, now);
    return { ok: true, savedAt: saved.savedAt ?? now.toISOString() };
  } catch (e) {
    return { ok: false, error: describeSaveError(e, await settingsLanguage()) };
  }
}

export function describeSaveError(e: unknown, lang: Language = 'zh_CN'): string {
  const w = errorWords(lang);
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const name = err?.inner?.name ?? err?.name ?? 'Error';
  if (/Quota/i.test(name) || /quota/i.test(err?.message ?? '')) {
    return w.quota;
  }
  return w.saveFailed(name, err?.message ?? '');
}
