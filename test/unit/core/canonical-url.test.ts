/**
 * canonicalUrl (SPEC §6): the one address a report is saved under. Every case runs on the two DOMs the code
 * meets — linkedom (the CLI, the fixture oracle) and happy-dom (a browser-like document with a real URL) —
 * so the CLI and the content script cannot give one page two record ids.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { canonicalUrl } from '../../../lib/core/canonical-url';

const PAGE = 'http://www.x.gov.cn/a/b.html#top';

function happy(head: string, body = ''): Document {
  const w = new Window({ url: PAGE });
  w.document.write(`<html><head>${head}</head><body>${body}</body></html>`);
  return w.document as unknown as Document;
}
const linked = (head: string, body = '') => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);
const DOMS = [
  ['linkedom', linked],
  ['happy-dom', happy],
] as const;

describe.each(DOMS)('canonicalUrl on %s', (_, page) => {
  it('takes the canonical link, resolved against the page address and without its fragment', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="/c/d.shtml#x">'), PAGE)).toBe('http://www.x.gov.cn/c/d.shtml');
    expect(canonicalUrl(page('<link rel="canonical" href="HTTPS://WWW.Y.GOV.CN">'), PAGE)).toBe('https://www.y.gov.cn/');
  });
  it('reads rel as a case-insensitive token list', () => {
    const doc = page('<link rel="stylesheet" href="/s.css"><link rel="alternate  CANONICAL" href="http://www.y.gov.cn/r.html">');
    expect(canonicalUrl(doc, PAGE)).toBe('http://www.y.gov.cn/r.html');
    expect(canonicalUrl(page('<link rel="noncanonical" href="/no.html">'), PAGE)).toBe('http://www.x.gov.cn/a/b.html');
  });
  it('falls back to og:url (property matched case-insensitively) when no canonical link has an href', () => {
    const doc = page('<link rel="canonical"><link rel="canonical" href=" "><meta property="OG:URL" content="http://www.z.gov.cn/og.html">');
    expect(canonicalUrl(doc, PAGE)).toBe('http://www.z.gov.cn/og.html');
  });
  it('ignores malformed and non-http candidates, then uses the page address without its fragment', () => {
    expect(canonicalUrl(page('<meta property="og:url" content="javascript:alert(1)">'), PAGE)).toBe('http://www.x.gov.cn/a/b.html');
    expect(canonicalUrl(page('<link rel="canonical" href="http://[bad">'), PAGE)).toBe('http://www.x.gov.cn/a/b.html');
    expect(canonicalUrl(page('<link rel="canonical" href="ftp://www.x.gov.cn/r.html">'), PAGE)).toBe('http://www.x.gov.cn/a/b.html');
  });
  it('uses the first canonical link in document order, in the body too', () => {
    const doc = page('', '<link rel="canonical" href="/1.html"><link rel="canonical" href="/2.html">');
    expect(canonicalUrl(doc, PAGE)).toBe('http://www.x.gov.cn/1.html');
  });
  it('keeps the query and the trailing slash (or its absence) as printed', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="/list/?id=7">'), PAGE)).toBe('http://www.x.gov.cn/list/?id=7');
    expect(canonicalUrl(page(''), 'http://www.x.gov.cn/col/col123/index.html?n=1#p2')).toBe(
      'http://www.x.gov.cn/col/col123/index.html?n=1',
    );
    expect(canonicalUrl(page(''), 'http://www.x.gov.cn/zwgk')).toBe('http://www.x.gov.cn/zwgk');
  });
  it('given a file path (the CLI): absolute candidates win, relative ones cannot resolve, else the path unchanged', () => {
    expect(canonicalUrl(page('<link rel="canonical" href="http://www.q.gov.cn/r.html#x">'), 'saved/r.html')).toBe(
      'http://www.q.gov.cn/r.html',
    );
    expect(canonicalUrl(page('<link rel="canonical" href="/r.html"><meta property="og:url" content="/o.html">'), 'saved/r.html')).toBe(
      'saved/r.html',
    );
    expect(
      canonicalUrl(page('<link rel="canonical" href="/r.html"><meta property="og:url" content="http://www.q.gov.cn/o.html">'), 'a#b.html'),
    ).toBe('http://www.q.gov.cn/o.html');
    expect(canonicalUrl(page(''), 'C:\\pages\\a#1.html')).toBe('C:\\pages\\a#1.html');
  });
});
