import { withBeyondChecks } from './beyond';
import { toSimplifiedFull } from './chinese-full';
import { ScanOutcomeSchema, type ScanOutcome } from './record';
import { scanPage, scanReports, type ScanOptions, type ScanResult } from './scan';

/**
 * `scanPage` / `scanReports` with the full core: the agency fully converted to simplified characters, the
 * checks beyond the tables added (SPEC §10: text.*, meta.*; lib/core/beyond.ts), and the outcome validated
 * against the zod schema. What the CLI, the file and collector readers and tests use; the content script
 * runs the bare scan and the background completes it the same way.
 */
export function checkPage(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult {
  return complete(scanPage(root, url, { simplifyName: toSimplifiedFull, ...opts }));
}

/** `scanReports` (one result per report on the page, SPEC §5) with the same completion and validation. */
export function checkReports(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult[] {
  return scanReports(root, url, { simplifyName: toSimplifiedFull, ...opts }).map(complete);
}

function complete(r: ScanResult): ScanResult {
  const outcome: ScanOutcome = r.outcome.isReport ? withBeyondChecks(r.outcome, r.facts) : r.outcome;
  return { ...r, outcome: ScanOutcomeSchema.parse(outcome) };
}
