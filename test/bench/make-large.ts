import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes the two large pages of the browser benchmark (test/bench/browser.ts), deterministically:
 *
 *   test/fixtures/bench/large-report.html  quzhou-2020 with every table grown ×20 rows: each table keeps
 *                                          its own rows (so every check still runs) and gets 19 more
 *                                          rows of numbers per original row (as many cells), under labels
 *                                          that map to no key (≈5,700 cells in all);
 *   test/fixtures/bench/large-news.html    a ≈300 KB gov.cn news listing (navigation, 1,500 dated links,
 *                                          a few statistics tables with 合计 rows) that never mentions a
 *                                          report, so only the content script's pre-check runs on it.
 *
 *   npx tsx test/bench/make-large.ts
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'test', 'fixtures', 'bench');
export const LARGE_REPORT = join(OUT, 'large-report.html');
export const LARGE_NEWS = join(OUT, 'large-news.html');
const SOURCE = join(ROOT, 'test', 'fixtures', 'reports', 'quzhou-2020.html');

/** A tiny deterministic generator (mulberry32), so the files are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Width of a row in grid columns (colspan counted). */
function rowWidth(tr: string): number {
  let w = 0;
  for (const m of tr.matchAll(/<t[dh]\b([^>]*)>/gi)) w += Number(/colspan\s*=\s*"?(\d+)/i.exec(m[1])?.[1] ?? 1);
  return w;
}

export function largeReport(html: string, factor = 20): string {
  const rand = rng(20200);
  let tableNo = 0;
  return html.replace(/<table\b[\s\S]*?<\/table>/gi, (table) => {
    tableNo++;
    const rows = table.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? [];
    const width = Math.max(1, ...rows.map(rowWidth));
    const style = /<td\b[^>]*?(style="[^"]*")/i.exec(table)?.[1] ?? '';
    const extra: string[] = [];
    // 19 more rows per original row, as many cells as it has (so ≈ ×20 cells), label first, numbers after,
    // the last cell spanning what is left of the table's width
    let n = 0;
    for (let copy = 1; copy < factor; copy++) {
      for (const row of rows) {
        const count = Math.max(2, (row.match(/<t[dh]\b/gi) ?? []).length);
        const cells = [`<td ${style}>附表${tableNo}补充统计第${++n}栏</td>`];
        for (let c = 1; c < count; c++) {
          const span = c === count - 1 && width > count ? ` colspan="${width - count + 1}"` : '';
          cells.push(`<td ${style}${span}>${Math.floor(rand() * 5000)}</td>`);
        }
        extra.push(`<tr>${cells.join('')}</tr>`);
      }
    }
    const at = /<\/tbody>\s*<\/table>$/i.test(table) ? table.lastIndexOf('</tbody>') : table.lastIndexOf('</table>');
    return `${table.slice(0, at)}\n${extra.join('\n')}\n${table.slice(at)}`;
  });
}

const SECTIONS = ['要闻动态', '部门动态', '县区动态', '通知公告', '政策文件', '政策解读', '人事信息', '招标采购', '公示公告', '新闻发布会'];
const TOPICS = [
  '召开全市安全生产工作会议',
  '开展防汛防台应急演练',
  '推进优化营商环境专项行动',
  '举办新时代文明实践活动',
  '部署秋冬季大气污染防治工作',
  '调研乡村振兴重点项目建设',
  '开展“双随机、一公开”联合检查',
  '召开重点项目推进会',
  '启动“我为群众办实事”实践活动',
  '发布城市更新三年行动方案',
  '组织开展消防安全专项检查',
  '举行重大项目集中开工仪式',
  '推进数字政府建设工作',
  '召开民生实事项目督查会',
  '开展食品安全宣传周活动',
  '部署春季森林防灭火工作',
];
const PLACES = ['市', '东城区', '西湖区', '临江县', '青山镇', '高新区', '经开区', '南湖街道', '北山乡', '港区'];

export function largeNews(targetBytes = 300_000): string {
  const rand = rng(300);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const date = (i: number) => {
    const d = new Date(Date.UTC(2024, 11, 31) - i * 6 * 3600_000);
    return d.toISOString().slice(0, 10);
  };
  const head = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>新闻动态_某某市人民政府门户网站</title>
<meta name="keywords" content="新闻动态,要闻,通知公告"><meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:14px/1.6 sans-serif;margin:0}.nav a{margin:0 8px}.list li{display:flex;justify-content:space-between;border-bottom:1px dashed #ddd}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}.foot{background:#eee;padding:12px}</style></head>
<body><div class="top"><a href="/">首页</a> | <a href="/wza/">无障碍</a> | <a href="/en/">English</a> | <a href="/m/">移动版</a></div>
<div class="banner"><img src="/images/banner.jpg" alt="某某市人民政府"></div>
<ul class="nav">${SECTIONS.concat(['政务公开', '政务服务', '互动交流', '走进某某', '专题专栏'])
    .map((s, i) => `<li><a href="/col/col${1000 + i}/index.html">${s}</a></li>`)
    .join('')}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1000/index.html">新闻动态</a></div>
<div class="side"><h3>栏目导航</h3><ul>${SECTIONS.map((s, i) => `<li><a href="/col/col${1000 + i}/index.html">${s}</a></li>`).join('')}</ul></div>
<div class="main">`;
  const tables: string[] = [];
  for (let t = 0; t < 4; t++) {
    const rows: string[] = [];
    const sums = [0, 0, 0];
    for (let r = 0; r < 12; r++) {
      const v = [0, 1, 2].map(() => Math.floor(rand() * 900) + 10);
      v.forEach((x, i) => (sums[i] += x));
      rows.push(
        `<tr><td>${PLACES[r % PLACES.length]}${r >= PLACES.length ? r : ''}</td><td>${v[0]}</td><td>${v[1]}</td><td>${v[2]}</td><td>${v[0] + v[1] + v[2]}</td></tr>`,
      );
    }
    rows.push(`<tr><td>合计</td><td>${sums[0]}</td><td>${sums[1]}</td><td>${sums[2]}</td><td>${sums[0] + sums[1] + sums[2]}</td></tr>`);
    tables.push(
      `<h4>${2024 - t}年第${4 - t}季度重点项目进展情况统计</h4><table><tr><th>地区</th><th>新开工（个）</th><th>续建（个）</th><th>竣工（个）</th><th>小计</th></tr>${rows.join('')}</table>`,
    );
  }
  const foot = `</div>
<div class="foot"><p>主办：某某市人民政府办公室 承办：某某市大数据发展管理局</p>
<p><a href="/col/col9001/index.html">网站地图</a> | <a href="/col/col9002/index.html">联系我们</a> | <a href="/col/col9003/index.html">隐私声明</a></p>
<p>网站标识码：3300000000 <a href="https://beian.miit.gov.cn/">浙ICP备00000000号</a> 浙公网安备 33000000000000号</p></div>
</body></html>
`;
  const items: string[] = [];
  let size = Buffer.byteLength(head + foot + tables.join(''));
  let i = 0;
  while (size < targetBytes) {
    const section = SECTIONS[i % SECTIONS.length];
    const li = `<li><a href="/art/${date(i).replace(/-/g, '/')}/art_${1000 + (i % SECTIONS.length)}_${500000 + i}.html" title="${pick(PLACES)}${pick(TOPICS)}" target="_blank">[${section}] ${pick(PLACES)}${pick(TOPICS)}</a><span class="date">${date(i)}</span></li>\n`;
    items.push(li);
    size += Buffer.byteLength(li);
    i++;
    if (i % 300 === 0) {
      const t = tables.shift();
      if (t) {
        items.push(`</ul>${t}<ul class="list">`);
        size += Buffer.byteLength(t) + 22;
      }
    }
  }
  return `${head}<ul class="list">\n${items.join('')}</ul>${tables.join('')}<div class="pages">共${i}条 <a href="?page=2">下一页</a> <a href="?page=${Math.ceil(i / 20)}">尾页</a></div>${foot}`;
}

export function writeLargePages(): { report: string; news: string } {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(LARGE_REPORT, largeReport(readFileSync(SOURCE, 'utf8')));
  writeFileSync(LARGE_NEWS, largeNews());
  return { report: LARGE_REPORT, news: LARGE_NEWS };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { report, news } = writeLargePages();
  for (const f of [report, news]) {
    const html = readFileSync(f, 'utf8');
    console.log(
      `${f}: ${html.length} chars, ${(html.match(/<t[dh][\s>]/gi) ?? []).length} cells, ${(html.match(/<a\s/gi) ?? []).length} links`,
    );
  }
}
