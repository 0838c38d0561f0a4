import { describe, expect, it } from 'vitest';
import { findTimeExpressions, type TimeContext } from '../../src/domain/time-expressions.js';

/** 000: written December 2024, reviewing 2024. */
const LATE_2024: TimeContext = { writtenYear: 2024, writtenMonth: 12, sectionYear: 2024 };
/** 004: written January 2026, in a section reviewing 2025. */
const JAN_2026_REVIEW_2025: TimeContext = { writtenYear: 2026, writtenMonth: 1, sectionYear: 2025 };
/** 003: written August 2025 about 2025. */
const AUG_2025: TimeContext = { writtenYear: 2025, writtenMonth: 8, sectionYear: 2025 };

/** [matched text, period key, explicit year] for each expression. */
function read(text: string, context: TimeContext): Array<[string, string, boolean]> {
  return findTimeExpressions(text, context).map((t) => [text.slice(t.start, t.end), t.period.key, t.explicitYear]);
}

/** The period of the last expression before the end of the text: what a figure right after it gets. */
function periodBeforeFigure(text: string, context: TimeContext): string | undefined {
  return findTimeExpressions(text, context).at(-1)?.period.key;
}

describe('findTimeExpressions: relative years', () => {
  it('resolves 今年 and 明年 against the year the text was written', () => {
    expect(read('今年以来，湖北经信系统', LATE_2024)).toEqual([['今年', '2024', false]]);
    expect(read('力争明年突破100万辆', LATE_2024)).toEqual([['明年', '2025', false]]);
    expect(read('今年有望达到3万亿元', JAN_2026_REVIEW_2025)).toEqual([['今年', '2026', false]]);
    expect(read('较去年增长', JAN_2026_REVIEW_2025)).toEqual([['去年', '2025', false]]);
  });

  it('resolves 全年 to the year of the section', () => {
    expect(read('全年规上工业增加值增长6.9%', JAN_2026_REVIEW_2025)).toEqual([['全年', '2025', false]]);
  });

  it('takes an explicit year as written', () => {
    expect(read('2025年，全省经信系统', JAN_2026_REVIEW_2025)).toEqual([['2025年', '2025', true]]);
    expect(read('以上数字全部为2025年上半年工业经济数据', JAN_2026_REVIEW_2025)).toEqual([['2025年上半年', '2025H1', true]]);
    expect(read('2024年1—11月', JAN_2026_REVIEW_2025)).toEqual([['2024年1—11月', '2024-01..11', true]]);
    expect(read('2024年1月至5月', JAN_2026_REVIEW_2025)).toEqual([['2024年1月至5月', '2024-01..05', true]]);
    expect(read('今年1月至5月', AUG_2025)).toEqual([['今年1月至5月', '2025-01..05', false]]);
  });
});

