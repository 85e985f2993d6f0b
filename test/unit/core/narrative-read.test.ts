/**
 * The narrative reader behind text.* checks: which quantity each sentence states, in simplified,
 * traditional and pinyin-converted text, with Arabic, full-width and Chinese numerals.
 */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../lib/core/cn-numerals';
import { normalizeSentence, readNarrative } from '../../../lib/core/narrative-read';

function read(text: string): [string, number, boolean][] {
  return readNarrative(text).map((r) => [r.quantity, r.value, r.explicit]);
}

describe('parseChineseNumber', () => {
  it.each([
    ['零', 0],
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['一百零三', 103],
    ['三千二百', 3200],
    ['二千零五', 2005],
  ])('%s → %i', (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });

  it.each(['', '三四', '十十', '百', '一百十', '万', '二万'])('%s is not a count', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('normalizeSentence', () => {
  it('removes pinyin runs, converts to simplified, folds full-width digits and thousands separators', () => {
    expect(normalizeSentence('上年結(jié)轉(zhuǎn)政府信息公開申(shēn)請(qǐng)１５件')).toBe('上年结转政府信息公开申请15件');
    expect(normalizeSentence('共受理 申请 1,234 件，已答覆')).toBe('共受理申请1234件，已答复');
    expect(normalizeSentence('申请１，２３４件')).toBe('申请1234件');
  });
});

describe('readNarrative', () => {
  it('reads the seed wordings', () => {
    expect(read('受理群众政府信息公开申请0件,本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。')).toEqual([
      ['new', 0, false],
      ['review', 0, true],
      ['suit', 0, true],
    ]);
    expect(read('2020年全市共受理88件政府信息公开申请，其中78件为自然人提交，10件为企业法人提交。')).toEqual([['new', 88, false]]);
    expect(read('已办理答复的88件公开申请中，“同意公开”(含同意部分公开)86件，占总数的97.72%。')).toEqual([['result', 88, true]]);
    expect(read('(二)依申请公开方面 2020年，全年共受理政府信息依申请公开3件，全部申请件均在规定时限内妥善处理并反馈。')).toEqual([
      ['new', 3, false],
    ]);
    expect(
      read('其中全市共受理政府信息公开申请案件数为456件，比2019年的598件下降了25.6%。全部申请办件中：不予处理15件；结转下年继续办理3件。'),
    ).toEqual([
      ['new', 456, false],
      ['carried_forward', 3, true],
    ]);
  });

  it('reads traditional characters and converter pinyin', () => {
    expect(read('本年度共受理政府信息公開申請14件，其中上年度結轉1件。')).toEqual([
      ['new', 14, false],
      ['carried_over', 1, true],
    ]);
    expect(read('全年共辦結政府信息公開申請13件，結轉下年度繼續辦理2件。')).toEqual([
      ['result', 13, true],
      ['carried_forward', 2, true],
    ]);
    expect(read('上年結(jié)轉(zhuǎn)政府信息公開申(shēn)請(qǐng)1件。')).toEqual([['carried_over', 1, true]]);
    expect(read('未發生因政府信息公開工作被申請行政復議、提起行政訴訟的情況。')).toEqual([
      ['review', 0, true],
      ['suit', 0, true],
    ]);
    expect(read('本年度因政府信息公開被申請行政複議兩件；沒有因政府信息公開提起行政訴訟。')).toEqual([
      ['review', 2, true],
      ['suit', 0, true],
    ]);
  });

  it('reads Chinese numerals, full-width digits and thousands separators', () => {
    expect(read('2021年，本机关共收到政府信息公开申请二十五件，上年结转两件，办结一百零三件。')).toEqual([
      ['new', 25, false],
      ['carried_over', 2, true],
      ['result', 103, true],
    ]);
    expect(read('本年新收政府信息公开申请十二件，因政府信息公开被申请行政复议三件。')).toEqual([
      ['new', 12, true],
      ['review', 3, true],
    ]);
    expect(read('共受理政府信息公开申请１５件。')).toEqual([['new', 15, false]]);
    expect(read('共受理政府信息公开申请1,234件。')).toEqual([['new', 1234, false]]);
  });

  it('reads 其中 parts only as their own quantity', () => {
    expect(read('2020年，共答复政府信息公开申请15件，其中属于同意公开答复的6件，告知通过其他途径办理的4件。')).toEqual([
      ['result', 15, true],
    ]);
    expect(read('2020年，共受理政府信息公开申请15件，其中当面申请2件，网上受理13件。')).toEqual([['new', 15, false]]);
  });

  it('reads the other zero statements', () => {
    expect(read('2022年，我局未发生因政府信息公开引起的行政复议和行政诉讼。')).toEqual([
      ['review', 0, true],
      ['suit', 0, true],
    ]);
    expect(read('本年度政府信息公开申请数量为零。')).toEqual([['new', 0, true]]);
    expect(read('本年度没有因政府信息公开工作被申请行政复议的情况，被提起行政诉讼1件。')).toEqual([
      ['review', 0, true],
      ['suit', 1, true],
    ]);
  });

  it('needs the topic (政府信息公开 / 依申请) in the sentence or shortly before', () => {
    expect(read('截至12月31日，尚有3件正在办理。')).toEqual([]);
    expect(read('（二）依申请公开情况\n截至12月31日，尚有3件正在办理。')).toEqual([['carried_forward', 3, true]]);
  });

  it('keeps the sentence as the page prints it (trimmed, at most 300 characters)', () => {
    const long = `  共受理政府信息公开申请14件，${'相关工作稳步推进，'.repeat(60)}  `;
    const [r] = readNarrative(long);
    expect(r.sentence.startsWith('共受理政府信息公开申请14件，')).toBe(true);
    expect(r.sentence.length).toBe(300);
    expect(readNarrative('本年度共受理政府信息公開申請14件')[0].sentence).toBe('本年度共受理政府信息公開申請14件');
  });
});
