import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { parseHtml } from '../../cli/dom';

/**
 * The DOM libraries compared for the CLI. Each adapter parses a full HTML page into a `Document` and
 * hands back a `close` that frees what the library keeps alive (happy-dom and jsdom windows hold
 * timers, observers and a per-window realm). Closing is part of the cost: a CLI that checks a
 * directory must not leak one window per page.
 */

export interface Parsed {
  doc: Document;
  close(): void | Promise<void>;
}

export interface DomLib {
  /** short id used in JSON */
  id: string;
  /** library name and version, and the way it is used */
  label: string;
  parse(html: string): Parsed;
}

const require = createRequire(import.meta.url);

/** jsdom, typed here for what the bench uses (the project has no @types/jsdom). */
interface JSDOM {
  window: { document: Document; DOMParser: typeof DOMParser; close(): void };
}
const { JSDOM } = require('jsdom') as { JSDOM: new (html?: string) => JSDOM };

export function versionOf(pkg: string): string {
  // some packages (tabletojson) do not export ./package.json: walk up from the resolved entry point
  let dir = dirname(require.resolve(pkg));
  for (let i = 0; i < 6; i++) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (json.name === pkg) return json.version;
    } catch {
      /* keep walking */
    }
    dir = dirname(dir);
  }
  return '?';
}

/** happy-dom without scripts, resource loading, navigation or style computation. */
const HAPPY_SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
};

function happyWindow(): Window {
  return new Window({ url: 'http://localhost/', settings: HAPPY_SETTINGS });
}

/** Frees what the adapters keep between pages (jsdom's shared window), so later phases run on a small heap. */
export function releaseDomLibs(): void {
  jsdomShared?.window.close();
  jsdomShared = undefined;
}

// one long-lived jsdom window whose DOMParser makes a fresh Document per page
let jsdomShared: JSDOM | undefined;

export function domLibs(): DomLib[] {
  const lv = versionOf('linkedom');
  const hv = versionOf('happy-dom');
  const jv = versionOf('jsdom');
  return [
    {
      id: 'linkedom',
      label: `linkedom ${lv} parseHTML (cli/dom.ts)`,
      parse: (html) => ({ doc: parseHtml(html), close() {} }),
    },
    {
      id: 'happy-dom-innerHTML',
      label: `happy-dom ${hv} new Window + documentElement.innerHTML`,
      parse: (html) => {
        const w = happyWindow();
        w.document.documentElement.innerHTML = html;
        return { doc: w.document as unknown as Document, close: () => w.happyDOM.close() };
      },
    },
    {
      id: 'happy-dom-write',
      label: `happy-dom ${hv} new Window + document.write`,
      parse: (html) => {
        const w = happyWindow();
        w.document.write(html);
        return { doc: w.document as unknown as Document, close: () => w.happyDOM.close() };
      },
    },
    {
      id: 'jsdom-new',
      label: `jsdom ${jv} new JSDOM(html)`,
      parse: (html) => {
        const d = new JSDOM(html);
        return { doc: d.window.document, close: () => d.window.close() };
      },
    },
    {
      id: 'jsdom-domparser',
      label: `jsdom ${jv} shared window, DOMParser`,
      parse: (html) => {
        jsdomShared ??= new JSDOM('');
        const doc = new jsdomShared.window.DOMParser().parseFromString(html, 'text/html');
        return { doc, close() {} };
      },
    },
  ];
}
