import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A summer newspaper round-up of a city's first half, written for this test: undated figures, a
// milestone clause between a figure and its subject, a rank with no figure, fixed-asset wording.
const REPORT = [
  '某日报/2024 年/7 月/30 日/第 003 版',
  '稳中求进 在江畔书写新篇',
  '——宜昌市上半年经济社会发展综述',
  '宜昌市地区生产总值增长5.8%，首次突破三千亿元大关，达到3012.4亿元。全市工业固定资产投资增速14.2%。规上工业增加值增幅居全省第3位。',
  '为208户规上企业开展数字化诊断，开复工亿元以上项目156个、开复工率81%。',
].join('\n');

describe('a mid-year round-up of a city', () => {
  const reports = useReportEngine({ 'round-up.txt': REPORT });

  it('reads its undated figures as the first half of the year it was written in', async () => {
    const r = await reports.ask({ question: '宜昌2024年上半年为多少户规上企业开展数字化诊断？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('208户');
  });

  it('names a figure after a milestone clause by the subject before it', async () => {
    const r = await reports.ask({ question: '宜昌2024年上半年GDP是多少？' });
    expect(r.answer).toContain('3012.4亿元');
  });

  it('answers 工业投资 from 工业固定资产投资', async () => {
    const r = await reports.ask({ question: '宜昌2024年上半年工业投资增长多少？' });
    expect(r.answer).toContain('14.2%');
  });

  it('does not give a rank for how much a figure grew', async () => {
    const r = await reports.ask({ question: '宜昌2024年上半年规上工业增加值增长多少？' });
    expect(r.status).toBe('not_found');
    expect(r.answer).not.toMatch(/第3位|\d+(\.\d+)?%/);
  });
});

describe('a quantity asked without a measure', () => {
  const reports = useReportEngine({
    'output.txt': ['宁夏回族自治区工业和信息化厅', '发布日期：2026-01-20', '2025年工作回顾', '全区新能源汽车产量达到12.6万辆。汽车产量增长1.2倍，其中新能源汽车产量增长3.4倍。'].join('\n'),
  });

  it('is answered by the level, not by the growth of the same metric', async () => {
    const r = await reports.ask({ question: '宁夏2025年新能源汽车产量有多少？' });
    expect(r.answer).toContain('12.6万辆');
    expect(r.answer).not.toContain('3.4倍');
  });
});
