import { stripPinyin, toSimplified } from './chinese';
import { CN_NUMERAL_CHARS, parseChineseNumber } from './cn-numerals';
import { WHITESPACE_CHAR } from './text';

/**
 * Reads the quantities a report's narrative states about its applications, reviews and suits (SPEC §10
 * text.*): each sentence is cut into clauses (， ： and brackets), each `N件` in a clause is named by the
 * last keyword before it (受理 / 上年结转 / 办结 / 结转下年度 / 行政复议 / 行政诉讼 …), and 无/未/没有 statements
 * read as 0. A clause about something else (咨询, 热线, 信访, 许可…), another year (比2019年…), a change
 * (增加5件) or a part (其中…答复的6件, 直接起诉, 败诉) gives no reading: a miss is better than a false alarm.
 */

export type Quantity = 'new' | 'carried_over' | 'result' | 'carried_forward' | 'review' | 'suit';

export interface Reading {
  quantity: Quantity;
  value: number;
  /** false for 受理 / 收到 / 办理 (new, new + carried over, or processed); true for 新收 and the others */
  explicit: boolean;
  /** the sentence as the page prints it (trimmed, at most 300 characters) */
  sentence: string;
}

/**
 * Cheap first tests on the raw sentence, before normalising it: a keyword in simplified or traditional
 * characters; with converter pinyin (`結(jié)轉(zhuǎn)`) splitting words, any character a keyword starts with.
 */
const RAW_KEYWORD =
  /申[请請]|复议|複議|復議|诉讼|訴訟|[结結][转轉]|[转轉][结結]|[办辦][结結]|答[复覆復]|回[复覆復]|受理|收到|新收|在[办辦]理/;
const ROUGH = /[申复複復诉訴结結答受辦办收在]/;
const FULL_WIDTH_DIGIT = /[０-９]/;
const FULL_WIDTH_DIGITS = /[０-９]/g;
const THOUSANDS_ANY = /\d[,，]\d{3}/;
const THOUSANDS = /(\d)[,，](?=\d{3}(?!\d))/g;
/** The keywords a sentence must hold, after normalisation, to be read at all. */
const PREFILTER = /申请|复议|诉讼|结转|转结|办结|答复|回复|受理|收到|新收|在办理/;
const SENTENCE_END = /[。！？；!?;\n\r]+/;
const WHITESPACE = new RegExp(`${WHITESPACE_CHAR}+`, 'g');
/** characters the core's 繁→简 table leaves alone but a narrative uses: 答覆, 完畢, 與, 並, 兩 */
const EXTRA_T2S: Readonly<Record<string, string>> = { 覆: '复', 畢: '毕', 與: '与', 並: '并', 兩: '两' };
const EXTRA_T2S_RE = /[覆畢與並兩]/g;
const EXTRA_T2S_ANY = /[覆畢與並兩]/;
/** the text is about 政府信息公开 applications: this sentence or one of the few before says so */
const TOPIC = /信息公开|依申请|公开申请|政务公开/;
const RAW_TOPIC = /信息公[开開]|依申[请請]|公[开開]申[请請]|政[务務]公[开開]/;
const TOPIC_WINDOW = 8;
/** a clause that is about something else than 政府信息公开申请 */
const OTHER_MATTER =
  /咨询|热线|12345|信访|投诉|诉求|来信|来电|留言|信箱|许可|审批|建议|提案|举报|登记|备案|事项|业务|办件|政务服务|规范性文件|援助|赔偿|仲裁|救助|补贴|补助|低保|注册|专利|商标|资格|认定|招聘|报名|公证/;
/** a comparison with another year, or a change rather than a count */
const COMPARISON = /比(?!例|率|重)|较(?!好|为|多|少|大|高|低|快)/;
const CHANGE_BEFORE = /(?:增加|减少|增长|下降|上升|提高|降低|多|少)了?$/;
/** a part of the whole, not the whole: a channel, an applicant, a result category, an outcome of a case */
const PART_WORDS =
  /予以公开|同意公开|部分公开|不予公开|不同意公开|无法提供|不予处理|其他处理|不掌握|不存在|告知|当面|信函|传真|邮件|(?:网上|网络|在线)申请|逾期|按时|按期|延期|直接起诉|复议后|败诉|胜诉|纠错|纠正|维持|撤销|审结|确认违法/;
