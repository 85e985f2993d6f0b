import type { ReportRecord, Version } from './record';

/**
 * A record's earlier contents (SPEC §10 versions): when a revisit (or a collection) finds content other
 * than the saved one, the saved content's hash and time are kept with the values that changed (old → new).
 * Researchers use it to see reports edited silently after publication. Pure.
 */

export const MAX_VERSIONS = 50;
const MAX_CHANGES = 500;

/** The keys whose values differ between two records' values, in key order (old → new; absent is null). */
export function valueChanges(
  before: Readonly<Record<string, number | null>>,
  after: Readonly<Record<string, number | null>>,
): Version['changed'] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Version['changed'] = [];
  for (const key of [...keys].sort()) {
    const old = before[key] ?? null;
    const now = after[key] ?? null;
    if (old !== now) out.push({ key, old, new: now });
    if (out.length === MAX_CHANGES) break;
  }
  return out;
}

/**
 * `next` (about to replace `saved`, the same id) with the version history carried over and, when its
 * content differs, `saved` kept as a version. `changedAfterFirstSeen` is set only when both were read by
 * the same extractor version: a newer reader that reads a cell the older one missed is not an edit of
 * the report (its version is still kept, so nothing is lost).
 */
export function withVersions(next: ReportRecord, saved: ReportRecord | undefined): ReportRecord {
  if (!saved) return next;
  const versions = saved.versions ?? [];
  const flagged = saved.changedAfterFirstSeen === true;
  if (saved.contentHash === next.contentHash) {
    return { ...next, ...(versions.length ? { versions } : {}), ...(flagged ? { changedAfterFirstSeen: true } : {}) };
  }
  const kept: Version = {
    contentHash: saved.contentHash,
    savedAt: saved.savedAt ?? saved.firstSavedAt ?? '',
    changed: valueChanges(saved.values, next.values),
  };
  const edited = flagged || saved.extractorVersion === next.extractorVersion;
  return { ...next, versions: [...versions, kept].slice(-MAX_VERSIONS), ...(edited ? { changedAfterFirstSeen: true } : {}) };
}
