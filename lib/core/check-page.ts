import { toSimplifiedFull } from './chinese-full';
import { ScanOutcomeSchema } from './record';
import { scanPage, scanReports, type ScanOptions, type ScanResult } from './scan';

/**
 * `scanPage` with the agency fully converted to simplified characters and the outcome validated
 * against the zod schema: what the CLI and tests use.
 */
export function checkPage(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult {
  const result = scanPage(root, url, { simplifyName: toSimplifiedFull, ...opts });
  return { ...result, outcome: ScanOutcomeSchema.parse(result.outcome) };
}

/** `scanReports` (one result per report on the page, SPEC §5) with the same conversion and validation. */
export function checkReports(root: ParentNode, url: string, opts: ScanOptions = {}): ScanResult[] {
  return scanReports(root, url, { simplifyName: toSimplifiedFull, ...opts }).map((r) => ({
    ...r,
    outcome: ScanOutcomeSchema.parse(r.outcome),
  }));
}
