import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A development zone's own report is filed under its city; a question naming the zone is asked of it.
describe('a report about a development zone', () => {
  const reports = useReportEngine({
    'zone.txt': '发布时间：2025-07-15\n近日，遵义经开区召开半年工作会。\n上半年，规上工业增加值同比增长15.2%，固定资产投资增长9.8%。',
    'city.txt': '发布时间：2025-07-20\n上半年，遵义市规上工业增加值同比增长6.1%。',
  });

  it('answers the zone from its own report, the zone word not read as part of the metric', async () => {
    const r = await reports.ask({ question: '遵义经开区2025年上半年规上工业增加值增长多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('15.2%');
    expect(r.citations.every((c) => c.docId === 'zone.txt')).toBe(true);
  });

  it('answers a zone the corpus has no report about as before (no zone report to narrow to)', async () => {
    const r = await reports.ask({ question: '遵义高新区2025年上半年规上工业增加值增长多少？' });
    expect(r.answer).not.toContain('15.2%');
  });
});
