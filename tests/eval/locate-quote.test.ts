import { describe, expect, it } from 'vitest';
import { locateGold } from '../../eval/gold-spans.js';
import { locateQuote, overlaps } from '../../eval/locate-quote.js';
import type { Question } from '../../eval/questions.js';

describe('locateQuote', () => {
  it('finds an exact quote at its offsets', () => {
    const text = '前言。算力规模突破2.2万P，居全国前列。';
    const [span] = locateQuote(text, '算力规模突破2.2万P');
    expect(span).toEqual({ start: 3, end: 14 });
    expect(text.slice(span.start, span.end)).toBe('算力规模突破2.2万P');
  });

  it('finds a quote broken by a PDF line break, in original offsets', () => {
    const text = '今年上半年，武汉民营\n企业新增18.2万家、居副省\n级城市第二。';
    const spans = locateQuote(text, '企业新增18.2万家、居副省级城市第二');
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('企业新增18.2万家、居副省\n级城市第二');
  });

  it('finds a quote written without the bold marks and with other widths', () => {
    const text = '广东先进制造业、高技术制造业增加值分别增长**5.4%**和**6.4%**，';
    const spans = locateQuote(text, '高技术制造业增加值分别增长5.4％和6.4％');
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('高技术制造业增加值分别增长**5.4%**和**6.4%');
  });

  it('returns every occurrence and nothing when absent', () => {
    expect(locateQuote('甲乙甲乙', '甲乙')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(locateQuote('甲乙甲乙', '丙')).toEqual([]);
  });
});

describe('overlaps', () => {
  it('treats spans as half-open', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).toBe(true);
  });
});

describe('locateGold', () => {
  const comparison: Question = {
    id: 'c1',
    question: '比较题',
    answer: '增加4个',
    accept: ['增加4个'],
    numbers: ['18'],
    doc: 'b.txt',
    quote: '集群达18个',
    region: '湖北',
    period: '2024 vs 2025',
    kind: 'comparison',
    note: '另见a.txt：「集群增至14个」（原文有换行）',
  };
  const texts: Record<string, string> = { 'a.txt': '国家中小企业特色产业集群增至\n14个。', 'b.txt': '国家级中小企业特色产业集群达18个。' };

  it('adds the 另见 quote of a comparison item as a second gold span', () => {
    const gold = locateGold(comparison, (doc) => texts[doc]);
    expect(gold.unlocated).toEqual([]);
    expect(gold.spans).toEqual([
      { doc: 'b.txt', start: 11, end: 17 },
      { doc: 'a.txt', start: 10, end: 18 },
    ]);
    expect(texts['a.txt'].slice(10, 18)).toBe('集群增至\n14个');
  });

  it('ignores 另见 notes on other kinds and reports quotes it cannot find', () => {
    const gold = locateGold({ ...comparison, kind: 'actual', quote: '不存在的句子' }, (doc) => texts[doc]);
    expect(gold.spans).toEqual([]);
    expect(gold.unlocated).toEqual([{ doc: 'b.txt', quote: '不存在的句子' }]);
  });
});
