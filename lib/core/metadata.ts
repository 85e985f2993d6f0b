import { stripPinyin, toSimplified } from './chinese';
import { normalizeText } from './text';

/**
 * A report's metadata (SPEC §1 Metadata): the report year and the agency as researchers cite it — from
 * the title, else from the body (统计期限, 现将我局2020年度…, the byline 发布机构/来源, `<meta
 * name="ContentSource">`, the 落款 signature). Agency names are cleaned of 关于 / 印发 / 转发 / 公布 /
 * …的通知 / 【…】 / site suffixes, never a pronoun (我局, 本机关), and simplified. The multi-report scan
 * calls `agencyFromTitle` / `yearFromTitle` for each part's title.
 */

/** Converts a name to simplified characters; the page-side default maps only the core's vocabulary. */
export type Simplify = (text: string) => string;

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年(?:度)?/;
/** a year written in Chinese numerals, as some titles print it: 二〇二一年, 二零二一年度, 一九九九年 */
const CHINESE_YEAR = /([一二][〇零○O0一二三四五六七八九]{3})年/;
/** a digit's value is its place here; the other zeros (零 ○ O 0) are not found: 0 */
const CHINESE_DIGITS = '〇一二三四五六七八九';

/** The report year a (normalised or raw) title names (2021年度, 2021年, 二〇二一年), else null. */
export function yearFromTitle(title: string): number | null {
  return yearOfNormalized(normalizeText(title));
}

/** `yearFromTitle` of a title already normalised (`normalizeText`). */
export function yearOfNormalized(norm: string): number | null {
  const m = YEAR_IN_TITLE.exec(norm);
  if (m) return Number(m[1]);
  const c = CHINESE_YEAR.exec(norm);
  if (!c) return null;
  const year = [...c[1]].reduce((y, ch) => y * 10 + Math.max(0, CHINESE_DIGITS.indexOf(ch)), 0);
  return year >= 1990 && year <= 2099 ? year : null;
}

/** A pronoun or a generic word, never an agency's name. */
const NOT_A_NAME =
  /^(?:(?:人民)?政府|政务(?:公开)?|(?:政府)?信息公开|本(?:机关|单位|部门|局|委)|我(?:局|委|办|县|区|市|镇|乡|街道|中心|单位|部门)|首页|年度|年报)$/;
