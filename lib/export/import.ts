import { EXPORT_SCHEMA, ExportFileSchema, type ReportRecord } from '../core/record';
import { errorWords } from '../i18n/errors';
import type { OverlayLang } from '../i18n/overlay';

/**
 * Reads an exported JSON file. A broken, foreign or wrong-schema file gives a clear message and no
 * records — the caller changes nothing.
 */
export type ParsedImport = { ok: true; reports: ReportRecord[] } | { ok: false; error: string };

export function parseImport(text: string, lang: OverlayLang = 'zh_CN'): ParsedImport {
  const w = errorWords(lang);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: w.notJson((e as Error).message) };
  }
  if (!data || typeof data !== 'object' || !('schema' in data)) {
    return { ok: false, error: w.noSchema };
  }
  const schema = (data as { schema: unknown }).schema;
  if (schema !== EXPORT_SCHEMA) {
    const found = typeof schema === 'string' ? schema.slice(0, 60) : typeof schema;
    return { ok: false, error: w.wrongSchema(found, EXPORT_SCHEMA) };
  }
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: w.corrupt(issue.path.join('.'), issue.message) };
  }
  const ids = new Set<string>();
  for (const r of parsed.data.reports) {
    if (ids.has(r.id)) return { ok: false, error: w.duplicate(r.id) };
    ids.add(r.id);
  }
  return { ok: true, reports: parsed.data.reports };
}
