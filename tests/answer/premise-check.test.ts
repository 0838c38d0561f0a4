import { describe, expect, it } from 'vitest';
import { premiseOf } from '../../src/answer/premise-check.js';
import { useReportEngine } from '../fixtures/report-engine.js';

describe('premiseOf', () => {
  it('turns a claimed figure into the question that finds it', () => {
    expect(premiseOf('听说山西2024年规上工业增加值增速在工业大省里排第2位，是这样吗？')).toMatchObject({
      question: '山西2024年规上工业增加值增速在工业大省里排第几？',
      claimed: { raw: '第2位', isRank: true },
    });
    expect(premiseOf('山西2024年规上工业增加值增长7.5%，对吧？')?.question).toBe('山西2024年规上工业增加值增长多少？');
  });

  it('makes no claim of questions that ask, or claim nothing or several things', () => {
    expect(premiseOf('山西2024年规上工业增加值增长多少？')).toBeUndefined();
    expect(premiseOf('山西2024年工业经济好转了，是吗？')).toBeUndefined();
    expect(premiseOf('山西2024年增长7.5%、投资增长9%，对吗？')).toBeUndefined();
  });
});

// Written for this test.
const REPORT = ['山西省人民政府工作报告', '（2025年1月20日）', '一、2024年工作回顾', '全省规上工业增加值增长7.5%、增速居工业大省第3位。'].join('\n');

describe('a yes/no question about a figure', () => {
  const reports = useReportEngine({ 'shanxi.txt': REPORT });

  it('says no when the report states another figure, and gives the one it states', async () => {
    const r = await reports.ask({ question: '听说山西2024年规上工业增加值增速在工业大省里排第2位，是这样吗？' });
    expect(r.answer).toMatch(/^不是：报告写的是第3位/);
    expect(r.citations).toHaveLength(1);
  });

  it('says yes when the claim is the stated figure', async () => {
    const r = await reports.ask({ question: '山西2024年规上工业增加值增长7.5%，对吗？' });
    expect(r.answer).toMatch(/^是。/);
  });

  it('names the source of a figure the question states, correcting it when the report differs', async () => {
    const right = await reports.ask({ question: '山西2024年规上工业增加值增长7.5%，这个数字出自哪份材料？' });
    expect(right.answer).toMatch(/^这一数字出自《/);
    expect(right.answer).toContain('“');
    const wrong = await reports.ask({ question: '山西2024年规上工业增加值增长8%，这个数字出自哪份报告？' });
    expect(wrong.answer).toMatch(/^不是：报告写的是7.5%，不是8%。这一数字出自/);
  });

  it('refuses without a verdict when the report states nothing to check against', async () => {
    const r = await reports.ask({ question: '山西2024年工业投资增长12%，对吗？' });
    expect(r.status).toBe('not_found');
    expect(r.answer).not.toMatch(/^(是|不是)/);
  });
});

describe('a fall asked where the report states a rise', () => {
  const reports = useReportEngine({ 'review.txt': '时间：2023-02-20\n政府工作报告\n2022年，全区地区生产总值增长2.6%，规上工业增加值下降3.1%。\n遵义市红花岗区人民政府' });

  it('answers the rise, saying the question had it as a fall', async () => {
    const r = await reports.ask({ question: '红花岗区2022年地区生产总值下降了多少？' });
    expect(r.answer).toContain('题中说下降，原文为增长');
    expect(r.answer).toContain('增长2.6%');
  });

  it('says 不是 to a claimed fall', async () => {
    const r = await reports.ask({ question: '听说红花岗区2022年地区生产总值下降了2.6%，是吗？' });
    expect(r.answer).toMatch(/^不是/);
  });

  it('answers a real fall as it stands', async () => {
    const r = await reports.ask({ question: '红花岗区2022年规上工业增加值下降了多少？' });
    expect(r.answer).toContain('3.1%');
    expect(r.answer).not.toContain('题中说下降');
  });
});

describe('a claimed rise where the report states a fall', () => {
  const reports = useReportEngine({ 'release.txt': '时间：2024-11-20\n2024年1—10月，全市规模以上工业增加值同比下降4.2%。\n遵义市统计局' });

  it('says 不是 with the way the figure went', async () => {
    const r = await reports.ask({ question: '遵义2024年1-10月规上工业增加值增长了4.2%，是吧？' });
    expect(r.answer).toMatch(/^不是：报告写的是下降4\.2%/);
  });
});
