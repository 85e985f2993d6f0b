/* the rows are stored by lib/db (table `quarantine`) */
/** A stored row that no longer parses as a record after a schema upgrade: kept aside, never silently dropped. */
export interface QuarantinedRow {
  seq?: number;
  /** the row's id when it had a string one */
  id: string | null;
  /** the row as it was stored, as JSON */
  raw: string;
  /** the first zod issue, as a readable line */
  error: string;
  /** the schema version whose upgrade set it aside */
  fromVersion: number;
  at: string;
}

export const QUARANTINE_SCHEMA = 'nianbao-lens/quarantine@1';

/**
 * The rows a schema upgrade could not read, as a JSON file the researcher can keep or repair: each
 * with the row as it was stored (parsed back from its JSON when possible), the reason and the version.
 */
export function quarantineFile(rows: readonly QuarantinedRow[], now = new Date()): string {
  const entries = rows.map((r) => {
    let stored: unknown = r.raw;
    try {
      stored = JSON.parse(r.raw);
    } catch {
      /* kept as the text it was */
    }
    return { id: r.id, error: r.error, fromVersion: r.fromVersion, quarantinedAt: r.at, stored };
  });
  return JSON.stringify({ schema: QUARANTINE_SCHEMA, exportedAt: now.toISOString(), rows: entries }, null, 1);
}
