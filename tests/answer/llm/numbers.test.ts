import { describe, expect, it } from 'vitest';
import { cleanPassageText } from '../../../src/answer/llm/clean-text.js';
import { checkedNumbers, sameQuantity, scanNumbers } from '../../../src/answer/llm/guard/numbers.js';

const kinds = (text: string) => scanNumbers(cleanPassageText(text)).map((n) => [n.raw, n.kind]);
const only = (text: string) => {
  const numbers = checkedNumbers(cleanPassageText(text));
  expect(numbers).toHaveLength(1);
  return numbers[0];
};

describe('scanNumbers: what counts as a number', () => {
  it('reads quantities with magnitude and unit into one canonical value', () => {
    expect(only('算力规模突破2.2万P')).toMatchObject({ raw: '2.2万P', value: 22000, unit: 'P' });
    expect(only('总量达3.3万亿元')).toMatchObject({ value: 3.3e12, unit: '元' });
    expect(only('增长6.5%')).toMatchObject({ value: 6.5, unit: '%' });
    expect(only('新增1700家')).toMatchObject({ value: 1700, unit: '家' });
    expect(only('提高4个百分点')).toMatchObject({ value: 4, unit: '个百分点' });
    expect(only('装机5千瓦')).toMatchObject({ value: 5, unit: '千瓦' });
  });

  it('treats equal forms as the same quantity', () => {
    expect(sameQuantity(only('2.2万P'), only('22000P'))).toBe(true);
    expect(sameQuantity(only('2.2万P'), only('2.2万PFLOPS'))).toBe(true);
    expect(sameQuantity(only('22EFLOPS'), only('2.2万P'))).toBe(true);
    expect(sameQuantity(only('3.3万亿元'), only('33000亿元'))).toBe(true);
    expect(sameQuantity(only('1,700家'), only('1700余家'))).toBe(true);
    expect(sameQuantity(only('６．５％'), only('6.5%'))).toBe(true);
    expect(sameQuantity(only('2.2 万 P'), only('2.2万P'))).toBe(true);
    expect(sameQuantity(only('**7.8%**'), only('7.8%'))).toBe(true);
    expect(sameQuantity(only('2.2\n万P'), only('2.2万P'))).toBe(true);
    expect(sameQuantity(only('新增50户'), only('50家'))).toBe(true);
  });

  it('keeps different values and units apart', () => {
    expect(checkedNumbers('增长18%').map((n) => n.value)).toEqual([18]);
    expect(sameQuantity(only('8%'), only('18%'))).toBe(false);
    expect(sameQuantity(only('2.2万P'), only('2.2万个'))).toBe(false);
    expect(sameQuantity(only('4%'), only('4个百分点'))).toBe(false);
    expect(sameQuantity(only('2.2万P'), only('2.2亿P'))).toBe(false);
    expect(sameQuantity(only('4个'), only('4名'))).toBe(false);
  });

  it('lets a stated number without unit match a source number with one, not the reverse', () => {
    expect(sameQuantity(only('突破2.2万'), only('2.2万P'))).toBe(true);
    expect(sameQuantity(only('“51020”产业集群'), only('“51020”'))).toBe(true);
    expect(sameQuantity(only('51020个'), only('“51020”'))).toBe(false);
  });

  it('does not check years', () => {
    expect(kinds('2025年')).toEqual([['2025年', 'year']]);
    expect(kinds('2025—2027年')).toEqual([
      ['2025', 'year'],
      ['2027年', 'year'],
    ]);
    expect(kinds('2025年底')).toEqual([['2025年', 'year']]);
    expect(kinds('到2026')).toEqual([['2026', 'year']]);
    // A duration in years and a four-digit count are quantities.
    expect(kinds('用3年时间')).toEqual([['3年', 'quantity']]);
    expect(kinds('2000家企业')).toEqual([['2000家', 'quantity']]);
  });

  it('does not check dates and month ranges', () => {
    expect(kinds('1—11月，10月份，15日')).toEqual([
      ['1', 'date'],
      ['11', 'date'],
      ['10', 'date'],
      ['15', 'date'],
    ]);
  });

  it('does not check list ordinals; checks ranks', () => {
    expect(checkedNumbers('一是推进，二是落实，三大工程')).toEqual([]);
    // The guard scans an answer line by line (sentences end at line breaks).
    expect(['1. 新建基站', '- 2、推进算力', '主要有：（3）落实'].flatMap(kinds)).toEqual([
      ['1', 'ordinal'],
      ['2', 'ordinal'],
      ['3', 'ordinal'],
    ]);
    expect(kinds('第1批')).toEqual([['1批', 'ordinal']]);
    expect(only('居全国第4位')).toMatchObject({ raw: '第4位', value: 4, unit: '位' });
    expect(sameQuantity(only('第4名'), only('第4位'))).toBe(true);
    // A decimal at the start of a line is a number, not a label.
    expect(only('1.58万个基站')).toMatchObject({ value: 15800, unit: '个' });
  });

  it('does not check identifiers', () => {
    expect(checkedNumbers('5G基站、5G-A、4K、T8、V2.0')).toEqual([]);
  });
});
