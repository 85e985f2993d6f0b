/**
 * text.* checks (SPEC §10): the narrative's numbers against the table's totals — which id, which status,
 * which lhs/rhs — on real wordings from the seeds, traditional and pinyin-converted pages, and the
 * fixture narratives under test/fixtures/narrative/ (expected.json written by hand).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { narrativeChecks } from '../../../lib/core/narrative';
import { CheckSchema, type Check } from '../../../lib/core/record';

/** A consistent table: new 14 + carried over 1 = result 13 + carried forward 2; review 1; suits 0 + 1. */
const TABLE: Record<string, number | null> = {
  'apply.new.total': 14,
  'apply.carried_over.total': 1,
  'apply.result.total.total': 13,
  'apply.carried_forward.total': 2,
  'review.total': 1,
  'suit.direct.total': 0,
  'suit.after_review.total': 1,
};
const TOPIC = '（二）依申请公开情况\n';

function brief(checks: Check[]): [string, string, number | null, number | null][] {
  return checks.map((c) => [c.id, c.status, c.lhs, c.rhs]);
}
function run(text: string, values: Record<string, number | null> = TABLE): Check[] {
  const checks = narrativeChecks(text, values);
  for (const c of checks) CheckSchema.parse(c);
  return checks;
}

describe('narrativeChecks: application counts', () => {
  it('an explicit 本年新收 that agrees passes, one that disagrees fails', () => {
    const ok = run('2021年，本机关本年新收政府信息公开申请14件。');
    expect(ok).toEqual([
      {
        id: 'text.apply.new',
        status: 'pass',
        lhs: 14,
        rhs: 14,
        diff: 0,
        lhsKeys: [],
        rhsKeys: ['apply.new.total'],
        evidence: '2021年，本机关本年新收政府信息公开申请14件',
      },
    ]);
    const bad = run('2021年，本机关新收政府信息公开申请16件。');
    expect(brief(bad)).toEqual([['text.apply.new', 'fail', 16, 14]]);
    expect(bad[0].diff).toBe(2);
  });

  it('共受理 is read as new, then new + carried over, then processed: the first that matches passes', () => {
    expect(brief(run('2020年，共受理政府信息公开申请14件。'))).toEqual([['text.apply.new', 'pass', 14, 14]]);
    const both = run('2020年，共受理政府信息公开申请15件。');
    expect(brief(both)).toEqual([['text.apply.new', 'pass', 15, 15]]);
    expect(both[0].rhsKeys).toEqual(['apply.new.total', 'apply.carried_over.total']);
    const done = run('全年共收到政府信息公开申请13件。');
    expect(brief(done)).toEqual([['text.apply.new', 'pass', 13, 13]]);
    expect(done[0].rhsKeys).toEqual(['apply.result.total.total']);
  });

  it('an ambiguous 受理 that matches no reading is a skip listing the readings, never a fail', () => {
    const [c] = run('2020年，共受理政府信息公开申请20件，均已按时答复。');
    expect([c.id, c.status, c.lhs, c.diff]).toEqual(['text.apply.new', 'skip', 20, null]);
    expect(c.reason).toContain('本年新收(14)');
    expect(c.reason).toContain('新收+上年结转(15)');
    expect(c.reason).toContain('办理结果总计(13)');
  });

  it('共受理15件，其中上年结转1件: the 其中 part is its own quantity', () => {
    expect(brief(run('本年度共受理政府信息公开申请15件，其中上年结转1件。'))).toEqual([
      ['text.apply.new', 'pass', 15, 15],
      ['text.apply.carried_over', 'pass', 1, 1],
    ]);
  });

  it('办结 / 答复 (含上年度结转…), 结转下年度, N件正在办理', () => {
    expect(brief(run('本年度共办结政府信息公开申请13件（含上年度结转1件），结转下年度继续办理2件。'))).toEqual([
      ['text.apply.carried_over', 'pass', 1, 1],
      ['text.apply.result.total', 'pass', 13, 13],
      ['text.apply.carried_forward', 'pass', 2, 2],
    ]);
    expect(brief(run(`${TOPIC}已答复政府信息公开申请12件。截至12月31日，尚有3件正在办理。`))).toEqual([
      ['text.apply.result.total', 'fail', 12, 13],
      ['text.apply.carried_forward', 'fail', 3, 2],
    ]);
    expect(brief(run(`${TOPIC}另有2件结转至2022年办理。`))).toEqual([['text.apply.carried_forward', 'pass', 2, 2]]);
  });

  it('未收到…申请 reads as 0 and is explicit', () => {
    expect(brief(run('2021年未收到信息公开申请。'))).toEqual([['text.apply.new', 'fail', 0, 14]]);
    const zero = { ...TABLE, 'apply.new.total': 0 };
    expect(brief(run('2020年，广元市林业局未收到政府信息公开申请。', zero))).toEqual([['text.apply.new', 'pass', 0, 0]]);
    expect(brief(run('本年度无政府信息公开申请。', zero))).toEqual([['text.apply.new', 'pass', 0, 0]]);
  });
});

