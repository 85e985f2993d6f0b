import type { ScanOutcome } from '../../lib/core/record';
import { SCAN_STAGES, scanPage, type ScanStage } from '../../lib/core/scan';

/**
 * Where scanPage's time goes: lib/scan.ts charges each stage to `stages` when given a clock, so the
 * benchmark times the real pipeline rather than a copy of it.
 */

export const STAGES = SCAN_STAGES;
export type Stage = ScanStage;
export type StageTimes = Record<Stage, number>;

export const STAGE_HELP: Record<Stage, string> = {
  detect: 'detect(): candidate titles, body.textContent + normalizeText (only after a title hit), anchors/headings/year/agency',
  tables: "getElementsByTagName('table'), layout cells, hidden-ancestor walk",
  grids: 'buildGrid(): rows, spans, cell textContent',
  classify: 'classify(): normalizeLabel + label regexes on every short cell',
  map: 'mapApply/mapReview/mapActive (normalizeLabel, parseNumber, Sink)',
  checks: 'nullBlankTotals + evaluate',
  record: 'record object, hash53(JSON.stringify(values))',
};

export function zeroTimes(): StageTimes {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as StageTimes;
}

/** `clock`: milliseconds of some clock (run.ts passes process CPU time). */
export function stagedScan(root: ParentNode, url: string, t: StageTimes, clock: () => number = () => performance.now()): ScanOutcome {
  return scanPage(root, url, { stages: t, clock }).outcome;
}
