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

export const VARIANTS: Record<string, { base: string; make: (html: string) => string }> = {
  /** a table that changes every 50 ms, forever */
  'e2e/busy.html': { base: BASE, make: (h) => canonical(h, 'e2e/busy.html').replace('</body>', `${BUSY}</body>`) },
  /** aggressive page CSS: * { all: unset }, absolute tables, huge z-index */
  'e2e/aggressive.html': { base: BASE, make: (h) => canonical(h, 'e2e/aggressive.html').replace('</head>', `${AGGRESSIVE}</head>`) },
  /** the report's article rendered by a script 1 s after load */
  'e2e/late.html': { base: BASE, make: (h) => lateArticle(canonical(h, 'e2e/late.html')) },
  /** no <link rel=canonical>, so each URL (?n=1…20) is its own record (test/e2e/concurrency.spec.ts) */
  'e2e/no-canonical.html': { base: BASE, make: (h) => canonical(h, null) },
};
