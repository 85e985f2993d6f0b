import type { ScanOutcome } from '../../lib/core/record';
import { SCAN_STAGES, scanPage, type ScanStage } from '../../lib/core/scan';

/**
 * Where scanPage's time goes: lib/scan.ts calls `ScanOptions.mark` at the end of each stage and the
 * timer here charges the time since the previous call to that stage, so the benchmark times the real
 * pipeline rather than a copy of it (the timer itself stays out of the content script).
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

/** `mark(stage)` charges the time since the previous mark (or since the timer was made) to `stage`. */
export function stageTimer(stages: Partial<Record<Stage, number>>, clock: () => number): (stage: Stage) => void {
  let last = clock();
  return (stage) => {
    const now = clock();
    stages[stage] = (stages[stage] ?? 0) + (now - last);
    last = now;
  };
}

/** `clock`: milliseconds of some clock (run.ts passes process CPU time). */
export function stagedScan(root: ParentNode, url: string, t: StageTimes, clock: () => number = () => performance.now()): ScanOutcome {
  return scanPage(root, url, { mark: stageTimer(t, clock) }).outcome;
}
