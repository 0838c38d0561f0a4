import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../ingest/normalize.js';
import { splitParagraphs } from '../../../ingest/paragraphs.js';
import { earliestWritten, inferWrittenDate } from '../../../ingest/scope/written-date.js';

const dateOf = (text: string) => inferWrittenDate(splitParagraphs(normalizeText(text)));

describe('inferWrittenDate', () => {
  it('reads 发布时间 lines, two-digit years included', () => {
    expect(dateOf('标题\n发布时间:24年03月05日 信息来源:\n正文。')).toEqual({ date: '2024-03-05', how: '发布时间 line' });
    expect(dateOf('标题\n发布日期：2023-11-02\n正文。')).toEqual({ date: '2023-11-02', how: '发布日期 line' });
  });

  it('reads the 成文日期 cell of a disclosure page metadata table', () => {
    expect(dateOf('标题\n文号 | 无 | 成文日期: | 2019年04月23日 |\n一季度，全县工业增长9%。')).toEqual({ date: '2019-04-23', how: '成文日期 line' });
  });

  it('reads a date at the end of the page when the head has none', () => {
    expect(dateOf('1—10月份，全市工业增长3.4%。\n其中10月份增长7.3%。\n- 统计月报 2022-11-22')).toEqual({ date: '2022-11-22', how: 'date at the end of the page' });
  });

  it('reads a 时间: label and a bracketed date line before the source', () => {
    expect(dateOf('时间:2019-11-05 来源:某某网\n正文。')).toEqual({ date: '2019-11-05', how: '时间 line' });
    expect(dateOf('( 2022-08-19 ) 稿件来源:某通讯社\n正文。')).toEqual({ date: '2022-08-19', how: 'date line' });
    // The time glued to the day does not shorten the day.
    expect(dateOf('2022-08-1915:40\n正文。')?.date).toBe('2022-08-19');
  });

  it('dates a January lead in the year after the one it reports, when it sets this year\'s targets', () => {
    const text = '某社某地1月9日电 某省代省长作政府工作报告时介绍，2022年全省生产总值增长4%左右。\n聚焦今年，报告将“生产总值增长6%左右”列入主要预期目标，并提出力争规上工业增加值增长7%以上。';
    expect(dateOf(text)?.date).toBe('2023-01-09');
    // Without this year's targets, 增长4%左右 may itself be a target: the lead keeps the named year.
    expect(dateOf('某社某地1月9日电 2022年全省生产总值增长4%左右，实现平稳开局。')?.date).toBe('2022-01-09');
  });

  it('dates a lead after the year its paragraph reports, not after a span named in passing', () => {
    const text = '县工信局获表彰\n2月20日上午，在全市工业大会上，县工信局受到表彰。\n2023年，在县委领导下，县工信局推动工业发展。全县工业企业实现开票销售300亿元，同比增长12%。此外，获批2023-2026年度省级基地。';
    expect(dateOf(text)?.date).toBe('2024-02-20');
  });

  it('dates a release after the period its press conference announces', () => {
    expect(dateOf('标题\n记者从2023年前三季度全省国民经济运行情况新闻发布会上获悉，前三季度，全省工业增长6%。')?.date).toBe('2023-10');
  });

  it('reads a page header split over lines (year / month/day / time)', () => {
    expect(dateOf('标题\n2023\n10/12\n08:30\n正文。')?.date).toBe('2023-10-12');
  });

  it('reads a date written after the source', () => {
    expect(dateOf('来源: example.cn(转载某日报), 2025-02-26\n正文。')).toEqual({ date: '2025-02-26', how: 'date on the source line' });
  });

  it('reads the date in the source address of a clipping', () => {
    expect(dateOf('来源: https://example.gov.cn/news/202311/t20231107_1.html\n正文。')?.date).toBe('2023-11-07');
    expect(dateOf('来源: http://paper.example.cn/html/2022/06/30/content_9.htm\n正文。')?.date).toBe('2022-06-30');
    expect(dateOf('来源: https://example.cn/a/202208/c_1.shtml\n正文。')?.date).toBe('2022-08');
  });

  it('gives a dated lead the year after what it reports as done', () => {
    // A January lead reviewing a whole year was written the year after.
    expect(dateOf('新华社某地1月20日电 2023年，全市规上工业增加值比上年增长6.1%。')?.date).toBe('2024-01-20');
    // A conference named by its year is that year.
    expect(dateOf('2月3日，2024年全省工业和信息化工作会议召开。会议总结2023年工作。')?.date).toBe('2024-02-03');
  });

  it('ignores targets and baselines when dating a lead', () => {
    expect(dateOf('9月8日，记者获悉，今年以来工业增长较快，到2027年力争突破千亿元，较2020年翻番。2023年上半年增长5%。')?.date).toBe('2023-09-08');
  });

  it('dates a look back on a whole five-year plan in its last year at the earliest', () => {
    expect(dateOf('本网讯 10月9日下午，“十三五”时期全市工业发展情况发布会召开。去年，全市工业增加值增长5%。')?.date).toBe('2020-10-09');
  });

  it('reads an e-paper header and a lead followed by its hour', () => {
    expect(dateOf('某日报/2025 年/8 月/6 日/第 006 版\n标题\n正文。')?.date).toBe('2025-08-06');
    // No year at all: a baseline "较2024年同期" says the figures are of 2025.
    expect(dateOf('标题\n8月14日 10时 阅读 520\n上半年，全市工业投资增长9.1%，较2023年同期提高4个百分点。')?.date).toBe('2024-08-14');
  });

  it('counts 突破 and 达 as reported, but not in a plan it announces', () => {
    expect(dateOf('某网讯 2月26日,某市大会召开。会议指出,2025年,全市地区生产总值突破600亿元。')?.date).toBe('2026-02-26');
    expect(dateOf('12月11日,某厅印发计划,明确提出到2027年全省核心产业规模突破500亿元。2025年上半年增长5%。')?.date).toBe('2025-12-11');
  });

  it('does not date a look back on a plan period after its end because it reports figures', () => {
    expect(dateOf('11月14日,记者获悉,“十四五”期间,工业投资年均增速达9%。')?.date).toBe('2025-11-14');
  });

  it('falls back to just after the latest period reported as done, and to nothing', () => {
    expect(earliestWritten('2022年1—11月，全省规上工业增加值同比增长4.2%。')).toEqual({ year: 2022, month: 12 });
    expect(earliestWritten('2026年规上工业增加值增长6%左右。')).toBeUndefined();
    expect(dateOf('今年以来，全市工业稳中向好。')).toBeUndefined();
  });
});
