import { describe, expect, it } from 'vitest';
import { statedNumbers, statesNumber } from '../../eval/states-number.js';

describe('statesNumber', () => {
  it('accepts a plain refusal', () => {
    expect(statesNumber('文档中未提及')).toBe(false);
    expect(statesNumber('报告中没有找到相关信息。')).toBe(false);
  });

  it('accepts a refusal that restates the question’s year, period or a name like 5G', () => {
    expect(statesNumber('未找到2026年湖北人工智能产业规模的目标')).toBe(false);
    expect(statesNumber('报告只有2025年上半年和1—11月的数据，没有2025年全年目标')).toBe(false);
    expect(statesNumber('未找到湖南截至2025年10月末累计建成5G基站的数量')).toBe(false);
    expect(statesNumber('前三季度及第一季度均无此指标；二〇二六年亦无')).toBe(false);
  });

  it('catches a refusal that leaks a nearby figure in digits', () => {
    expect(statedNumbers('未找到2026年目标；2025年实际为1500亿元')).toEqual(['1500亿元']);
    expect(statesNumber('未找到，但湖北全省增长6.9%')).toBe(true);
    expect(statesNumber('未找到；广东累计建成43.8万个')).toBe(true);
    expect(statesNumber('未找到；相关企业2000家')).toBe(true);
  });

  it('catches figures written in Chinese numerals', () => {
    expect(statedNumbers('规模约三百亿元，但未找到2026年目标')).toEqual(['三百亿元']);
    expect(statesNumber('未找到，仅知新增两万家')).toBe(true);
    expect(statesNumber('未找到，仅知有十五个项目')).toBe(true);
    expect(statesNumber('未找到，仅知占百分之五')).toBe(true);
    expect(statesNumber('未找到，只有三家企业入选')).toBe(true);
  });

  it('does not treat words containing 一 or 十四五 as figures', () => {
    expect(statesNumber('未找到统一口径的数据，需进一步核实“十四五”规划')).toBe(false);
    expect(statesNumber('没有找到一个相关的指标')).toBe(false);
  });
});
