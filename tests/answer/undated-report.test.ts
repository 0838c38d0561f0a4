import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A release that never says its year, as copied pages often are: its months answer any year asked, said as such.
describe('a report that never names its year', () => {
  const reports = useReportEngine({ 'release.txt': '绍兴市统计局\n\n前三季度，绍兴全市规上工业增加值同比增长7.7%，工业投资增长12.4%。' });

  it('answers a year asked for the months it names, saying the text has no year', async () => {
    const r = await reports.ask({ question: '绍兴2023年前三季度规上工业增加值增长多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('7.7%');
    expect(r.answer).toContain('原文未写明年份');
  });

  it('does not answer other months with it', async () => {
    const r = await reports.ask({ question: '绍兴2023年上半年规上工业增加值增长多少？' });
    expect(r.status).toBe('not_found');
    expect(r.answer).not.toContain('7.7');
  });
});