/** reviews the agency decides or handles, rather than reviews of the agency */
const REVIEWER = /受理|办理|审理|决定书|收到/;
const PART_CLAUSE = /^(?:其中|含|包括|包含)/;
const TOTAL_WORD = /共|合计|总|累计|全年/;

type Kind = Quantity | 'new?';
/** keywords, longest first where one contains another; the last one before a number names it */
const KEYWORDS: readonly [RegExp, Kind][] = [
  [
    /(?:结转|转入|转至|转到)(?:至|到)?(?:下一?年度?|\d{4}年度?)(?:继续办理|办理)?|下一?年度?继续办理|未办结|正在办理|仍在办理|尚在办理/,
    'carried_forward',
  ],
  [/上一?年度?(?:结转|转结|转入|遗留|未办结)|(?:结转|转结)自?上一?年度?/, 'carried_over'],
  [/行政复议|申请复议/, 'review'],
  [/行政诉讼|提起诉讼|行政应诉/, 'suit'],
  [/办结|答复|回复|办理完毕|处理完毕|已处理|已办理/, 'result'],
  [/新收|新受理|新接收/, 'new'],
  [/受理|收到|接收|接到|共收|办理/, 'new?'],
];
const KEYWORD_RE = new RegExp(KEYWORDS.map(([re]) => `(${re.source})`).join('|'), 'g');
/** after the number: `3件结转下年度`, `2件正在办理` */
const FORWARD_AFTER = /^(?:申请)?(?:结转|转入下|正在办理|仍在办理|尚在办理|未办结)/;
const MENTION = new RegExp(`(?<![\\d.第同每单逐])(?:(\\d+)|([${CN_NUMERAL_CHARS}]+))件(?![次事])`, 'g');

/** a character every zero statement holds */
const ZERO_WORD = /[未没无零0]/;
/** 无/未/没有 (收到) … 申请: no application at all */
const NEW_ZERO =
  /(?:(?<![尚并])未|没有|暂无|(?<![暂])无)(?:收到|受理|接到|接收|发生|产生)?(?:过|任何|群众|公民)*的?(?:政府)?(?:信息)?(?:公开)?的?依?申请(?!人)|零申请|申请\D{0,6}?(?:均|都)?(?:为|是)(?:零|0|无)$/;
/** 未发生/没有/无 … 行政复议 / 行政诉讼 (the keyword after), or … 均为零 / 未发生 (before) */
const CASE_ZERO_BEFORE =
  /(?:(?<![尚并])未(?!经)|没有|暂无|(?<![暂有])无(?![法论需须正偿]))(?:发生|出现|收到|产生|有)?\D{0,30}?(?:行政复议|申请复议|行政诉讼|提起诉讼)/;
const CASE_ZERO_AFTER =
  /(?:行政复议|行政诉讼|提起诉讼)\D{0,20}(?:(?:均|都)?(?:为|是)(?:零|无|0)|(?:均|都)?(?:未|没有)(?:发生|出现|产生)过?(?:的情况)?)$/;

/**
 * Normalises one sentence for matching: pinyin runs out, 繁→简, no white space, full-width digits and
 * thousands separators folded (１５ → 15, 1,234 → 1234). Full-width punctuation is kept (the clause split
 * takes both forms): NFKC on every sentence costs more than the rest of the reading.
 */
export function normalizeSentence(raw: string): string {
  let s = toSimplified(stripPinyin(raw));
  if (EXTRA_T2S_ANY.test(s)) s = s.replace(EXTRA_T2S_RE, (ch) => EXTRA_T2S[ch]);
  s = s.replace(WHITESPACE, '');
  if (FULL_WIDTH_DIGIT.test(s)) s = s.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return THOUSANDS_ANY.test(s) ? s.replace(THOUSANDS, '$1') : s;
}

/** The quantity the last keyword of `before` names, or null. */
function lastKeyword(before: string): Kind | null {
  let kind: Kind | null = null;
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(before); m; m = KEYWORD_RE.exec(before)) {
    for (let g = 1; g <= KEYWORDS.length; g++) if (m[g] !== undefined) kind = KEYWORDS[g - 1][1];
  }
  return kind;
}

function hasReview(s: string): boolean {
  return /行政复议|申请复议/.test(s);
}
function hasSuit(s: string): boolean {
  return /行政诉讼|提起诉讼|行政应诉/.test(s);
}

/**
 * The readings of one `N件` in a clause: `before` runs from the clause start (or the previous N件) to the
 * number, `after` from 件 to the next number; `part` for a 其中/含 clause; `apply` when the sentence says 申请;
 * `near` when this sentence or the one before names 政府信息公开 (reviews and suits need it that close).
 */
