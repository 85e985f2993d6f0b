import { parseHTML } from 'linkedom';

/**
 * Parses an HTML page into a DOM `Document` in Node (linkedom: the fastest of linkedom, happy-dom and
 * jsdom on our corpus — see docs/performance.md). Used by the CLI, the unit tests and the benchmark.
 */
export function parseHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