describe('narrativeChecks: reviews and suits', () => {
  it('行政复议…N件 and 行政诉讼…N件 (suits = 直接起诉 + 复议后起诉)', () => {
    const checks = run('本年度因政府信息公开工作被申请行政复议1件，提起行政诉讼1件。');
    expect(brief(checks)).toEqual([
      ['text.review.total', 'pass', 1, 1],
      ['text.suit.total', 'pass', 1, 1],
    ]);
    expect(checks[1].rhsKeys).toEqual(['suit.direct.total', 'suit.after_review.total']);
  });

  it('衢州: 行政复议件37件，行政诉讼件71件，其中未经复议直接起诉62件，复议后起诉9件', () => {
    const values = { ...TABLE, 'review.total': 37, 'suit.direct.total': 62, 'suit.after_review.total': 9 };
    expect(brief(run('因依申请公开引发行政复议件37件，行政诉讼件71件，其中未经复议直接起诉62件，复议后起诉9件。', values))).toEqual([
      ['text.review.total', 'pass', 37, 37],
      ['text.suit.total', 'pass', 71, 71],
    ]);
  });

  it('未发生…被申请行政复议、提起行政诉讼的情况: both 0', () => {
    const text = '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
    expect(brief(run(text))).toEqual([
      ['text.review.total', 'fail', 0, 1],
      ['text.suit.total', 'fail', 0, 1],
    ]);
    const zero = { ...TABLE, 'review.total': 0, 'suit.after_review.total': 0 };
    expect(brief(run('本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。', zero))).toEqual([
      ['text.review.total', 'pass', 0, 0],
      ['text.suit.total', 'pass', 0, 0],
    ]);
    expect(brief(run('因政府信息公开引起的行政复议和行政诉讼均为零。', zero))).toEqual([
      ['text.review.total', 'pass', 0, 0],
      ['text.suit.total', 'pass', 0, 0],
    ]);
  });

  it('seed 003 灵川: 没有因政府信息公开提起行政诉讼, while the table has 复议后起诉 4', () => {
    const lingchuan = [
      '(三)行政机关收到和处理政府信息公开申请情况',
      '2020年,共受理政府信息公开申请15件,其中当面申请2件,传真及信函申请13件,主要涉及规划、土地等部门信息。2020年,共答复政府信息公开申请15件,其中属于同意公开答复的6件,同意部分公开答复的5件,告知通过其他途径办理的4件。',
      '(四)因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '2020年全县因政府信息公开申请行政复议数量4件。',
      '2020年全县没有因政府信息公开提起行政诉讼。',
    ].join('\n');
    const values = {
      'apply.new.total': 15,
      'apply.carried_over.total': 0,
      'apply.result.total.total': 15,
      'apply.carried_forward.total': 0,
      'review.total': 4,
      'suit.direct.total': 0,
      'suit.after_review.total': 4,
    };
    const checks = run(lingchuan, values);
    expect(brief(checks)).toEqual([
      ['text.apply.new', 'pass', 15, 15],
      ['text.apply.result.total', 'pass', 15, 15],
      ['text.review.total', 'pass', 4, 4],
      ['text.suit.total', 'fail', 0, 4],
    ]);
    expect(checks[3].evidence).toBe('2020年全县没有因政府信息公开提起行政诉讼');
    expect(checks[3].diff).toBe(-4);
  });
});

