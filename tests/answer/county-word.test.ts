/**
 * A county whose bare name is also a dictionary word counts as the county when a report is about it;
 * a five-year plan's targets are dated by the plan's last year. Report written for this test.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

const REPORT = `义乌市2026年政府工作报告
2025年工作回顾
全市规上工业企业达1250家，规上工业总产值增长9.1%。
“十五五”时期主要目标
规上工业总产值达3000亿元。`;

const reports = useReportEngine({ 'report.txt': REPORT });

describe('a county named by its bare name', () => {
  it('is the county the report is about', async () => {
    const response = await reports.engine.ask({ question: '义乌2025年规上工业企业有多少家？' });
    expect(response.question.regions).toEqual(['义乌']);
    expect(response.answer).toContain('1250家');
  });

  it('answers a five-year plan target for the plan period, not for the review year', async () => {
    const plan = await reports.engine.ask({ question: '义乌“十五五”时期规上工业总产值目标是多少？' });
    expect(plan.answer).toContain('3000亿元');
    expect(plan.indicators[0]).toMatchObject({ period: '2030', modality: 'target' });
    const review = await reports.engine.ask({ question: '义乌2025年规上工业总产值是多少？' });
    expect(review.answer).not.toContain('3000亿元');
  });

  it('stays the county through follow-ups', async () => {
    const response = await reports.engine.ask({ question: '它的增速呢？', history: ['义乌2025年规上工业企业有多少家？', '那规上工业总产值呢？'] });
    expect(response.question.regions).toEqual(['义乌']);
    expect(response.answer).toContain('9.1%');
  });
});
