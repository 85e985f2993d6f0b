import { stripPinyin, toSimplified } from './chinese';

/**
 * The publication date a report page states (SPEC §10 `meta.deadline`), `YYYY-MM-DD`: the page's date
 * `<meta>` first, then the byline (发布日期：… / 发布时间：… / 时间：… beside 来源：…), then the address
 * (`…/t20220120_123.html`, Hanweb's `/art/2022/1/20/art_…`). Never 成文日期 / 印发日期, the 落款 date under
 * the report, a 今天是… page header, the 统计期限 or a date inside a sentence: only a date right after a
 * publication label counts. Every date is validated (a real month and day).
 */

/** What the date is read from: a report's `PageFacts` (lib/core/page-facts.ts) and the page's address. */
export interface PublicationFacts {
  /** the page text without the report tables (bylines, headers and the 信息公开 metadata table kept) */
  text: string;
  /** `<meta>` values by lower-case name (see `dateMetas` in page-facts.ts) */
  metas: Record<string, string>;
  url: string;
}

/** the date metas, in the order they are trusted */
const META_NAMES = ['pubdate', 'firstpublishedtime', 'publishdate', 'article:published_time', 'og:release_date'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a real calendar day (1990–2100), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** a date as bylines print it: 2022-01-20, 2022年01月20日, 2022.01.20, 2022/1/20, 20220120 */
const DATE = '((?:19|20)\\d{2})(?:\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})(?!\\d)|(\\d{2})(\\d{2})(?!\\d))';
const dateOf = (m: RegExpExecArray, at = 1): string | null =>
  isoDate(Number(m[at]), Number(m[at + 1] ?? m[at + 3]), Number(m[at + 2] ?? m[at + 4]));

/** an ISO time with a zone (article:published_time is often UTC): the day in Beijing time */
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function metaDate(value: string): string | null {
  const v = value.trim();
  const z = ZONED.exec(v);
  if (z) {
    if (!isoDate(+z[1], +z[2], +z[3])) return null;
    const offset = z[6] === 'Z' ? 0 : (z[6][0] === '-' ? -1 : 1) * (Number(z[6].slice(1, 3)) * 60 + Number(z[6].slice(-2)));
    const beijing = new Date(Date.UTC(+z[1], +z[2] - 1, +z[3], +z[4], +z[5] - offset + 8 * 60));
    return isoDate(beijing.getUTCFullYear(), beijing.getUTCMonth() + 1, beijing.getUTCDate());
  }
  const m = new RegExp(`^${DATE}`).exec(v);
  return m ? dateOf(m) : null;
}

/**
 * Publication labels and the date right after them, read after 繁→简 and NFKC (發佈時間： is 发布时间:):
 * 发布日期 / 发布时间 / 公开日期 (colon optional: a metadata table's cells) and 发布: (colon required).
 * 成文日期, 印发日期 and 生成日期 are not among them.
 */
const PUBLISHED = /* @__PURE__ */ new RegExp(`(?:发布(?:日期|时间)\\s*:?|发布\\s*:|公开日期\\s*:?)\\s*${DATE}`, 'g');
/** a bare 时间：/ 日期： (not the tail of 成文日期, 统计时间 …) counts only beside 来源 */
const BARE = /* @__PURE__ */ new RegExp(`(?<![\\u3400-\\u9fff])(?:时间|日期)\\s*:\\s*${DATE}`, 'g');
const SOURCE = /来源\s*:/;
/** how far from a bare 时间：its 来源： may sit */
const BESIDE = 60;
/** the byline sits above the article: only this much of the text is read */
const WITHIN = 30_000;

function bylineDate(raw: string): string | null {
  const text = toSimplified(stripPinyin(raw.slice(0, WITHIN))).normalize('NFKC');
  for (const m of text.matchAll(PUBLISHED)) {
    const d = dateOf(m);
    if (d) return d;
  }
  for (const m of text.matchAll(BARE)) {
    const at = m.index ?? 0;
    const near = text.slice(Math.max(0, at - BESIDE), at + m[0].length + BESIDE);
    const d = SOURCE.test(near) ? dateOf(m) : null;
    if (d) return d;
  }
  return null;
}

/**
 * The date in the address: TRS's `t20220120_123456.html` and Hanweb's `/art/2022/1/20/art_…` both name the
 * day the article was published. A year alone in a path (/xxgknb/2021/) is a column, not a date.
 */
const URL_DATES = [/\/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+/, /\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\/art_/];

function urlDate(url: string): string | null {
  for (const re of URL_DATES) {
    const m = re.exec(url);
    const d = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (d) return d;
  }
  return null;
}

/** The publication date the page states, `YYYY-MM-DD`, or null: metas, then the byline, then the address. */
export function readPublishedAt(facts: PublicationFacts): string | null {
  const metas: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts.metas)) metas[k.toLowerCase()] ??= v;
  for (const name of META_NAMES) {
    const d = metas[name] ? metaDate(metas[name]) : null;
    if (d) return d;
  }
  return bylineDate(facts.text) ?? urlDate(facts.url);
}
