import { describe, expect, it } from 'vitest';
import { detectMeasure, detectModality, isDifference, kindOf } from '../../../ingest/indicators/kind.js';
import { findNumberMentions } from '../../../src/domain/numbers.js';

/** The mention of `raw` in `text` and the words before it. */
function measureOf(text: string, raw: string): string {
  const mention = findNumberMentions(text).find((m) => m.raw === raw);
  if (!mention) throw new Error(`no ${raw} in ${text}`);
  return detectMeasure(mention, text.slice(0, mention.start), '');
}

describe('detectModality', () => {
  it('in a review: 有望/预计 → forecast, 力争/目标 → target, otherwise actual', () => {
    expect(detectModality('全年营收有望达', 'review', 2024, 2024)).toBe('forecast');
    expect(detectModality('预计未来三年将新增产值超', 'review', 2025, 2025)).toBe('forecast');
    expect(detectModality('力争算力总规模超', 'review', 2025, 2024)).toBe('target');
    expect(detectModality('算力规模达', 'review', 2024, 2024)).toBe('actual');
  });

  it('reads what a plan sets out (《…规划》明确) as a target, even in the year reviewed', () => {
    const before = '《某市“十四五”数字经济发展规划》明确，全市数字经济核心产业实现营业收入';
    expect(detectModality('全市数字经济核心产业实现营业收入', 'review', 2025, 2025, before)).toBe('target');
    expect(detectModality('全市数字经济核心产业实现营业收入', 'review', 2025, 2025)).toBe('actual');
  });

  it('in a review: a year after the one reviewed, or a sentence led by 主要目标：, is a target', () => {
    expect(detectModality('新建5G基站', 'review', 2026, 2025)).toBe('target');
    expect(detectModality('新建5G基站', 'review', 2025, 2025, '主要目标：规上工业增加值增长6%左右，新建5G基站')).toBe('target');
    expect(detectModality('新建5G基站', 'review', 2025, 2025, '2025年，全省工业投资完成1.2万亿元，新建5G基站')).toBe('actual');
  });

  it('in a plan: future years are targets, the review year stays actual', () => {
    expect(detectModality('新建5G基站', 'plan', 2025, 2024)).toBe('target');
    expect(detectModality('新建5G基站', 'plan', 2024, 2024)).toBe('actual');
  });
});

describe('detectMeasure', () => {
  it('tells growth, share, rank, change and level apart', () => {
    expect(measureOf('规上工业增加值同比增长7.7%', '7.7%')).toBe('growth');
    expect(measureOf('高于全国1.9个百分点', '1.9个百分点')).toBe('growth');
    expect(measureOf('高技术制造业增加值占规上工业比重提升至17.4%', '17.4%')).toBe('share');
    expect(measureOf('对规上工业增长贡献率达35.6%', '35.6%')).toBe('share');
    expect(measureOf('居工业大省第4位', '第4位')).toBe('rank');
    expect(measureOf('新增规模以上工业企业2000家', '2000家')).toBe('count-change');
    expect(measureOf('算力规模达7998PFLOPS', '7998PFLOPS')).toBe('level');
  });

  it('isDifference spots 高于/低于/快于', () => {
    expect(isDifference('高于全国')).toBe(true);
    expect(isDifference('规上工业增加值增长')).toBe(false);
  });
});

describe('kindOf', () => {
  it('reports the modality when not actual, otherwise the measure', () => {
    expect(kindOf('target', 'growth')).toBe('target');
    expect(kindOf('forecast', 'level')).toBe('forecast');
    expect(kindOf('actual', 'level')).toBe('actual');
    expect(kindOf('actual', 'growth')).toBe('growth');
    expect(kindOf('actual', 'rank')).toBe('rank');
  });
});
