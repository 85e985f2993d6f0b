import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/dom';
import { readReports } from '../../../lib/core/read';
import { readData } from '../../../lib/page/read-data';
import { ReportReadSchema } from '../../../lib/protocol/messages';

/** A read as the protocol carries it (`page-read`): its detection or what detection reads, within the schema's bounds. */
const fixture = (f: string) => parseHtml(readFileSync(join(__dirname, '..', '..', 'fixtures', f), 'utf8'));
const URL_ = 'http://www.lingchuan.gov.cn/zwgk/a.html';

describe('readData', () => {
  it('carries the page’s detection, or what detection reads when the background is to decide', () => {
    const decided = readData(readReports(fixture('reports/lingchuan-2020.html'), URL_).reports[0]);
    expect(decided.found?.agency).toBe('灵川县');
    expect(decided.detect).toBeUndefined();
    const later = readData(readReports(fixture('reports/lingchuan-2020.html'), URL_, { detectLater: true }).reports[0]);
    expect(later.found).toBeUndefined();
    expect(later.detect?.lines[0]).toEqual(['灵川县2020年政府信息公开工作年度报告', 0]);
    expect(ReportReadSchema.safeParse(later).success).toBe(true);
  });

  it('cuts a page’s text past the protocol’s bounds, so the read is still carried', () => {
    const [read] = readReports(fixture('reports/lingchuan-2020.html'), URL_, { detectLater: true }).reports;
    const huge = { ...read, detect: { ...read.detect!, body: '年'.repeat(6_000_000), tables: '表'.repeat(6_000_000) } };
    const data = readData(huge);
    expect(data.detect?.body.length).toBe(5_000_000);
    expect(data.detect?.tables.length).toBe(5_000_000);
    expect(ReportReadSchema.safeParse(data).success).toBe(true);
    expect(ReportReadSchema.safeParse({ ...data, detect: huge.detect }).success, 'the schema refuses the uncut text').toBe(false);
  });

  it('a read carries one of the two, never both or neither', () => {
    const data = readData(readReports(fixture('reports/lingchuan-2020.html'), URL_, { detectLater: true }).reports[0]);
    expect(ReportReadSchema.safeParse({ ...data, found: { title: 't', agency: null, year: null } }).success).toBe(false);
    expect(ReportReadSchema.safeParse({ ...data, detect: undefined }).success).toBe(false);
  });
});
