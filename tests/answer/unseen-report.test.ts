/**
 * A report of the genre the pipeline was not tuned on, written for this test: a clipping file
 * with a province's review and a county's mid-year news, each with its own date and region.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

const CLIPPINGS = `来源: https://example.gov.cn/news/202401/t20240118_1.html
全省工业经济稳中有进
1月18日，记者从福建省工业和信息化厅获悉，2023年，全省规模以上工业增加值比上年增长4.6%，增速比上年回落1.2个百分点。2023年1—11月，全省规上工业企业利润增长3.1%。
2024年，全省规上工业增加值增长目标为5.5%左右。全省将聚焦三项重点工作：稳住工业增长，扩大有效投资，培育优质企业。

来源: http://paper.example.cn/html/2023/08/02/content_7.htm
上半年工业运行良好
本报讯 今年上半年，晋江市规上工业增加值同比增长8.2%，全市新增规上工业企业96家，全市工业技改投资完成46.3亿元。
`;

const reports = useReportEngine({ 'clips.txt': CLIPPINGS });

async function ask(question: string) {
  return reports.ask({ question });
}

describe('a clipping file of two articles, never seen before', () => {
  it('answers the province from its article and the county from its own', async () => {
    expect((await ask('福建2023年规上工业增加值增长多少？')).answer).toContain('4.6%');
    const county = await ask('晋江2023年上半年规上工业增加值增长多少？');
    expect(county.answer).toContain('8.2%');
    expect(county.citations[0].quote).toContain('晋江市');
    // Its scope says how it was resolved: the article's own date from its source address.
    expect(county.indicators[0].scope).toMatchObject({ period: 'stated in the sentence', written: '2023-08-02' });
    expect(county.retrieval.chunks[0].scope?.region).toBe('晋江');
  });

  it('never gives a county figure for its province', async () => {
    const response = await ask('福建2023年上半年规上工业增加值增长多少？');
    expect(response.status).toBe('not_found');
    expect(response.answer).not.toMatch(/8\.2/);
  });

  it('tells a target from an actual', async () => {
    expect((await ask('2024年福建规上工业增加值增长目标是多少？')).answer).toContain('5.5%');
  });

  it('derives last year from a stated difference and says so', async () => {
    const response = await ask('福建2022年规上工业增加值增长多少？');
    expect(response.answer).toContain('5.8%');
    expect(response.answer).toContain('推算');
    expect(response.citations[0].quote).toContain('回落1.2个百分点');
  });

  it('does not answer 全年 with a year-to-date figure', async () => {
    const response = await ask('福建2023年全年规上工业企业利润增长多少？');
    expect(response.status).toBe('not_found');
    expect(response.answer).not.toMatch(/3\.1/);
  });

  it('answers a list announced with its count with exactly that many items', async () => {
    const response = await ask('福建2024年要抓哪三项重点工作？');
    expect(response.answer).toContain('共3项：稳住工业增长；扩大有效投资；培育优质企业');
    expect(response.citations[0].quote).toContain('三项重点工作');
  });

  it('answers from the sentence when no metric name fits, and reads retyped questions the same', async () => {
    expect((await ask('晋江2023年上半年工业技改投资完成多少？')).answer).toContain('46.3亿元');
    expect((await ask('２０２３年晉江上半年規上工業增加值增長多少？')).answer).toContain('8.2%');
  });
});
