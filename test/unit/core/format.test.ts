import { describe, expect, it } from 'vitest';
import { decideFormat, type FormatEvidence } from '../../../lib/core/format';
import { APPLICANT_COLUMNS, APPLY_ROWS } from '../../../lib/core/keys';
import { Sink } from '../../../lib/core/sink';

/** Evidence as the section readers leave it: the section 二 edition, the （六） shape, the year. */
function evidence(
  active: '2019' | '2021' | undefined,
  apply: '2019' | '2021' | undefined,
  year: number | null,
  tables = 3,
): FormatEvidence {
  return {
    tables,
    active: { edition: active },
    apply: { edition: apply, subRows: apply === '2021', columns: apply ? [...APPLICANT_COLUMNS] : undefined },
    year,
  };
}

/** A sink holding every section 三 row of the 2019 template (its single （六）其他处理 row reads 2 … 3). */
function sink2019(): Sink {
  const sink = new Sink();
  for (const row of APPLY_ROWS['2019']) {
    for (const col of APPLICANT_COLUMNS) {
      sink.values[`apply.${row.key}.${col}`] =
        row.key === 'result.other' ? (col === 'natural' ? 2 : col === 'total' ? 3 : col === 'commercial' ? 1 : 0) : 0;
      sink.cells[`apply.${row.key}.${col}`] = { raw: '0', table: 1, row: 0, col: 0, blank: false };
    }
  }
  return sink;
}

describe('decideFormat: the edition by weight of evidence', () => {
  it('2021 section 二 columns and a 2023 year outvote a single （六）其他处理 row, and say so', () => {
    const sink = sink2019();
    const { format, notes } = decideFormat(evidence('2021', '2019', 2023), sink);
    expect(format).toBe('2021');
    expect(notes).toEqual(['格式按第二部分表头与年份判定为 2021 版；第三部分只有一行（六）其他处理']);
  });

  it('under 2021 the single 其他处理 row is read as 3.其他; the sub-rows the page does not print are unknown (null)', () => {
    const sink = sink2019();
    decideFormat(evidence('2021', '2019', 2023), sink);
    expect(sink.values['apply.result.other.other.natural']).toBe(2);
    expect(sink.values['apply.result.other.other.total']).toBe(3);
    expect(sink.cells['apply.result.other.other.total']).toBeDefined();
    expect('apply.result.other.total' in sink.values).toBe(false);
    expect(sink.values['apply.result.other.overdue_correction.total']).toBeNull();
    expect(sink.values['apply.result.other.overdue_fee.natural']).toBeNull();
  });

  it('a single row and 2019 section 二 columns outvote the year (and the year is named as the dissenter)', () => {
    const sink = sink2019();
    const { format, notes } = decideFormat(evidence('2019', '2019', 2021), sink);
    expect(format).toBe('2019');
    expect(notes).toEqual(['格式按第二部分表头与第三部分判定为 2019 版；年份指向 2021 版']);
    expect(sink.values['apply.result.other.total']).toBe(3);
    expect('apply.result.other.other.total' in sink.values).toBe(false);
  });

  it('the three （六） sub-rows decide by themselves', () => {
    const { format, notes } = decideFormat(evidence('2019', '2021', 2020), new Sink());
    expect(format).toBe('2021');
    expect(notes).toEqual(['格式按第三部分（六）其他处理的三个分项判定为 2021 版；第二部分表头与年份指向 2019 版']);
  });

  it('a tie goes to the tables when they agree with each other', () => {
    const { format, notes } = decideFormat(evidence(undefined, '2019', 2022), sink2019());
    expect(format).toBe('2019');
    expect(notes).toEqual(['格式按第三部分判定为 2019 版；年份指向 2021 版']);
  });

  it('a tie between tables that disagree goes to the year', () => {
    const { format, notes } = decideFormat(evidence('2021', '2019', 2020), sink2019());
    expect(format).toBe('2019');
    expect(notes).toEqual(['格式按第三部分与年份判定为 2019 版；第二部分表头指向 2021 版']);
  });

  it('witnesses that agree leave no note', () => {
    expect(decideFormat(evidence('2021', '2021', 2022), new Sink())).toEqual({ format: '2021', notes: [] });
    expect(decideFormat(evidence('2019', '2019', 2020), sink2019())).toEqual({ format: '2019', notes: [] });
    expect(decideFormat(evidence('2021', undefined, null), new Sink())).toEqual({ format: '2021', notes: [] });
  });

  it('without tables the year decides: legacy up to 2018, unknown without a year', () => {
    expect(decideFormat(evidence(undefined, undefined, 2020, 0), new Sink()).format).toBe('2019');
    expect(decideFormat(evidence(undefined, undefined, 2023, 0), new Sink()).format).toBe('2021');
    expect(decideFormat(evidence(undefined, undefined, 2012, 0), new Sink()).format).toBe('legacy');
    expect(decideFormat(evidence(undefined, undefined, null, 0), new Sink()).format).toBe('unknown');
  });

  it('a section 三 row the page does not print is null (unknown), never absent or zero', () => {
    const sink = sink2019();
    for (const col of APPLICANT_COLUMNS) delete sink.values[`apply.result.rejected.excessive.${col}`];
    decideFormat(evidence('2019', '2019', 2019), sink);
    expect(sink.values['apply.result.rejected.excessive.total']).toBeNull();
  });

  it('passes on the section readers’ notes once each', () => {
    const e = evidence('2019', '2019', 2019);
    e.active.notes = ['第二部分表头与数据列数不一致，按顺序对应'];
    e.apply.notes = ['按位置读取：印作“2.重夏申请”', '第二部分表头与数据列数不一致，按顺序对应'];
    expect(decideFormat(e, sink2019()).notes).toEqual(['第二部分表头与数据列数不一致，按顺序对应', '按位置读取：印作“2.重夏申请”']);
  });
});

describe('decideFormat: a 其他处理 group row printed with numbers above its three sub-rows', () => {
  it('is not moved onto 3.其他, which the page prints itself', () => {
    const sink = new Sink();
    for (const col of APPLICANT_COLUMNS) {
      sink.values[`apply.result.other.${col}`] = 5;
      sink.values[`apply.result.other.other.${col}`] = 1;
    }
    decideFormat(evidence('2021', '2021', 2022), sink);
    expect(sink.values['apply.result.other.other.total']).toBe(1);
  });
});
