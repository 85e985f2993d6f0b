import { z } from 'zod';

/**
 * The report record (SPEC §5): the one definition of its shape. Everything that crosses a trust
 * boundary (content script → background, imported files, rows read back from IndexedDB) is parsed
 * with these schemas; types come from `z.infer`.
 */

export { EXTRACTOR_VERSION, EXPORT_SCHEMA } from './version';
export { tally } from './tally';
import { EXPORT_SCHEMA } from './version';

export const FormatSchema = z.enum(['2019', '2021', 'legacy', 'unknown']);
export type Format = z.infer<typeof FormatSchema>;

export const StatusSchema = z.enum(['ok', 'errors', 'partial', 'no-tables']);
export type Status = z.infer<typeof StatusSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'skip']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

const finiteOrNull = z.number().finite().nullable();

export const CheckSchema = z.object({
  /** stable id, e.g. `apply.balance.total`, `suit.after_review.sum` (SPEC §4) */
  id: z.string().min(1).max(120),
  status: CheckStatusSchema,
  /** sum of the parts (left-hand side of the printed identity) */
  lhs: finiteOrNull,
  /** the total it must equal (right-hand side) */
  rhs: finiteOrNull,
  /** lhs − rhs; null when skipped */
  diff: finiteOrNull,
  lhsKeys: z.array(z.string().max(120)).max(64),
  rhsKeys: z.array(z.string().max(120)).max(64),
  /** why a check was skipped (a missing cell, a missing row or column, a total left blank) */
  reason: z.string().max(500).optional(),
  /** text.*: the sentence of the report's own text the check read (SPEC §10) */
  evidence: z.string().max(1000).optional(),
  /** xyear.*: the id of the other year's saved record the check compared with */
  ref: z.string().max(64).optional(),
});
export type Check = z.infer<typeof CheckSchema>;

export const CellSchema = z.object({
  /** the cell's text as printed (trimmed, at most 200 characters) */
  raw: z.string().max(200),
  /** index of the report table among the page's report tables, in document order */
  table: z.number().int().nonnegative(),
  /** grid row and column inside that table (after rowspan/colspan expansion) */
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  /** the report left the cell empty (or a dash, 无…): value 0 */
  blank: z.boolean(),
});
export type Cell = z.infer<typeof CellSchema>;

export const UnmappedSchema = z.object({
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  kind: z.enum(['row', 'column', 'table']),
  text: z.string().max(300),
});
export type Unmapped = z.infer<typeof UnmappedSchema>;

export const ProblemSchema = z.object({
  key: z.string().max(120),
  raw: z.string().max(200),
  message: z.string().max(300),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const SourceSchema = z.object({
  kind: z.enum(['html', 'pdf', 'docx']),
  url: z.string().max(4000),
});
export type Source = z.infer<typeof SourceSchema>;

/** One earlier content of a record: its hash, when it was saved, and what changed since (old → new). */
export const VersionSchema = z.object({
  contentHash: z.string().max(64),
  savedAt: z.string().max(40),
  changed: z.array(z.object({ key: z.string().max(120), old: finiteOrNull, new: finiteOrNull })).max(500),
});
export type Version = z.infer<typeof VersionSchema>;

export const RecordSchema = z.object({
  id: z.string().min(1).max(64),
  url: z.string().max(4000),
  title: z.string().max(1000),
  agency: z.string().max(200).nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
  format: FormatSchema,
  isReport: z.literal(true),
  /** number of report tables found (0 when the tables are images or absent) */
  tables: z.number().int().nonnegative(),
  status: StatusSchema,
  values: z.record(z.string().max(120), finiteOrNull),
  cells: z.record(z.string().max(120), CellSchema),
  checks: z.array(CheckSchema).max(400),
  unmapped: z.array(UnmappedSchema).max(500),
  problems: z.array(ProblemSchema).max(500),
  notes: z.array(z.string().max(500)).max(50),
  contentHash: z.string().max(64),
  firstSavedAt: z.string().max(40).nullable(),
  savedAt: z.string().max(40).nullable(),
  extractorVersion: z.string().max(20),
  /** the same-origin frame the report was read from, when not the page itself (`url` is the page) */
  frameUrl: z.string().max(4000).optional(),
  /** where the tables were read from: the page's HTML, or an attached / opened file (SPEC §8) */
  source: SourceSchema.optional(),
  /** the listing page a batch collection took the report from (SPEC §9) */
  collectedFrom: z.string().max(4000).optional(),
  /** the publication date the page states, `YYYY-MM-DD` (SPEC §10 meta.deadline); null when unknown */
  publishedAt: z.string().max(10).nullable().optional(),
  /** earlier contents of this record, oldest first (SPEC §10 versions) */
  versions: z.array(VersionSchema).max(50).optional(),
  /** true once a revisit found content different from the first one saved */
  changedAfterFirstSeen: z.boolean().optional(),
});
export type ReportRecord = z.infer<typeof RecordSchema>;

/** What the core says about a page that is not a report. */
export const NotReportSchema = z.object({
  isReport: z.literal(false),
  url: z.string().max(4000),
  title: z.string().max(1000),
  reason: z.string().max(300),
});
export type NotReport = z.infer<typeof NotReportSchema>;

export const ScanOutcomeSchema = z.discriminatedUnion('isReport', [RecordSchema, NotReportSchema]);
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;

export const ExportFileSchema = z.object({
  schema: z.literal(EXPORT_SCHEMA),
  exportedAt: z.string(),
  reports: z.array(RecordSchema),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
