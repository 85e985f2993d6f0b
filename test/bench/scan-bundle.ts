import { build } from 'esbuild';
import { ROOT } from '../e2e/harness';

/**
 * lib/scan.ts as a plain script for a page (the profiling tools run it without the extension):
 * `globalThis.__scan(document, stages?)` scans with the content script's visibility test, charging
 * time per stage to `stages` when given. Names kept (readable profiles); `lines` keeps one statement
 * per line, so profile positions point at a function.
 */
export async function scanBundle(opts: { lines?: boolean; eager?: boolean } = {}): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { scanPage } from './lib/core/scan'; import { isHidden } from './lib/page/page-hints'; import { stageTimer } from './test/bench/stages'; globalThis.__scan = (d, stages) => scanPage(d, d.URL, { isHidden, mark: stages && stageTimer(stages, () => performance.now()) });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minifyWhitespace: !opts.lines,
    minifySyntax: true,
    keepNames: true,
    target: 'chrome120',
    alias: { '@': ROOT },
    write: false,
  });
  return `${opts.eager ? '//# allFunctionsCalledOnLoad\n' : ''}${out.outputFiles[0].text}\n//# sourceURL=scan-bundle.js`;
}
