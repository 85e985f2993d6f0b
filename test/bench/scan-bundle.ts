import { build } from 'esbuild';
import { ROOT } from '../e2e/harness';

/**
 * lib/core/scan.ts (or, with `read`, the page's half alone) as a plain script for a page (the profiling tools run it without the extension):
 * `globalThis.__scan(document, stages?)` scans with the content script's visibility test, charging
 * time per stage to `stages` when given. Names kept (readable profiles); `lines` keeps one statement
 * per line, so profile positions point at a function.
 */
export async function scanBundle(opts: { lines?: boolean; eager?: boolean; read?: boolean } = {}): Promise<string> {
  // `read`: only the page's half, as the content script runs it (lib/core/read.ts with detection left to the
  // background, then each read's signature)
  const scan = opts.read
    ? `import { readReports as run, readSignature } from './lib/core/read'; const after = (p) => p.reports.map(readSignature);`
    : `import { scanPage as run } from './lib/core/scan'; const after = () => {};`;
  const out = await build({
    stdin: {
      contents: `${scan} import { isHidden } from './lib/page/page-hints'; import { stageTimer } from './test/bench/stages'; globalThis.__scan = (d, stages) => { const r = run(d, d.URL, { isHidden, ${opts.read ? 'detectLater: true, ' : ''}mark: stages && stageTimer(stages, () => performance.now()) }); after(r); return r; };`,
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
