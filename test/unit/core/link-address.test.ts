/**
 * A link's address (lib/core/link-address.ts): the text join of plain hrefs must give exactly what the URL
 * parser gives, for any href and base — checked against `new URL(href, base)` on generated hrefs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpUrl, linkBase, resolveLink } from '../../../lib/core/link-address';

/** what the parser says: the address without its fragment, its host and path; null for no http(s) address */
function parsed(href: string, base: string) {
  const u = httpUrl(href, new URL(base));
  return u && { href: u.href, host: u.host, pathname: u.pathname };
}

const BASES = [
  'http://www.x.gov.cn/col/nb/index.html',
  'https://WWW.X.GOV.CN:443/col/nb/',
  'http://www.x.gov.cn:8080/list.jsp?cid=1&page=2',
  'http://www.x.gov.cn',
  'http://user:pw@www.x.gov.cn/a/b.html',
];

describe('resolveLink', () => {
  it.each([
    ['/a/t20220128_1.html', 'http://www.x.gov.cn/a/t20220128_1.html'],
    ['./202201/t1.shtml#top', 'http://www.x.gov.cn/col/nb/202201/t1.shtml'],
    ['t1.html?x=1', 'http://www.x.gov.cn/col/nb/t1.html?x=1'],
    ['?pageNum=2', 'http://www.x.gov.cn/col/nb/index.html?pageNum=2'],
    ['../../a.html', 'http://www.x.gov.cn/a.html'],
    ['/附件/年报.pdf', 'http://www.x.gov.cn/%E9%99%84%E4%BB%B6/%E5%B9%B4%E6%8A%A5.pdf'],
    [' HTTP://WWW.Y.gov.cn/a b.html ', 'http://www.y.gov.cn/a%20b.html'],
    ['//www.z.gov.cn/x', 'http://www.z.gov.cn/x'],
  ])('%s', (href, expected) => {
    expect(resolveLink(href, linkBase(new URL(BASES[0])))?.href).toBe(expected);
  });
  it.each(['', '#', '#top', 'javascript:void(0)', 'mailto:a@x.gov.cn', 'data:text/html,x', 'ftp://x.gov.cn/a', 'http://[bad'])(
    'no http(s) address: %j',
    (href) => {
      expect(resolveLink(href, linkBase(new URL(BASES[0])))).toBeNull();
    },
  );
  it('gives what the URL parser gives, for generated hrefs and bases', () => {
    const chars = fc.constantFrom(...'aZ09./?#%2eE:@&=+-_~!$()*,; \\\'"<>^`{|}中\t'.split(''), '..', '%2e', '//', 'index_2.html');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), fc.constantFrom(...BASES), (parts, base) => {
        const href = parts.join('');
        expect(resolveLink(href, linkBase(new URL(base)))).toEqual(parsed(href, base));
      }),
      { numRuns: 3000 },
    );
  });
});
