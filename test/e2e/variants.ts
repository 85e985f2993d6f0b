/**
 * e2e pages derived from a report fixture at serve time, so they cannot drift from it: the fixture
 * server answers these paths by transforming the base page instead of reading a copy from disk.
 */

const BASE = 'reports/lingchuan-2020.html';

function canonical(html: string, path: string | null): string {
  const link = path ? `<link rel="canonical" href="http://www.lingchuan.gov.cn/${path}">` : '';
  return html.replace(/<link rel="canonical"[^>]*>\n?/, link ? `${link}\n` : '');
}

const BUSY = `<table id="ticker"><tr><td>实时访问量</td></tr></table>
<script>
// a page that never stops changing a table: the extension must not re-scan in a loop
var n = 0;
setInterval(function () {
  var row = document.getElementById("ticker").insertRow();
  row.insertCell().textContent = String(++n);
}, 50);
</script>
`;

const AGGRESSIVE = `<style>
* { all: unset; }
table { position: absolute; left: 0; top: 0; z-index: 2147483647; background: #ffe; }
div, p { position: relative; z-index: 2147483647; }
html, body { overflow: visible; }
</style>
`;

const LATE_SCRIPT = `<script>
setTimeout(function () {
  var zoom = document.getElementById("zoom");
  zoom.querySelector(".loading").remove();
  zoom.appendChild(document.getElementById("late-article").content.cloneNode(true));
}, 1000);
</script>
`;

/** The article body (the #zoom div) moved into a <template> that a script inserts 1 s after load. */
function lateArticle(html: string): string {
  return html.replace(
    /(<div [^>]*id="zoom">\n)([\s\S]*?)<\/div>\n(<\/div>\n<div class="xgwz">)/,
    (_, open: string, body: string, rest: string) =>
      `${open}<p class="loading">正文加载中…</p>\n</div>\n<template id="late-article">\n${body}</template>\n${LATE_SCRIPT}${rest}`,
  );
}

/** Markup, spreadsheet formulas and a very long string where a report has its title, labels and numbers. */
const HOSTILE_TITLE = '&lt;img src=x onerror=alert(1)&gt;"&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
const CELL = '<td style="border:1px solid #000;padding:4px">';
/** base page's n-th <td> (0-based) → hostile text */
const HOSTILE_CELLS: Record<number, string> = {
  13: '规章&lt;img src=x onerror=alert(1)&gt;',
  18: '=HYPERLINK("http://x","y")',
  27: "+cmd|' /C calc'!A0",
  40: '@SUM(1+1)',
  45: '-2+3',
  53: `长${'A'.repeat(99)}`.repeat(100),
  62: '"&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
};
/** an extra section 二 row whose label is a formula with markup, after the row holding td 33 (其他对外管理服务事项) */
const HOSTILE_ROW = `\n<tr>${CELL}=HYPERLINK("http://x","y")&lt;img src=x onerror=alert(1)&gt;</td>${CELL}1</td>${CELL}2</td>${CELL}3</td></tr>`;

function hostile(html: string): string {
  let n = 0;
  const out = html
    .replace(
      /(<title>|<h2>)(灵川县2020年政府信息公开工作年度报告)(<\/title>|<\/h2>)/g,
      (_, open: string, title: string, close: string) => `${open}${title}${HOSTILE_TITLE}${close}`,
    )
    .replace(/(<td[^>]*>)([\s\S]*?)(<\/td>)/g, (whole: string, open: string, _text: string, close: string) => {
      const i = n++;
      const cell = i in HOSTILE_CELLS ? `${open}${HOSTILE_CELLS[i]}${close}` : whole;
      // mark where the extra row goes: right after the </tr> that closes cell 33's row
      return i === 33 ? `${cell}\u0000` : cell;
    });
  const rowEnd = n < 63 ? -1 : out.indexOf('</tr>', out.indexOf('\u0000'));
  if (rowEnd < 0) throw new Error('hostile variant: the base page does not have the expected cells');
  const at = rowEnd + '</tr>'.length;
  return (out.slice(0, at) + HOSTILE_ROW + out.slice(at)).replace('\u0000', '');
}

export const VARIANTS: Record<string, { base: string; make: (html: string) => string }> = {
  /** a table that changes every 50 ms, forever */
  'e2e/busy.html': { base: BASE, make: (h) => canonical(h, 'e2e/busy.html').replace('</body>', `${BUSY}</body>`) },
  /** aggressive page CSS: * { all: unset }, absolute tables, huge z-index */
  'e2e/aggressive.html': { base: BASE, make: (h) => canonical(h, 'e2e/aggressive.html').replace('</head>', `${AGGRESSIVE}</head>`) },
  /** the report's article rendered by a script 1 s after load */
  'e2e/late.html': { base: BASE, make: (h) => lateArticle(canonical(h, 'e2e/late.html')) },
  /** hostile text in the title, labels and values, and an extra row (test/e2e/hostile.spec.ts) */
  'e2e/hostile.html': { base: BASE, make: (h) => hostile(canonical(h, 'e2e/hostile.html')) },
  /** no <link rel=canonical>, so each URL (?n=1…20) is its own record (test/e2e/concurrency.spec.ts) */
  'e2e/no-canonical.html': { base: BASE, make: (h) => canonical(h, null) },
};
