import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A look back over several years states totals of them all: no one year's figure.
describe('a total over several years', () => {
  const reports = useReportEngine({
    'review.txt': '宝鸡市人民政府工作报告\n\n发布日期：2022-02-10\n\n过去五年，全市发展取得新成效。\n五年来，新增规上工业企业360户，规上工业增加值年均增长8.1%。',
  });

  it('answers a question over the years', async () => {
    const r = await reports.ask({ question: '宝鸡过去五年新增规上工业企业多少户？' });
    expect(r.answer).toContain('360户');
  });

  it('is not one year\'s figure, asked alone or as a follow-up', async () => {
    const alone = await reports.ask({ question: '宝鸡2021年新增规上工业企业多少户？' });
    expect(alone.status).toBe('not_found');
    expect(alone.answer).not.toContain('360');
    const followUp = await reports.ask({ question: '那2021年当年新增了几户？', history: ['宝鸡过去五年新增了多少户规上工业企业？'] });
    expect(followUp.status).toBe('not_found');
    expect(followUp.answer).not.toMatch(/\d+户/);
  });
});