const LEADING = /^(?:关于|印发|转发|公布|发布|公开|转载|[:：、,，.。"'《〈\-—\s])+/;
const TRAILING = /(?:关于|的通知|通知|印发|转发|公布|发布|[:：、,，.。"'》〉\-—\s])+$/;
/** a site's name: …网, …门户网站, …政府网, …网站, …政务网 */
const SITE_SUFFIX = /(?:门户网站|门户网|政务网|网站|网)$/;
const BRACKETS = /【[^】]*】|\[[^\]]*\]|\((?:文字版|图解|图文|附件|全文|转载)[^)]*\)/g;

/**
 * An agency's name as researchers cite it, or null when nothing but a pronoun or a generic word is left:
 * "关于赣州市应急管理局" → 赣州市应急管理局, "XX县人民政府门户网站" → XX县人民政府, "我局" → null.
 */
export function cleanAgency(raw: string, simplify: Simplify = toSimplified): string | null {
  let a = simplify(normalizeText(raw)).replace(BRACKETS, '');
  for (let i = 0; i < 3; i++) {
    const before = a;
    a = a.replace(LEADING, '').replace(TRAILING, '').replace(SITE_SUFFIX, '');
    a = a.replace(/^(?:我局|我委|我办|我乡|我镇|本机关|本单位)/, '');
    if (a === before) break;
  }
  if (a.length < 2 || a.length > 60 || NOT_A_NAME.test(a) || /\d{4}/.test(a)) return null;
  return a;
}

const DISCLOSURE = '(?:政府信息公开|政务信息公开|信息公开|政府信息公开工作)';

/**
 * The agency a report's title names, cleaned (see `cleanAgency`): the words before the year
 * ("关于赣州市应急管理局2020年…" → 赣州市应急管理局), or for year-first titles those between the year and
 * 政府信息公开 ("2024年深圳市公安局龙华分局政府信息公开…").
 */
export function agencyFromTitle(title: string, simplify: Simplify = toSimplified): string | null {
  const t = normalizeText(title).replace(BRACKETS, '');
  // the words before the year, less a disclosure phrase written before it (…政府信息公开工作2021年度报告)
  const before = (/^(.*?)(?:关于)?((?:19|20)\d{2})\s*年/.exec(t)?.[1] ?? '').replace(/(?:政府|政务)?(?:信息)?公开(?:工作)?$/, '');
  const cleaned = before ? cleanAgency(before, simplify) : null;
  if (cleaned) return cleaned;
  const after = new RegExp(`^(?:.*?)${YEAR}\\s*年(?:度)?(.+?)${DISCLOSURE}`).exec(t)?.[1] ?? '';
  const between = after ? cleanAgency(after, simplify) : null;
  if (between) return between;
  // the name in brackets after the report's ("2023年度政府信息公开工作年度报告（武侯区民政局）")
  const trailing = /\(([^()]{2,40})\)$/.exec(t)?.[1] ?? '';
  return trailing && ENDS_AS_NAME.test(trailing) ? cleanAgency(trailing, simplify) : null;
}

// 信息来源 is found as its 来源: the value is read after the colon
const BYLINE_LABEL = /(?:发布(?:机构|单位|部门)|發布(?:機構|單位)|来源|來源|发文机关|發文機關)\s*[:：]/;
const BYLINE = /(?:发布(?:机构|单位|部门)|来源(?:单位)?|发文机关)\s*[:：]\s*([^\s:：|,，。;；、<>【]{2,40})/;
/** pattern sources the patterns below share: a character of a name (CJK, brackets), a year */
const NAME_CHAR = '[\\u4e00-\\u9fa5()（）]';
const YEAR = '(?:19|20)\\d{2}';
const INTRO = [
  new RegExp(`现将(${NAME_CHAR}{2,40}?)${YEAR}年度?(?:政府信息公开|政务公开|信息公开)`),
  new RegExp(`特向社会公布(${NAME_CHAR}{2,40}?)${YEAR}年`),
  new RegExp(`由(${NAME_CHAR}{2,40}?)(?:编制|编写|组织编制|综合)`),
];
const AGENCY_END = '(?:人民政府|办公室|办公厅|管理局|局|委员会|委|办|街道办事处|办事处|管委会|管理委员会|中心|分局|所|站|院|部|厅|署)';
const ENDS_AS_NAME = new RegExp(`(?:${AGENCY_END}|[省市县区旗州盟镇乡村])$`);
const SIGNATURE = new RegExp(`(${NAME_CHAR}{2,40}?${AGENCY_END})${YEAR}年\\d{1,2}月\\d{1,2}日`);
const SIGNATURE_AFTER = /六、?其[他它]需要报告的事项/;

/** the byline's next field, when no white space separates it */
const BYLINE_NEXT = /(?:公开(?:方式|时限|范围)|发布|成文日期|时间|日期|作者|浏览|阅读|点击|字号|文号|索引号|分类|来源|【).*$/;
/** the byline sits above the article: only this much of the page's text is read for it */
const BYLINE_WITHIN = 30_000;

/** The byline's 发布机构 / 来源 (spaced text: white space ends the value); a site name loses its suffix. */
export function agencyFromByline(text: string, simplify: Simplify = toSimplified): string | null {
  // the label is found on the raw text; only a short window after it is normalised (pages are long)
  const label = BYLINE_LABEL.exec(text.length > BYLINE_WITHIN ? text.slice(0, BYLINE_WITHIN) : text);
  if (!label) return null;
  const spaced = toSimplified(stripPinyin(text.slice(label.index, label.index + 120))).normalize('NFKC');
  const m = BYLINE.exec(spaced);
  if (!m) return null;
  // a heading's ordinal glued to the byline ("…管委会一、总体情况") is not part of the name
  const name = spaced[m.index + m[0].length] === '、' ? m[1].replace(/[一二三四五六七八九十]$/, '') : m[1];
  return cleanAgency(name.replace(BYLINE_NEXT, ''), simplify);
}

/**
 * The agency from the body when the title names none: the intro (现将XX2020年度政府信息公开…), then the
 * 落款 signature after 六、其他需要报告的事项 (a name ending 局/政府/办… right before a date).
 */
/**
 * The agency printed on its own line right after a title that names none ("关于2021年度政府信息公开工作的
 * 年度报告" / "盐边县新九镇人民政府" / "一、总体情况"), in compacted body text: a name ending as an agency does,
 * followed by a heading ordinal, a date or no more words — never a sentence (我局, 现将, 根据 …).
 */
const BESIDE = new RegExp(`^(${NAME_CHAR}{2,40}?${AGENCY_END})(?=[一1][、.．]|${YEAR}年|[^\\u4e00-\\u9fa5()（）]|$)`);
const NOT_BESIDE = /[我本该其]|现将|根据|按照|关于|报告|发布/;

export function agencyBesideTitle(compact: string, titleCompact: string, simplify: Simplify = toSimplified): string | null {
  const at = titleCompact.length >= 6 ? compact.indexOf(titleCompact) : -1;
  if (at < 0) return null;
  const m = BESIDE.exec(compact.slice(at + titleCompact.length, at + titleCompact.length + 44));
  return m && !NOT_BESIDE.test(m[1]) ? cleanAgency(m[1], simplify) : null;
}

export function agencyFromBody(compact: string, simplify: Simplify = toSimplified): string | null {
  for (const re of INTRO) {
    const m = re.exec(compact);
    const a = m ? cleanAgency(m[1], simplify) : null;
    if (a) return a;
  }
  const six = SIGNATURE_AFTER.exec(compact);
  if (!six) return null;
  const tail = compact.slice(six.index, six.index + 3000);
  // the signature sits on its own line; in compacted text it follows a sentence's end
  const m = new RegExp(`[。！；;:：)）]${SIGNATURE.source}`).exec(tail);
  return m ? cleanAgency(m[1], simplify) : null;
}

/**
 * The report year from the body: 统计期限自2020年1月1日…, then 现将(我局)2020年度…报告如下, then
 * "2020年，我局…". Compacted text (no white space).
 */
export function yearFromBody(compact: string): number | null {
  const m =
    /统计(?:期限|时限|时间|期间|周期)[^。]{0,12}?((?:19|20)\d{2})年1月1日/.exec(compact) ??
    /现将[\u4e00-\u9fa5]{0,30}?((?:19|20)\d{2})年度?[\u4e00-\u9fa5、，,]{0,40}?报告如下/.exec(compact) ??
    /((?:19|20)\d{2})年度?(?:，|,)?(?:我局|我委|我办|我县|我区|我市|我镇|我乡|全市|全县|全区)/.exec(compact);
  return m ? Number(m[1]) : null;
}

export interface AgencyChoice {
  agency: string | null;
  note?: string;
}

/**
 * Title agency against the byline's: when one is the other with a prefix or suffix more (市应急管理局 vs
 * 赣州市应急管理局), the fuller proper name wins and the choice is noted; otherwise the title's.
 */
/** A name that starts with its own place (溧水区…, 灵川县…, 深圳市…), not a bare level word (市应急管理局). */
const HAS_PLACE = /^[\u4e00-\u9fa5]+?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道)/;

export function crossCheckAgency(fromTitle: string | null, fromByline: string | null): AgencyChoice {
  if (!fromTitle) return { agency: fromByline };
  if (!fromByline || fromByline === fromTitle) return { agency: fromTitle };
  // 市应急管理局 → 赣州市应急管理局; a name cut short (…卫生健康) → …卫生健康委员会; never 人民政府 →
  // 人民政府办公室, nor a place (灵川县: the county's report) → the office that published it
  // SPEC §1: the agency is the body as the title names it; the byline only completes a title name that has no
  // place of its own (市应急管理局, 公安局) or is cut short — 溧水区市场监督管理局 stays as its title prints it
  const longer = fromByline.length > fromTitle.length;
  if (
    longer &&
    ((fromByline.endsWith(fromTitle) && !HAS_PLACE.test(fromTitle)) || (fromByline.startsWith(fromTitle) && !ENDS_AS_NAME.test(fromTitle)))
  )
    return { agency: fromByline, note: `机构取发布机构“${fromByline}”，标题作“${fromTitle}”` };
  return { agency: fromTitle };
}