describe('findTimeExpressions: month ranges without a year', () => {
  it('1—11月 in a text written 2024-12 is 2024', () => {
    expect(read('1—11月，全省规模以上工业增加值同比增长7.7%', LATE_2024)).toEqual([['1—11月', '2024-01..11', false]]);
  });

  it('reads a year and month opening a statistic as that month, not after 截至', () => {
    expect(read('2022年10月规上工业增加值增长多少', LATE_2024)).toEqual([['2022年10月', '2022-10..10', true]]);
    expect(read('截至2022年10月，全市规上工业企业1200家', LATE_2024)).toEqual([['2022年10月', '2022', true]]);
  });

  it('reads 元 (January) and Chinese month numerals in a range', () => {
    expect(read('元至6月份，全县规模工业增长9%', LATE_2024)).toEqual([['元至6月份', '2024H1', false]]);
    expect(read('今年一至六月，全县工业增长9%', LATE_2024)).toEqual([['今年一至六月', '2024H1', false]]);
  });

  it('1—11月 in a text written 2026-01, in a 2025 section, is 2025', () => {
    expect(read('1—11月，全省工业机器人产量', JAN_2026_REVIEW_2025)).toEqual([['1—11月', '2025-01..11', false]]);
    expect(read('1—10月，广东规上工业企业', JAN_2026_REVIEW_2025)).toEqual([['1—10月', '2025-01..10', false]]);
  });

  it('reads 上半年, 前三季度, 一季度, 第一季度 and 下半年', () => {
    expect(read('今年上半年，武汉工业', AUG_2025).at(-1)).toEqual(['今年上半年', '2025H1', false]);
    expect(read('前三季度，湖南工业经济增长7.8%', JAN_2026_REVIEW_2025)).toEqual([['前三季度', '2025-01..09', false]]);
    expect(read('一季度狠抓消费', AUG_2025)).toEqual([['一季度', '2025Q1', false]]);
    expect(read('第一季度', AUG_2025)).toEqual([['第一季度', '2025Q1', false]]);
    expect(read('完善下半年稳增长路径', AUG_2025)).toEqual([['下半年', '2025H2', false]]);
  });

  it('reads 至10月末 as year to date', () => {
    expect(read('至10月末，累计建成5G基站43.8万个', JAN_2026_REVIEW_2025)).toEqual([['10月末', '2025-01..10', false]]);
  });

  it('does not read a point in time (10月份上线, 8月盛夏) as a period', () => {
    expect(read('10月份上线以来', JAN_2026_REVIEW_2025)).toEqual([]);
    expect(read('8月盛夏，武汉的工业项目', AUG_2025)).toEqual([]);
  });

  // BUG: in "今年一季度"/"今年上半年" the sub-period is resolved on its own (bare-range rule), so when
  // the section year differs from the year of writing it lands in the section's year: a text written
  // 2026-01 in a 2025 section gets 2025Q1 for "今年一季度", which says 2026. A figure right after it
  // takes the last expression, so the row is dated 2025Q1. Suspected: findTimeExpressions (今年/明年
  // not combined with a following sub-period).
  it('binds a sub-period to the 今年/明年 right before it', () => {
    expect(periodBeforeFigure('今年一季度，规模以上高技术制造业增加值增长', JAN_2026_REVIEW_2025)).toBe('2026Q1');
    expect(periodBeforeFigure('明年上半年', LATE_2024)).toBe('2025H1');
  });
});

describe('findTimeExpressions: offsets', () => {
  it('reports offsets of each expression in the scanned text', () => {
    const text = '2025年，全省经信系统…1—11月，全省规上工业增加值增长6.9%，明年力争…';
    const found = findTimeExpressions(text, JAN_2026_REVIEW_2025);
    expect(found.map((t) => text.slice(t.start, t.end))).toEqual(['2025年', '1—11月', '明年']);
    expect(found.map((t) => t.period.key)).toEqual(['2025', '2025-01..11', '2027']);
  });
});

describe('findTimeExpressions: five-year plans', () => {
  it('dates a plan period by its last year, and a bare mention of the plan not at all', () => {
    const keys = (text: string) => findTimeExpressions(text, JAN_2026_REVIEW_2025).map((t) => t.period.key);
    expect(keys('“十五五”时期主要目标')).toEqual(['2030']);
    expect(keys('“十四五”期间，地区生产总值年均增长')).toEqual(['2025']);
    expect(keys('到“十三五”末')).toEqual(['2020']);
    // The plan named as a programme: the figures that follow keep their own year.
    expect(keys('是实现“十四五”规划目标任务的关键一年')).toEqual([]);
  });
});

describe('findTimeExpressions: 全年', () => {
  it('is the year last named before it, else the year the paragraph is about', () => {
    const context = { writtenYear: 2025, writtenMonth: 4, sectionYear: 2025 };
    const keys = (text: string, discussedYear?: number) => findTimeExpressions(text, { ...context, discussedYear }).map((t) => t.period.key);
    expect(keys('2024年一季度增长7.1%，上半年增长6.2%，全年增长6.6%')).toEqual(['2024Q1', '2024H1', '2024']);
    expect(keys('全年规模工业增加值增长7.3%', 2024)).toEqual(['2024']);
    expect(keys('全年规模工业增加值增长7.3%')).toEqual(['2025']);
  });

  it('goes on in the year 今年 named, and a month opening a growth is that month', () => {
    const context = { writtenYear: 2025, writtenMonth: 1, sectionYear: 2024 };
    const keys = (text: string) => findTimeExpressions(text, context).map((t) => t.period.key);
    expect(keys('今年，全市力争一季度增长6%，为全年增长6%左右打好基础')).toEqual(['2025', '2025Q1', '2025']);
    // 去年 is mostly a baseline (较去年同期), so it does not carry on.
    expect(keys('较去年同期提高，上半年增长5%')).toEqual(['2024', '2024H1']);
    expect(keys('其中，9月增长8.8%')).toEqual(['2024-09..09']);
  });
});
