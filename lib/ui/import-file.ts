import { parseImport } from '../export/import';
import type { OverlayLang } from '../i18n/overlay';
import { sendMessage, type ImportResult } from '../protocol/messages';

/**
 * Imports an exported JSON file from the options page. Small files go to the background whole; large
 * ones are read here and sent in batches (a runtime message cannot carry hundreds of megabytes), then
 * committed in one transaction by the background.
 */
const WHOLE_LIMIT = 4 * 1024 * 1024;
const BATCH = 500;

export async function importFile(
  file: File,
  onProgress?: (done: number, total: number) => void,
  lang: OverlayLang = 'zh_CN',
): Promise<ImportResult> {
  const text = await file.text();
  if (text.length < WHOLE_LIMIT) return sendMessage({ type: 'import-records', text });
  const parsed = parseImport(text, lang);
  if (!parsed.ok) return parsed;
  const session = crypto.randomUUID();
  const { reports } = parsed;
  for (let start = 0; ; start += BATCH) {
    const last = start + BATCH >= reports.length;
    const reply = await sendMessage({ type: 'import-batch', session, reports: reports.slice(start, start + BATCH), last });
    onProgress?.(Math.min(reports.length, start + BATCH), reports.length);
    if (!reply.ok || last) return reply as ImportResult;
  }
}
