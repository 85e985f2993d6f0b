import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { firstMetas } from '../../../lib/core/metas';
import { dateMetas } from '../../../lib/core/page-facts';

/** The `<meta>`s read by one walk give what the selector queries they replace gave. */
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const pages = ['reports', 'non-reports', 'years'].flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(FIXTURES, d, f)),
);
const crafted =
  '<html><head><meta name="ArticleTitle" content="一"><meta property="og:title" content="二"><meta name="ArticleTitle" content="三">' +
  '<meta name="articletitle" content="四"><meta name="PubDate" property="og:x" content="2021-01-02"><meta content="五"></head>' +
  '<body>x<meta name="ContentSource" content="六"><meta property="og:title" content="七"></body></html>';

describe('firstMetas', () => {
  it.each([...pages, crafted])('%s: the first content of each name and property, as meta[name="…"] selects it', (page) => {
    const doc = parseHtml(page.startsWith('<') ? page : readFileSync(page, 'utf8'));
    const metas = firstMetas(doc);
    for (const m of Array.from(doc.querySelectorAll('meta'))) {
      for (const attr of ['name', 'property'] as const) {
        const v = m.getAttribute(attr);
        if (v === null) continue;
        const selected = Array.from(doc.querySelectorAll('meta')).find((x) => x.getAttribute(attr) === v);
        expect(metas.get(`${attr}=${v}`)).toBe(selected?.getAttribute('content'));
      }
    }
  });
  it('keeps names exact and the first of each, wherever the parser put it', () => {
    const metas = firstMetas(parseHtml(crafted));
    expect(metas.get('name=ArticleTitle')).toBe('一');
    expect(metas.get('name=articletitle')).toBe('四');
    expect(metas.get('property=og:title')).toBe('二');
    expect(metas.get('name=ContentSource')).toBe('六');
    expect(dateMetas(parseHtml(crafted))).toEqual({ pubdate: '2021-01-02' });
  });
});