function readMention(
  value: number,
  before: string,
  after: string,
  clause: string,
  part: boolean,
  apply: boolean,
  near: boolean,
): [Kind, number][] {
  if (COMPARISON.test(before) || CHANGE_BEFORE.test(before) || OTHER_MATTER.test(clause)) return [];
  if (FORWARD_AFTER.test(after)) return [['carried_forward', value]];
  const kind = lastKeyword(before);
  if (kind === null) return [];
  if (kind === 'review' || kind === 'suit') {
    // 受理行政复议申请120件: the agency deciding reviews (a 司法局), not one reviewed over its disclosure
    if (!near || PART_WORDS.test(before) || REVIEWER.test(before)) return [];
    // 行政复议、行政诉讼案件为0件: one figure for both — read only when it is 0
    if (hasReview(before) && hasSuit(before))
      return value === 0
        ? [
            ['review', 0],
            ['suit', 0],
          ]
        : [];
    return [[kind, value]];
  }
  if (kind === 'carried_over' || kind === 'carried_forward') return [[kind, value]];
  if (PART_WORDS.test(before) || !apply) return [];
  if (kind === 'result') return part ? [] : [['result', value]];
  if (part && !TOTAL_WORD.test(before)) return [];
  return [[kind, value]];
}

/** The zero statements of a clause without numbers: 未收到…申请, 未发生…行政复议、提起行政诉讼…. */
function readZeros(clause: string, near: boolean): [Kind, number][] {
  const out: [Kind, number][] = [];
  if (NEW_ZERO.test(clause) && !OTHER_MATTER.test(clause)) out.push(['new', 0]);
  if (!near || PART_WORDS.test(clause)) return out; // 未发生行政诉讼败诉: a part, not the count
  const m = CASE_ZERO_BEFORE.exec(clause) ?? CASE_ZERO_AFTER.exec(clause);
  if (m) {
    const span = m.index === 0 ? clause : clause.slice(m.index);
    if (hasReview(span)) out.push(['review', 0]);
    if (hasSuit(span)) out.push(['suit', 0]);
  }
  return out;
}

/** Every reading of one normalised sentence. */
function readSentence(norm: string, near: boolean): [Kind, number][] {
  const out: [Kind, number][] = [];
  const clauses = norm.split(/[,，:：()（）[\]【】]/);
  const apply = norm.includes('申请');
  // after 其中 the rest of the sentence lists parts: 共受理15件，其中当面申请2件，网上受理13件
  let part = false;
  for (const clause of clauses) {
    if (clause === '') continue;
    part ||= PART_CLAUSE.test(clause);
    let from = 0;
    let found = false;
    const mentions = clause.indexOf('件') === -1 ? [] : [...clause.matchAll(MENTION)];
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      const value = m[1] !== undefined ? Number(m[1]) : parseChineseNumber(m[2]);
      const end = m.index + m[0].length;
      const next = i + 1 < mentions.length ? mentions[i + 1].index : clause.length;
      if (value !== null) {
        out.push(...readMention(value, clause.slice(from, m.index), clause.slice(end, next), clause, part, apply, near));
        found = true;
      }
      from = end;
    }
    if (!found && ZERO_WORD.test(clause)) out.push(...readZeros(clause, near));
  }
  return out;
}

/** Every reading of the report's narrative, in the order the text states them. */
export function readNarrative(text: string): Reading[] {
  const out: Reading[] = [];
  let lastTopic = -Infinity;
  const sentences = text.split(SENTENCE_END);
  for (let i = 0; i < sentences.length; i++) {
    const raw = sentences[i];
    if (RAW_TOPIC.test(raw)) lastTopic = i;
    if (!(raw.indexOf('(') === -1 ? RAW_KEYWORD : ROUGH).test(raw)) continue;
    const norm = normalizeSentence(raw);
    if (TOPIC.test(norm)) lastTopic = i;
    if (PREFILTER.test(norm) && i - lastTopic <= TOPIC_WINDOW) {
      const sentence = raw.trim().slice(0, 300);
      for (const [kind, value] of readSentence(norm, i - lastTopic <= 1)) {
        const quantity = kind === 'new?' ? 'new' : kind;
        out.push({ quantity, value, explicit: kind !== 'new?', sentence });
      }
    }
  }
  return out;
}
