import { EXPORT_SCHEMA, type ReportRecord } from '../core/record';
import { forEachChunked, type ChunkOptions } from './chunked';

/**
 * JSON export: `{"schema": "nianbao-lens/report@1", "exportedAt": …, "reports": […]}` (SPEC §5).
 * Returned as parts (one per report, compact) so a large export becomes a Blob, never one huge string.
 */
export async function toJsonParts(records: readonly ReportRecord[], now = new Date(), opts?: ChunkOptions): Promise<string[]> {
  const parts = [`{"schema":${JSON.stringify(EXPORT_SCHEMA)},"exportedAt":${JSON.stringify(now.toISOString())},"reports":[`];
  await forEachChunked(records, (r, i) => parts.push(`${i ? ',' : ''}\n${JSON.stringify(r)}`), opts);
  parts.push('\n]}\n');
  return parts;
}

export const toJson = async (records: readonly ReportRecord[], now = new Date(), opts?: ChunkOptions) =>
  (await toJsonParts(records, now, opts)).join('');
