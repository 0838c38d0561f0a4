/**
 * A conference report reviews one year and, inside that review, says what the next year will do.
 * A question asking for words about the next year finds that passage although its chunk is filed
 * under the reviewed year. Report written for this test.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

const FILLER = '全省工业经济稳中有进，产业结构持续优化，企业活力不断增强，发展质效稳步提升。'.repeat(12);
const REPORT = [
  '江西省工业和信息化厅',
  '1月20日，2026年全省工业和信息化工作会议在南昌召开。会议总结2025年工作，部署2026年重点任务。',
  `2025年，全省规上工业增加值增长6.1%。${FILLER}`,
  `会议明确建立“三个一”工作推进机制，深化“研发+制造+应用”发展路径，培育链主型龙头企业。${FILLER}`,
].join('\n\n');

const reports = useReportEngine({ 'report.txt': REPORT });

describe('a plan stated inside a review', () => {
  it('answers a question for words about the next year from that passage', async () => {
    const response = await reports.engine.ask({ question: '2026年江西要深化什么发展路径？' });
    expect(response.status).toBe('answered');
    expect(response.answer).toContain('研发+制造+应用');
    expect(response.citations[0].quote).toContain('发展路径');
  });
});
