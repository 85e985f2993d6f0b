/**
 * What a page offers as its title (SPEC §1 Detection), read off the DOM, cheapest first: `<title>` (without
 * a site suffix such as "_某某网"), og:title / ArticleTitle and h1 (rank 0: the page's own name), then h2 and
 * title-like elements (rank 1), then short lines near the top of the body — a plain paragraph, an unclassed
 * or centred div (rank 2). Detection's patterns (lib/core/detect.ts) pick among them. Pure: takes the DOM
 * as a parameter.
 */

/** 0: the page's own name (title, og:title, h1); 1: h2 and title-like elements; 2: a line near the top */
export type Rank = 0 | 1 | 2;
/** a title candidate: its text as printed and its rank */
export type TitleLine = [text: string, rank: Rank];

const BLOCK_TAGS = ['DIV', 'P', 'TABLE', 'UL', 'OL', 'LI', 'SECTION', 'ARTICLE', 'FORM', 'DL', 'TBODY', 'TR', 'H1', 'H2'];
const BLOCKS = new Set(BLOCK_TAGS);
const LEAD_TAGS = ['p', 'div', 'center', 'td', 'font', 'strong', 'b', 'span', 'h3', 'h4'];
const LEAD_SELECTOR = LEAD_TAGS.join(', ');
/** lines near the top: among the first this many elements of `LEAD_SELECTOR` */
const LEAD_LIMIT = 1000;
const LEAD_MIN = 8;
const LEAD_MAX = 160;

/** An element whose text is its own (no block inside): a paragraph, an unclassed div, a centred line. */
function isLeaf(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCKS.has(c.tagName)) return false;
  return true;
}

/** Ranks 0 and 1: the page's own name and its title-like elements. */
function* headTitles(root: ParentNode, metas: Map<string, string | null>): Generator<TitleLine> {
  const doc = (root as Document).documentElement ? (root as Document) : root.ownerDocument;
  const title = (doc?.getElementsByTagName('title')[0]?.textContent ?? '').trim();
  if (title) {
    const main = title.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0];
    if (main && main !== title) yield [main, 0];
    yield [title, 0];
  }
  yield [metas.get('property=og:title') ?? '', 0];
  yield [metas.get('name=ArticleTitle') ?? '', 0];
  const h1 = 'getElementsByTagName' in root ? (root as Element).getElementsByTagName('h1') : root.querySelectorAll('h1');
  for (let i = 0; i < h1.length && i < 5; i++) yield [h1[i].textContent ?? '', 0];
  const els = root.querySelectorAll('h2, .title, .article-title, #title, .tit, .bt, [class*="title"]');
  for (let i = 0; i < els.length && i < 30; i++) yield [els[i].textContent ?? '', 1];
}

/**
 * Every candidate in order, read lazily: detection on the page stops at its pick. `wanted`: which lines
 * near the top to yield (the lens sends only those naming 报/報 once it has a first line).
 */
export function* candidateTitles(
  root: ParentNode,
  metas: Map<string, string | null>,
  wanted?: (text: string) => boolean,
): Generator<TitleLine> {
  yield* headTitles(root, metas);
  const lead = root.querySelectorAll(LEAD_SELECTOR);
  for (let i = 0; i < lead.length && i < LEAD_LIMIT; i++) {
    const el = lead[i];
    if (!isLeaf(el)) continue;
    const text = el.textContent ?? '';
    if (text.length >= LEAD_MIN && text.length <= LEAD_MAX && (!wanted || wanted(text))) yield [text, 2];
  }
}
