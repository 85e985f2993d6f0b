import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { detect, detectFromInput, detectInput } from '../../../lib/core/detect';
import { firstMetas } from '../../../lib/core/metas';

/**
 * What the lens sends for the background to detect (lib/core/detect.ts `detectInput`): the title lines
 * (lib/core/title-lines.ts) that can matter, the body's and the tables' text. Detection from it must decide
 * exactly as detection on the page does — title, agency, year, notes, or the reason it is no report.
 */

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const pages = ['reports', 'years', 'compilations', 'non-reports', 'frames'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);

const inputOf = (doc: Document) =>
  detectInput(
    doc,
    doc.body.textContent ?? '',
    firstMetas(doc),
    [...doc.querySelectorAll('table')].map((t) => t.textContent ?? ''),
  );

describe('detection left to the background', () => {
  it('covers the fixture pages', () => expect(pages.length).toBeGreaterThan(40));

  it.each(pages)('%s: what the lens sends decides as detection on the page does', (file) => {
    const doc = parseHtml(readFileSync(join(FIXTURES, file), 'utf8')) as unknown as Document;
    const input = inputOf(doc);
    expect(detectFromInput(JSON.parse(JSON.stringify(input)))).toEqual(detect(doc, () => doc.body.textContent ?? ''));
  });

  it('sends the lines that can matter: the page’s titles, then leaf lines of 8–160 characters naming 报/報 among the first thousand elements', () => {
    const html =
      '<html><head><title>某县人民政府门户网站</title><meta name="ContentSource" content="某县司法局"></head><body>' +
      `<h2>${'长'.repeat(301)}</h2>` + // over 300 characters: never a title
      '<div><p>本机关2020年度报告如下所述</p></div>' + // the div holds a block: only the p is a line
      '<p>短报告</p>' + // too short
      `<p>${'报'.repeat(161)}</p>` + // too long
      '<p>今年的工作情况如下所述。</p>' + // names no 报
      '<center>某某縣2020年政府信息公開工作年度報告</center>' +
      '<span>x</span>'.repeat(994) +
      '<p>第一千零一个元素里的2020年度报告</p>' + // past the first thousand elements
      '</body></html>';
    const input = inputOf(parseHtml(html) as unknown as Document);
    expect(input.lines).toEqual([
      ['某县人民政府门户网站', 0],
      ['本机关2020年度报告如下所述', 2],
      ['某某縣2020年政府信息公開工作年度報告', 2],
    ]);
    expect(input.source).toBe('某县司法局');
  });

  it('a page without any title keeps its first line near the top (the title shown when it is no report)', () => {
    const input = inputOf(
      parseHtml('<html><body><p>今年的工作情况如下所述。</p><p>另一行文字在这里。</p></body></html>') as unknown as Document,
    );
    expect(input.lines).toEqual([['今年的工作情况如下所述。', 2]]);
    expect(detectFromInput(input).title).toBe('今年的工作情况如下所述。');
  });
});
