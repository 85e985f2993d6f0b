import { metaElements } from './metas';

/**
 * What the checks beyond the tables (SPEC §10) read of a page besides its tables: the report's narrative —
 * its text with every data table cut out (report tables, hidden print copies, any other table that holds no
 * table: layout tables keep the text they wrap), so that no cell is read as a sentence — the top of the
 * page as printed (where a CMS puts its byline or its 发布日期 metadata table) and the date `<meta>`s. Computed by the scan wherever it runs (cheap: a few `indexOf`s); the content script sends
 * them to the background, which runs the checks (lib/core/beyond.ts), so the page's bundle stays small.
 */

export interface PageFacts {
  /** the report's text without its data tables (at most NARRATIVE_MAX characters) */
  text: string;
  /** the page's text from its start, tables included (at most HEAD_MAX characters): bylines, metadata tables */
  head: string;
  /** the date <meta>s (lower-cased name → content), see `readDateMetas` in published.ts */
  metas: Record<string, string>;
}

export const NARRATIVE_MAX = 60_000;
export const HEAD_MAX = 4_000;

/** The tables that hold no other table: data tables, not the layout tables around an article. */
export function dataTables(tables: readonly Element[]): Element[] {
  return tables.filter((t) => t.getElementsByTagName('table').length === 0);
}

/**
 * `text` (the body's or a report part's textContent) with the text of each table cut out (`tables`: their
 * textContent, in document order). A table's textContent is an exact substring of its ancestors'
 * textContent, in document order, so one forward search per table finds it.
 */
export function narrativeText(text: string, tables: readonly string[]): string {
  let out = '';
  let from = 0;
  for (const inner of tables) {
    if (!inner) continue;
    const at = text.indexOf(inner, from);
    if (at === -1) continue;
    out += `${text.slice(from, at)}\n`;
    from = at + inner.length;
  }
  out += text.slice(from);
  return out.length > NARRATIVE_MAX ? out.slice(0, NARRATIVE_MAX) : out;
}

/** The <meta> names a page states its publication date in (CMS conventions; compared lower-cased). */
const DATE_META = /^(?:pubdate|firstpublishedtime|publishdate|article:published_time|og:release_date)$/i;

/** The date `<meta>` values of a document (or of its `<meta>` elements, already listed), keyed lower-case, the first of each name (one pass). */
export function dateMetas(root: ParentNode, metas: ArrayLike<Element> = metaElements(root)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const k = (m.getAttribute('name') || m.getAttribute('property') || '').toLowerCase();
    if (k && DATE_META.test(k) && !out[k]) out[k] = (m.getAttribute('content') ?? '').slice(0, 64);
  }
  return out;
}
