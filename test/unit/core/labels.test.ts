import { describe, expect, it } from 'vitest';
import { activeColumn, activeRow, applicantColumn, applyRow, reviewBlock, reviewColumn } from '../../../lib/core/labels';
import { normalizeLabel } from '../../../lib/core/text';
import { hasCjk } from '../../../lib/core/classify';

const n = normalizeLabel;

describe('normalizeLabel', () => {
  it('removes converter pinyin, converts 繁→简, folds width and white space', () => {
    expect(n('上年結(jié)轉(zhuǎn)政府信息公開申請數(shù)量')).toBe('上年结转政府信息公开申请数量');
    expect(n('（本列數據的勾稽關(guān)系為：第一項加第二項之和）')).toBe('(本列数据的勾稽关系为:第一项加第二项之和)');
    expect(n('商业 企业')).toBe('商业企业');
    expect(n('结果\u3000维持')).toBe('结果维持');
    expect(n('总&nbsp;计'.replace('&nbsp;', '\u00a0'))).toBe('总计');
    expect(n('本年增/減')).toBe('本年增/减');
  });
  it('keeps CJK ordinals in brackets', () => {
    expect(n('（一）予以公开')).toBe('(一)予以公开');
  });
});

describe('section 三 rows (SPEC §2)', () => {
  it.each([
    [['一、本年新收政府信息公开申请数量'], 'new'],
    [['本年新收政府信息公开申请数量'], 'new'],
    [['二、上年结转政府信息公开申请数量'], 'carried_over'],
    [['三、本年度办理结果', '（一）予以公开'], 'result.disclosed'],
    [['三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], 'result.partial'],
    [['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'], 'result.withheld.state_secret'],
    [['（三）不予公开', '2.其他法律行政法规禁止公开'], 'result.withheld.law_prohibited'],
    [['3.危及“三安全一稳定”'], 'result.withheld.security_stability'],
    [['4.保护第三方合法权益'], 'result.withheld.third_party'],
    [['5.属于三类内部事务信息'], 'result.withheld.internal_affairs'],
    [['6.属于四类过程性信息'], 'result.withheld.process_info'],
    [['7.属于行政执法案卷'], 'result.withheld.enforcement_file'],
    [['8.属于行政查询事项'], 'result.withheld.query_matter'],
    [['（四）无法提供', '1.本机关不掌握相关政府信息'], 'result.unavailable.not_held'],
    [['2.没有现成信息需要另行制作'], 'result.unavailable.needs_creation'],
    [['3.补正后申请内容仍不明确'], 'result.unavailable.unclear'],
    [['（五）不予处理', '1.信访举报投诉类申请'], 'result.rejected.petition'],
    [['2.重复申请'], 'result.rejected.duplicate'],
    [['3.要求提供公开出版物'], 'result.rejected.publication'],
    [['4.无正当理由大量反复申请'], 'result.rejected.excessive'],
    [['5.要求行政机关确认或重新出具已获取信息'], 'result.rejected.reconfirm'],
    [['三、本年度办理结果', '（六）其他处理'], 'result.other'],
    [['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], 'result.other.overdue_correction'],
    [['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不在处理其政府信息公开申请'], 'result.other.overdue_correction'],
    [['2.申请人逾期未按照收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], 'result.other.overdue_fee'],
    [['（六）其他处理', '3.其他'], 'result.other.other'],
    [['三、本年度办理结果', '（七）总计'], 'result.total'],
    [['四、结转下年度继续办理'], 'carried_forward'],
    [['四、結(jié)轉(zhuǎn)下年度繼續(xù)辦理'], 'carried_forward'],
  ])('%j → %s', (path, key) => {
    expect(applyRow(path.map(n))).toBe(key);
  });

  it('a lone 3.其他 is 2021 result.other.other only in the （六） context', () => {
    expect(applyRow([n('3.其他')])).toBeUndefined();
    expect(applyRow([n('3.其他')], 'result.other.overdue_fee')).toBe('result.other.other');
  });

  it.each([['备注：其他对外管理服务事项指…'], ['合计金额'], ['本年度工作亮点']])('never guesses %j', (label) => {
    expect(applyRow([n(label)])).toBeUndefined();
  });
});

describe('columns', () => {
  it.each([
    ['自然人', 'natural'],
    ['商业企业', 'commercial'],
    ['商业 企业', 'commercial'],
    ['科研机构', 'research'],
    ['科研企业', 'research'],
    ['社会公益组织', 'social'],
    ['法律服务机构', 'legal'],
    ['其他', 'other'],
    ['其它', 'other'],
    ['总计', 'total'],
    ['總計', 'total'],
  ])('applicant %j → %s', (label, key) => expect(applicantColumn(n(label))).toBe(key));
  it('申请人情况 and 法人或其他组织 are group headers, not columns', () => {
    expect(applicantColumn(n('申请人情况'))).toBeUndefined();
    expect(applicantColumn(n('法人或其他组织'))).toBeUndefined();
  });
  it.each([
    ['行政复议', 'review'],
    ['未经复议直接起诉', 'suit.direct'],
    ['复议后起诉', 'suit.after_review'],
    ['行政訴(sù)訟', 'suit'],
  ])('section 四 block %j → %s', (label, key) => expect(reviewBlock(n(label))).toBe(key));
  it.each([
    ['结果维持', 'upheld'],
    ['结果 纠正', 'corrected'],
    ['其他结果', 'other'],
    ['尚未 审结', 'pending'],
    ['总 计', 'total'],
  ])('section 四 column %j → %s', (label, key) => expect(reviewColumn(n(label))).toBe(key));
  it.each([
    ['本年制发件数', 'issued'],
    ['本年废止件数', 'repealed'],
    ['现行有效件数', 'in_force'],
    ['本年处理决定数量', 'decisions'],
    ['本年收费金额（单位：万元）', 'amount'],
    ['本年新 制作数量', 'made'],
    ['本年新公開數量', 'published'],
    ['对外公开总数量', 'total'],
    ['上一年项目数量', 'prev_items'],
    ['本年增/减', 'change'],
    ['处理决定数量', 'decisions'],
    ['采购项目数量', 'items'],
    ['采购总金额', 'amount'],
  ])('section 二 column %j → %s', (label, key) => expect(activeColumn(n(label))).toBe(key));
  it.each([
    ['规章', 'regulations'],
    ['规章（设区的市、自治州人民政府应提供相关数据）', 'regulations'],
    ['规范性文件', 'normative_docs'],
    ['行政规范性文件', 'normative_docs'],
    ['規範性檔案', 'normative_docs'],
    ['行政许可', 'licensing'],
    ['政许可', 'licensing'],
    ['其他对外管理服务事项', 'other_services'],
    ['行政处罚', 'penalty'],
    ['行政強制', 'coercion'],
    ['行政事业性收费', 'fees'],
    ['政府集中採購', 'procurement'],
  ])('section 二 row %j → %s', (label, key) => expect(activeRow(n(label))).toBe(key));
});

describe('the classifier skips text without CJK (numbers, blanks)', () => {
  it('numbers and dashes hold none; Kangxi radicals (PDF conversions) and full-width digits may', () => {
    for (const t of ['0', ' 12 ', '1,234', '-', '—', '/', '', 'N/A']) expect(hasCjk(t)).toBe(false);
    for (const t of ['总计', '⼀', '１２', '（一）']) expect(hasCjk(t)).toBe(true);
    // a Kangxi-radical label still normalises to a label the matcher knows
    expect(n('⼀')).toBe('一');
  });
});
