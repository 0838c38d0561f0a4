import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A 政府工作报告 解读 page written for this test: pinyin reading aids in brackets, a difference
// stated against a base named in the source's own words, a five-year look back.
const REPORT = [
  '开新局，再出发！——石狮市政府工作报告解读',
  '发布时间：2026-01-10',
  '过去五年，地区（qū）生产总值年均增长6.2%，企业（yè）数超4万家。',
  '2025年，规上数字产品制造业增加值增长9.8%，较全部规上工业高出2.9个百分点。',
].join('\n');

describe('an annotated report explanation', () => {
  const reports = useReportEngine({ 'explained.txt': REPORT });

  it('reads through pinyin notes, and 过去五年 is no metric word', async () => {
    const r = await reports.ask({ question: '石狮过去五年GDP年均增长多少？' });
    expect(r.answer).toContain('6.2%');
  });

  it('does not let 有 before 多少 join the metric', async () => {
    const r = await reports.ask({ question: '石狮企业数有多少？' });
    expect(r.answer).toContain('4万家');
  });

  it('quotes a difference stated against a base the question names in the same words', async () => {
    const r = await reports.ask({ question: '石狮数字产品制造业增速比全部规上工业高多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('2.9个百分点');
  });

  it('keeps the notes in the served text, so citations still slice from it', async () => {
    const r = await reports.ask({ question: '石狮过去五年GDP年均增长多少？' });
    expect(r.citations[0]?.quote).toContain('地区（qū）生产总值');
  });
});
