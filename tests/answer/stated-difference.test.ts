/**
 * Differences a report states beside its figure ("高于全国1.9个百分点", "较2020年增加369.3亿元")
 * are quoted, not recomputed; a margin over the annual target gives that target. Report written
 * for this test.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

const REPORT = `福建省工业和信息化厅
发布日期：2024-07-20
上半年全省工业经济运行情况
今年上半年，全省规上工业增加值同比增长9.6%，较去年同期加快3.1个百分点，高于年度目标3.6个百分点，高于全国平均水平2.4个百分点，位居全国第5位。高技术制造业增加值增长12.1%，快于全省规模以上工业2.5个百分点，占比为16.6%，比上年提高1.8个百分点。
2023年，全省工业增加值达到1.8万亿元，较2020年增加3200亿元。
2024年全省规上工业增加值增长目标为6%左右。
1-4月，全省装备制造业增加值同比增长7.4%，较一季度回落1.2个百分点。
2023年，全省数字经济核心产业增加值增长9.1%，分别比全国、全省平均和全市高3.5、2.6和1.2个百分点。
2023年，全省原煤产量在上年增产的基础上，再增产1200万吨，达到2.1亿吨。`;

const reports = useReportEngine({ 'report.txt': REPORT });

async function ask(question: string, history?: string[]) {
  return reports.ask({ question, ...(history ? { history } : {}) });
}

describe('a difference the report states', () => {
  it('is quoted against the nation', async () => {
    const response = await ask('福建2024年上半年规上工业增加值增速比全国高多少？');
    expect(response.status).toBe('answered');
    expect(response.answer).toMatch(/^高于全国平均水平2\.4个百分点\[1\]/);
    expect(response.answer).toContain('9.6%');
  });

  it('is quoted against a base year, also as a follow-up', async () => {
    const response = await ask('比2020年增加了多少？', ['福建2023年工业增加值是多少？']);
    expect(response.answer).toContain('较2020年增加3200亿元');
    expect(response.answer).not.toContain('1.4万亿');
  });

  it('gives the annual target from the margin over it, saying it was computed', async () => {
    const response = await ask('年度目标是多少？', ['福建2024年上半年规上工业增加值增长多少？']);
    expect(response.answer).toContain('2024年福建');
    expect(response.answer).toMatch(/目标约为6%（据2024年上半年9\.6%、高于年度目标3\.6个百分点推算）/);
  });

  it('answers the rank of the figure', async () => {
    const response = await ask('在全国排第几？', ['福建2024年上半年规上工业增加值增长多少？']);
    expect(response.answer).toContain('第5位');
  });
});

describe('a share and its stated change in a chain of follow-ups', () => {
  it('reads a bare 占比 as the share of the subject before it, and quotes 比上年提高 for it', async () => {
    const share = await ask('占比呢？', ['福建2024年上半年高技术制造业增加值增长多少？']);
    expect(share.answer).toContain('16.6%');
    const change = await ask('比上年提高多少？', ['福建2024年上半年高技术制造业增加值增长多少？', '占比呢？']);
    expect(change.answer).toMatch(/^（按上文：[^）]+）比上年提高1\.8个百分点\[1\]/);
  });
});

describe('a change against a base', () => {
  it('does not answer a question for the growth itself', async () => {
    const response = await ask('福建2024年上半年高技术制造业增加值占比是多少？');
    expect(response.answer).toContain('16.6%');
    expect(response.answer).not.toMatch(/^[^，]*1\.8个百分点/);
  });
});

describe('several subjects asked at once', () => {
  it('answers each one in the order asked, each cited', async () => {
    const response = await ask('福建2024年上半年规上工业、高技术制造业增加值分别增长多少？');
    expect(response.answer).toMatch(/^[^；]*规上工业增加值[^；]*9\.6%[^；]*\[1\]；[^；]*高技术制造业增加值增长12\.1%[^；]*\[2\]。$/);
  });
});

describe('a full year asked without saying target', () => {
  it('is not answered by the year’s target', async () => {
    const response = await ask('福建2024年全年规上工业增加值增长多少？');
    expect(response.status).toBe('not_found');
    expect(response.answer).not.toMatch(/\d+(\.\d+)?%/);
  });
});

describe('a difference between a share and a growth rate', () => {
  it('is refused: both are percentages, but not one measure', async () => {
    const response = await ask('福建2024年上半年高技术制造业增加值占比比规上工业增加值增速高多少？');
    expect(response.status).toBe('not_found');
    expect(response.answer).toContain('不是同一口径');
  });
});

describe('an amount added in the figure’s own sentence', () => {
  it('answers how much more than the year before', async () => {
    const response = await ask('福建2023年原煤产量比上一年多产了多少？');
    expect(response.status).toBe('answered');
    expect(response.answer).toMatch(/^比上年增产1200万吨\[1\]/);
    expect(response.answer).toContain('2.1亿吨');
  });
});

describe('a change against an earlier span of the year', () => {
  it('is quoted for 比一季度回落了多少, also as a follow-up with 较', async () => {
    const direct = await ask('福建2024年1-4月装备制造业增加值增速比一季度回落了多少？');
    expect(direct.answer).toMatch(/^较一季度回落1\.2个百分点\[1\]/);
    const followUp = await ask('较一季度回落多少？', ['福建2024年1-4月装备制造业增加值增长多少？']);
    expect(followUp.answer).toContain('较一季度回落1.2个百分点');
  });
});

describe('the full year asked after a span of months with no year', () => {
  it('is not answered by the months', async () => {
    const response = await ask('那全年呢？', ['福建1-4月装备制造业增加值增长多少？']);
    expect(response.answer).not.toContain('7.4%');
  });
});

describe('margins listed against several bases at once', () => {
  it('quotes the one asked for', async () => {
    const response = await ask('福建2023年数字经济核心产业增加值增速比全市高多少？');
    expect(response.answer).toMatch(/^比全市高1\.2个百分点\[1\]/);
    const national = await ask('福建2023年数字经济核心产业增加值增速比全国高多少？');
    expect(national.answer).toMatch(/^比全国高3\.5个百分点\[1\]/);
  });
});
