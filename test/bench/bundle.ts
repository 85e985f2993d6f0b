import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './browser';
import { ensureBuild } from './browser';
import { ROOT } from '../e2e/harness';

/** The content script is injected into every gov.cn page: its minified size has a budget. */
export function bundleFigures(log: (l: string) => void = () => {}): Figure[] {
  ensureBuild(log);
  const kb = (p: string) => Math.round((statSync(join(ROOT, '.output/chrome-mv3', p)).size / 1024) * 10) / 10;
  return [
    { figure: 'content-script bundle (minified)', value: kb('lens.js'), unit: 'KB', budget: 60 },
    {
      figure: 'background bundle (not per page)',
      value: kb('background.js'),
      unit: 'KB',
      budget: null,
      note: 'holds zod, Dexie, full OpenCC',
    },
  ];
}
