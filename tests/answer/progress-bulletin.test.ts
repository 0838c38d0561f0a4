import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A city's monthly bulletin written for this test; the city's bare name (大同) is also an everyday word.
const BULLETIN = [
  '2024年1-10月大同市工业战略性新兴产业同比增长22.6%',
  '发布日期：2024-11-20',
  '1-10月份，工业战略性新兴产业同比增长22.6%，较上月累计回升1.2个百分点，快于全市规模以上工业增速15.1个百分点。',
  '10月份，由于检修停产，本月焦炭产量下降，影响化工产品增速回落。',
  '近日，记者获悉，预计四季度，全市规模以上工业增加值增长6%左右。',
].join('\n');

describe('a monthly bulletin of a city', () => {
  const reports = useReportEngine({ 'bulletin.txt': BULLETIN });

  it('ties every margin of a sentence to its figure and quotes the one against the base asked', async () => {
    const r = await reports.ask({ question: '大同1-10月战新产业增速比全市规上工业快多少个百分点？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('15.1个百分点');
    expect(r.answer).not.toContain('1.2个百分点');
  });

  it('answers why from the sentence that says so', async () => {
    const r = await reports.ask({ question: '大同10月份化工产品增速为什么回落？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('检修停产');
  });

  it('reads a leading 预计 clause as a forecast', async () => {
    const r = await reports.ask({ question: '大同2024年四季度规上工业增加值预计增长多少？' });
    expect(r.answer).toContain('6%');
    expect(r.indicators[0]?.modality).toBe('forecast');
  });
});
