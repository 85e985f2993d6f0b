import { EXPORT_SCHEMA, ExportFileSchema, type ReportRecord } from '../core/record';

/**
 * Reads an exported JSON file. A broken, foreign or wrong-schema file gives a clear message and no
 * records — the caller changes nothing.
 */
export type ParsedImport = { ok: true; reports: ReportRecord[] } | { ok: false; error: string };

export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `文件已损坏：不是有效的 JSON（${(e as Error).message}）` };
  }
  if (!data || typeof data !== 'object' || !('schema' in data)) {
    return { ok: false, error: '不是年报透镜导出的文件（缺少 schema 字段）' };
  }
  const schema = (data as { schema: unknown }).schema;
  if (schema !== EXPORT_SCHEMA) {
    const found = typeof schema === 'string' ? schema.slice(0, 60) : typeof schema;
    return { ok: false, error: `不是年报透镜导出的文件（schema 为 “${found}”，应为 “${EXPORT_SCHEMA}”）` };
  }
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `文件已损坏：${issue.path.join('.') || '(根)'} — ${issue.message}` };
  }
  const ids = new Set<string>();
  for (const r of parsed.data.reports) {
    if (ids.has(r.id)) return { ok: false, error: `文件已损坏：报告 ${r.id} 出现了两次` };
    ids.add(r.id);
  }
  return { ok: true, reports: parsed.data.reports };
}
