/**
 * A report may give the whole industry's growth only through a part: "制造业增加值增长4.9%，快于
 * 全省规上工业0.7个百分点". The whole's figure is then computed, and the answer says so. Report
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

const REPORT = `江西省统计局
发布日期：2026-01-20
2025年全省经济运行情况
2025年，全省制造业增加值增长4.9%，快于全省规上工业0.7个百分点。`;

const reports = useReportEngine({ 'report.txt': REPORT });

describe('the whole industry through a part', () => {
  it('computes the whole from the part and its margin, citing the sentence', async () => {
    const response = await reports.engine.ask({ question: '江西2025年规上工业增加值增长多少？' });
    expect(response.answer).toMatch(/约为4\.2%（据制造业增加值增长4\.9%、快于规上工业0\.7个百分点推算）\[1\]/);
    expect(response.citations[0].quote).toContain('快于全省规上工业0.7个百分点');
  });
});
