import { describe, expect, it } from 'vitest';
import { canonicalAnswer, containsAnswer, listElements, missingListElements, scaleDecimal } from '../../eval/normalize-answer.js';

describe('containsAnswer', () => {
  it('treats 万/亿 forms of one value as equal', () => {
    expect(containsAnswer('算力规模突破2.2万P', '22000P')).toBe(true);
    expect(containsAnswer('算力规模突破22000P', '2.2万P')).toBe(true);
    expect(containsAnswer('算力规模突破2.2万 P', '2.2万P')).toBe(true);
    expect(containsAnswer('新建5G及5G-A基站1.58万个', '15800个')).toBe(true);
    expect(containsAnswer('全年营收有望达3.3万亿元', '33000亿元')).toBe(true);
    expect(containsAnswer('全年营收有望达33000亿元', '3.3万亿')).toBe(true);
    expect(containsAnswer('利润11300万元', '1.13亿元')).toBe(true);
  });

  it('does not let a number match inside a longer number', () => {
    expect(containsAnswer('工业投资增长18%', '8%')).toBe(false);
    expect(containsAnswer('工业投资增长8.5%', '8%')).toBe(false);
    expect(containsAnswer('工业投资增长8.5%', '5%')).toBe(false);
    expect(containsAnswer('入选115个', '15个')).toBe(false);
    expect(containsAnswer('改造11万家', '1万家')).toBe(false);
    expect(containsAnswer('改造1.1万家', '1万家')).toBe(false);
    expect(containsAnswer('增加630家', '增加63')).toBe(false);
    expect(containsAnswer('居全国第40位', '第4')).toBe(false);
  });

  it('still finds the number when it is really there', () => {
    expect(containsAnswer('力争工业投资增长8%以上', '8%')).toBe(true);
    expect(containsAnswer('力争工业投资增长8%以上', '8%以上')).toBe(true);
    expect(containsAnswer('居工业大省第4位', '第4')).toBe(true);
    expect(containsAnswer('技改投资增长12.0%', '12%')).toBe(true);
  });

  it('ignores markdown bold, whitespace and full-width forms', () => {
    expect(containsAnswer('湖南工业经济增长**7.8%**，居全国第**10**', '7.8%')).toBe(true);
    expect(containsAnswer('利润总额增长 22.8％', '22.8%')).toBe(true);
    expect(containsAnswer('增长６．９％，高于全国', '6.9%')).toBe(true);
    expect(containsAnswer('武汉，宜昌，襄阳', '武汉,宜昌,襄阳')).toBe(true);
    expect(containsAnswer('算力规模突破2.2万PFLOPS', '2.2万p')).toBe(true);
  });

  it('reads Chinese numerals as numbers, with the same boundaries', () => {
    expect(containsAnswer('开展数字化转型改造1万家', '一万家')).toBe(true);
    expect(containsAnswer('15个项目入选', '十五个')).toBe(true);
    expect(containsAnswer('二十五个项目入选', '十五个')).toBe(false);
    expect(containsAnswer('湖南多一家', '多1家')).toBe(true);
  });

  it('never matches an empty accepted string', () => {
    expect(containsAnswer('任何回答', '')).toBe(false);
    expect(containsAnswer('任何回答', ' ** ')).toBe(false);
  });
});

describe('canonicalAnswer', () => {
  it('writes each number as a delimited plain value', () => {
    expect(canonicalAnswer('2.2万 P')).toBe('⟨22000⟩p');
    // An accepted string copied from a traditional-character text matches the simplified answer.
    expect(canonicalAnswer('8032.81億元')).toBe(canonicalAnswer('8032.81亿元'));
    expect(canonicalAnswer('3.3万亿元')).toBe('⟨3300000000000⟩元');
    expect(canonicalAnswer('两万辆、三百家')).toBe('⟨20000⟩辆、⟨300⟩家');
    expect(canonicalAnswer('百分之五')).toBe('⟨5⟩%');
  });

  it('leaves words that only look like numerals alone', () => {
    expect(canonicalAnswer('万兆光网')).toBe('万兆光网');
    expect(canonicalAnswer('“十四五”规划')).toBe('“十四五”规划');
  });
});

describe('scaleDecimal', () => {
  it('shifts digits exactly where floating point would not', () => {
    expect(1.13 * 10_000).not.toBe(11300);
    expect(scaleDecimal('1', '13', 4)).toBe('11300');
    expect(scaleDecimal('2', '3', 8)).toBe('230000000');
    expect(scaleDecimal('1', '58', 4)).toBe('15800');
    expect(scaleDecimal('12', '0', 0)).toBe('12');
    expect(scaleDecimal('0', '5', 0)).toBe('0.5');
    expect(scaleDecimal('183', '65', 1)).toBe('1836.5');
  });
});

describe('list answers', () => {
  const accepted = '光电子信息、新能源与智能网联汽车、生命健康、高端装备、北斗';

  it('splits the first accepted string on 、，,和', () => {
    expect(listElements('武汉、宜昌和襄阳')).toEqual(['武汉', '宜昌', '襄阳']);
    expect(listElements('汽车，化工,冶金')).toEqual(['汽车', '化工', '冶金']);
  });

  it('accepts every element in any order', () => {
    expect(missingListElements('北斗、高端装备、生命健康、新能源与智能网联汽车以及光电子信息', accepted)).toEqual([]);
  });

  it('names the element a list answer is missing', () => {
    expect(missingListElements('光电子信息、新能源与智能网联汽车、生命健康、北斗', accepted)).toEqual(['高端装备']);
  });
});
