import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// Written for this test: a city's task list, then its first-quarter progress, then a headline
// naming the months it covers. None of the figures names the year of the text it sits in.
const FILES = {
  'tasks.txt': [
    '来源: https://www.example.gov.cn/2025-02-20/1.html, 2025-02-20',
    '蚌埠市人民政府关于2025年重点工作的通知',
    '规上工业增加值增长8%以上。',
    '',
    '来源: http://example.cn/2.html, 日期不详',
    '一季度进展情况',
    '2025年一季度,全市规上工业增加值同比增长10.4%。',
  ].join('\n'),
  'months.txt': [
    '来源: https://www.example.cn/news/3.html, 2025-06-20',
    '淮南规模工业增加值增速前五月领跑全省',
    '全市规模工业增加值增长9.6%,其中,装备制造产业增长21.3%。',
  ].join('\n'),
};

describe('progress figures that name a part of the year', () => {
  const reports = useReportEngine(FILES);

  it('reads a quarter already over when the text was written as done, not as a target', async () => {
    const r = await reports.ask({ question: '蚌埠2025年一季度规上工业增加值实际增长多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('10.4%');
  });

  it('answers a quarter asked without a year from rows of that quarter only', async () => {
    const r = await reports.ask({ question: '蚌埠一季度规上工业增加值增长多少？' });
    expect(r.answer).toContain('10.4%');
    expect(r.answer).not.toContain('8%');
  });

  it('dates undated figures by the span the headline names', async () => {
    const r = await reports.ask({ question: '淮南1-5月装备制造产业增长多少？' });
    expect(r.answer).toContain('21.3%');
    expect(r.indicators[0]?.period).toBe('2025-01..05');
  });
});
