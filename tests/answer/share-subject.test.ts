import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// Shares whose subject is named only at the start of the sentence, written for this test.
const REPORT = [
  '烟台市工业和信息化局',
  '2025年烟台工业经济运行情况',
  '2025年，全市装备制造业增加值增长9.3%，对规上工业增长贡献率达61.2%。',
  '海工装备产业集聚了310多家规上企业，产业规模约占全省的30%。',
].join('\n');

describe('a share named by the subject its sentence opens with', () => {
  const reports = useReportEngine({ 'shares.txt': REPORT });

  it('gives a 贡献率 the subject of the growth before it', async () => {
    const r = await reports.ask({ question: '烟台2025年装备制造业对规上工业增长的贡献率是多少？' });
    expect(r.answer).toContain('61.2%');
    expect(r.indicators[0]?.metric).toContain('装备制造业');
  });

  it('answers a share asked by the sentence subject alone', async () => {
    const r = await reports.ask({ question: '烟台2025年海工装备占全省多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('30%');
  });
});
