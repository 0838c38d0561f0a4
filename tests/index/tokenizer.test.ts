import { describe, expect, it } from 'vitest';
import { segmentWords, tokenize } from '../../src/index/tokenizer.js';

describe('tokenize', () => {
  it('keeps a number with its magnitude and unit as one (lower-cased) token', () => {
    const tokens = tokenize('算力规模突破2.2万P');
    expect(tokens).toContain('2.2万p');
    expect(tokens).not.toContain('2.2');
    expect(tokens).toEqual(expect.arrayContaining(['算力规模', '算力']));
    expect(tokenize('全年营收有望达3.3万亿元')).toContain('3.3万亿元');
    expect(tokenize('算力规模达7998PFLOPS')).toContain('7998pflops');
    expect(tokenize('高于全国1.9个百分点')).toContain('1.9个百分点');
  });

  it('keeps domain words whole: 算力规模, 专精特新, 小巨人, 5G-A', () => {
    expect(tokenize('国家级专精特新“小巨人”企业')).toEqual(expect.arrayContaining(['专精特新', '小巨人']));
    expect(tokenize('新建5G及5G-A基站1.58万个')).toEqual(expect.arrayContaining(['5g', '5g-a', '基站', '1.58万个']));
    expect(segmentWords('算力规模')).toEqual(['算力规模']);
    expect(segmentWords('专精特新')).toEqual(['专精特新']);
  });

  it('treats 规模以上 and 规上 as the same term', () => {
    expect(tokenize('规模以上工业增加值')).toEqual(tokenize('规上工业增加值'));
    expect(tokenize('规模以上工业增加值')).toContain('规上工业增加值');
  });

  it('reads GDP, 地区生产总值 and 全市生产总值 as one figure, and keeps 规模以下 apart from 规模', () => {
    expect(tokenize('GDP')).toEqual(tokenize('地区生产总值'));
    expect(tokenize('全市生产总值')).toEqual(expect.arrayContaining(tokenize('GDP')));
    expect(tokenize('规模以下工业增加值')).not.toContain('规模');
  });

  it('drops stop words and punctuation', () => {
    const tokens = tokenize('2026年湖北的算力目标是多少？');
    expect(tokens).toEqual(expect.arrayContaining(['湖北', '算力', '目标']));
    for (const t of ['的', '是', '多少', '？']) expect(tokens).not.toContain(t);
  });

  it('does not read a year or 5G as a quantity token', () => {
    const tokens = tokenize('2025年5G基站');
    expect(tokens).not.toContain('2025年');
    expect(tokens).toContain('5g');
  });
});
