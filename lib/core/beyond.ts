import { metaChecks } from './meta-checks';
import { narrativeChecks } from './narrative';
import type { PageFacts } from './page-facts';
import { readPublishedAt } from './published';
import type { Check, ReportRecord } from './record';
import { recordStatus } from './verdict';

/**
 * The checks a report gets from its own page beyond the tables (SPEC §10): its text against its table
 * (`text.*`), its publication date and template (`meta.*`), and `publishedAt`. Run wherever the full
 * core is at hand — the CLI, the offscreen reader, the background for a page's scan (the content script
 * sends its `PageFacts` instead of carrying these modules). Cross-year checks need the history and are
 * added by lib/db/cross-year.ts (and by the CLI among the files it is given).
 */

/** The ids this module adds; running it again replaces them (a rescan, an upgrade of old records). */
const OWN = /^(?:text|meta)\./;

export function withBeyondChecks(record: ReportRecord, facts: PageFacts | undefined): ReportRecord {
  if (!facts) return record;
  const publishedAt = readPublishedAt({ text: `${facts.head}\n${facts.text}`, metas: facts.metas, url: record.url });
  const base = record.checks.filter((c) => !OWN.test(c.id));
  const text = record.tables > 0 ? narrativeChecks(facts.text, record.values) : [];
  const meta = metaChecks({ ...record, publishedAt });
  return withChecks({ ...record, publishedAt }, [...base, ...text, ...meta]);
}

/** The record with `checks` and the status they give (the one rule: verdict.ts). */
export function withChecks(record: ReportRecord, checks: Check[]): ReportRecord {
  return { ...record, checks, status: recordStatus(record.format, record.tables, checks) };
}

/**
 * `record` with the publication date another source gave (a report read from a page's attached file is
 * published by that page: its byline dates it) and its `meta.*` checks evaluated again.
 */
export function withPublication(record: ReportRecord, publishedAt: string | null): ReportRecord {
  const dated = { ...record, publishedAt };
  const others = record.checks.filter((c) => !c.id.startsWith('meta.'));
  return withChecks(dated, [...others, ...metaChecks(dated)]);
}
