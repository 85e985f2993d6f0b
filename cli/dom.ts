import { parseHTML } from 'linkedom';

/**
 * Parses an HTML page into a DOM `Document` in Node (linkedom: the fastest of linkedom, happy-dom and
 * jsdom on our corpus — see docs/performance.md). Used by the CLI, the unit tests and the benchmark.
 */
export function parseHtml(html: string): Document {
  // linkedom builds no document element for text without one: give it the skeleton a browser would
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as Document;
}
