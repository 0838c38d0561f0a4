import { describe, expect, it } from 'vitest';
import { newestWrittenYear, withAbsoluteYears } from '../../src/answer/relative-year.js';
import { useReportEngine } from '../fixtures/report-engine.js';

describe('withAbsoluteYears', () => {
  it('counts 今年/去年/明年/前年 from the year given', () => {
    expect(withAbsoluteYears('安徽去年规上工业增加值增长多少', 2026)).toBe('安徽2025年规上工业增加值增长多少');
    expect(withAbsoluteYears('今年目标是多少，明年呢', 2026)).toBe('2026年目标是多少，2027年呢');
  });

  it('leaves baselines, quoted statements and questions that name a year alone', () => {
    expect(withAbsoluteYears('比去年增长多少', 2026)).toBe('比去年增长多少');
    expect(withAbsoluteYears('去年同期是多少', 2026)).toBe('去年同期是多少');
    expect(withAbsoluteYears('报告说“力争明年突破”，做到了吗', 2026)).toBe('报告说“力争明年突破”，做到了吗');
    expect(withAbsoluteYears('2024年提出明年的目标', 2026)).toBe('2024年提出明年的目标');
    expect(withAbsoluteYears('去年增长多少', undefined)).toBe('去年增长多少');
  });

  it('anchors on the newest report about the regions asked, or on any report', () => {
    const written = new Map([['安徽', 2026], ['宜昌', 2019]]);
    expect(newestWrittenYear(written, ['宜昌'])).toBe(2019);
    expect(newestWrittenYear(written, [])).toBe(2026);
    expect(newestWrittenYear(written, ['拉萨'])).toBeUndefined();
  });
});

// An old county report, written for this test: its 去年 is the year before it was written, whatever today is.
const REPORT = [
  '某县政府工作报告',
  '（2019年2月16日）',
  '一、2018年工作回顾',
  '过去一年，全县规模以上工业增加值增长9.4%。',
].join('\n');

describe('去年 in a question about an old report', () => {
  const reports = useReportEngine({ 'old.txt': REPORT.replace('某县', '莲花县') });

  it('is the year the report reviews, and the resolved question says so', async () => {
    const r = await reports.ask({ question: '莲花县去年规上工业增加值增长多少？' });
    expect(r.answer).toContain('9.4%');
    expect(r.question.resolved).toContain('2018年');
  });
});
