import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A 计划执行情况 report looks back on the year, and states a milestone beside its exact figure.
describe('a report on how the year\'s plan went', () => {
  const reports = useReportEngine({
    'execution.txt': '一、2024年江苏省国民经济和社会发展计划执行情况\n过去一年，全省经济运行稳中有进。全省地区生产总值突破13万亿元，达13.7万亿元，增长5.8%，规上工业增加值增长7.7%。',
  });

  it('reads its figures as the year\'s results, not targets', async () => {
    const r = await reports.ask({ question: '江苏2024年规上工业增加值增长多少？' });
    expect(r.answer).toContain('7.7%');
    expect(r.answer).not.toContain('目标');
  });

  it('answers with the exact figure rather than the milestone it passed', async () => {
    const r = await reports.ask({ question: '2024年江苏地区生产总值是多少？' });
    expect(r.answer).toContain('13.7万亿元');
    expect(r.answer).not.toContain('突破13万亿元');
  });
});