describe('narrativeChecks: what it refuses', () => {
  it('sentences that disagree about one quantity make one skip listing them', () => {
    const [c, ...rest] = run('2021年共受理政府信息公开申请14件。……全年依申请公开工作中，共受理政府信息公开申请16件。');
    expect(rest).toEqual([]);
    expect([c.id, c.status, c.lhs, c.rhs]).toEqual(['text.apply.new', 'skip', null, 14]);
    expect(c.reason).toMatch(/说法不一.*\(14件\).*\(16件\)/);
  });

  it('sentences that agree make one check', () => {
    const text = '2020年全市共受理14件政府信息公开申请。2020年，本机关共受理政府信息公开申请14件。';
    expect(brief(run(text))).toEqual([['text.apply.new', 'pass', 14, 14]]);
  });

  it('a null table value is a skip with the reason', () => {
    const [c] = run('本年度因政府信息公开被申请行政复议1件。', { ...TABLE, 'review.total': null });
    expect([c.id, c.status, c.lhs, c.rhs, c.diff]).toEqual(['text.review.total', 'skip', 1, null, null]);
    expect(c.reason).toContain('行政复议总计');
    const [s] = run('政府信息公开工作\n本年度被提起行政诉讼1件。', { ...TABLE, 'suit.direct.total': null });
    expect([s.id, s.status]).toEqual(['text.suit.total', 'skip']);
  });

  it('a quantity the text never states gives no check at all', () => {
    expect(run('')).toEqual([]);
    expect(run('二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况')).toEqual([]);
  });

  it.each([
    ['主动公开', '2021年，通过政府网站主动公开政府信息1234条，依申请公开工作规范有序。'],
    ['人次', '依申请公开窗口接受电话咨询56人次。'],
    ['percentage', '政府信息公开申请数量同比增长12%。'],
    ['dates', '本报告统计期限自2021年1月1日起至2021年12月31日止，依申请公开数据截至2021年12月31日。'],
    ['document numbers', '根据《条例》第五十条和国办公开办函〔2019〕60号的要求，做好信息公开申请办理。'],
    ['another year', '依申请公开方面，比2020年的598件下降了25.6%。'],
    ['a change', '政府信息公开申请比上年增加5件。'],
    ['网上咨询', '政府信息公开专栏全年收到网上咨询45件。'],
    ['12345', '依申请公开之外，12345热线共受理群众诉求1725件，办结率100%。'],
    ['信访', '政府信息公开工作中，受理信访件30件，均已按期办结。'],
    ['审批事项', '依申请公开以外，便民服务中心办结各类审批服务事项3,650件。'],
    ['行政复议 as a word', '依法做好政府信息公开行政复议应诉工作，提高答复质量。'],
    ['败诉', '未发生因政府信息公开引起的行政诉讼败诉案件。'],
    ['一件事', '推进政务公开，“一件事一次办”审批服务事项全部公开，方便申请人。'],
    ['件次', '依申请公开网络服务处理量34487件次。'],
    ['规范性文件', '全年共制发规范性文件12件，政府信息公开申请工作平稳。'],
    ['no topic', '全年共受理各类案件20件。'],
    ['approximate', '全年共受理政府信息公开申请400多件。'],
    ['a 司法局 deciding reviews', '政府信息公开工作有序推进。全年共受理行政复议申请120件，公开行政复议决定书80件。'],
    ['法律援助', '依申请公开工作平稳。全年办结法律援助申请500件。'],
    ['reviews far from the topic', '依申请公开工作平稳。\n一\n二\n三\n本年度被申请行政复议1件。'],
    ['比例', '政府信息公开申请中，按比例抽查12件。'],
  ])('no check from %s', (_name, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('narrativeChecks: the fixture narratives (test/fixtures/narrative, expected.json by hand)', () => {
  const dir = fileURLToPath(new URL('../../fixtures/narrative/', import.meta.url));
  const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<
    string,
    { values: Record<string, number | null>; checks: { id: string; status: string; lhs: number | null; rhs: number | null }[] }
  >;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('every fixture text has an expected entry, and every entry a text', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s', (file) => {
    const { values, checks } = expected[file];
    const got = run(readFileSync(`${dir}${file}`, 'utf8'), values);
    expect(got.map((c) => ({ id: c.id, status: c.status, lhs: c.lhs, rhs: c.rhs }))).toEqual(checks);
    for (const c of got) expect(c.evidence && c.evidence.length > 0 && c.evidence.length <= 300).toBe(true);
  });
});
