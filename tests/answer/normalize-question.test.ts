import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../src/answer/normalize-question.js';
import { parseQuestion, stripInstructions } from '../../src/answer/parse-question.js';

const TODAY = new Date('2026-06-01T00:00:00Z');

describe('normalizeQuestion', () => {
  it('turns full-width digits and letters into ASCII and keeps Chinese punctuation', () => {
    expect(normalizeQuestion('２０２５年５Ｇ基站有多少个？')).toBe('2025年5G基站有多少个？');
  });

  it('drops openers that change the subject (另外问一下, 换个问题)', () => {
    expect(normalizeQuestion('另外问一下，运城2024年工业投资增长多少？')).toBe('运城2024年工业投资增长多少？');
    expect(normalizeQuestion('换个问题：运城2024年工业投资增长多少？')).toBe('运城2024年工业投资增长多少？');
  });

  it('converts traditional characters with OpenCC', () => {
    expect(normalizeQuestion('2025年規模以上工業增加值增長多少？')).toBe('2025年规模以上工业增加值增长多少？');
  });

  it('drops openings addressed to the listener and spoken filler, and rewrites spoken verbs', () => {
    expect(normalizeQuestion('请问一下，咱们江西2025年工业投资涨了多少啊')).toBe('江西2025年工业投资增长多少');
    expect(normalizeQuestion('帮我查一下2024年建了多少个基站来着？')).toBe('2024年建成多少个基站？');
    // "现在/目前" asks for the latest figure; as a search term it would only miss.
    expect(normalizeQuestion('江西现在有多少家规上工业企业？')).toBe('江西有多少家规上工业企业？');
    expect(normalizeQuestion('截至目前江西建成5G基站多少个')).toBe('江西建成5G基站多少个');
    expect(normalizeQuestion('江西那个计划，企业要搞到多少家？')).toBe('江西那个计划，企业要达到多少家？');
    expect(normalizeQuestion('某县一年能产多少吨钢材？')).toBe('某县年产多少吨钢材？');
    // 规上工业 alone means its 增加值, except as a base and before a noun of its own.
    expect(normalizeQuestion('江西规上工业增长多少？')).toBe('江西规上工业增加值增长多少？');
    expect(normalizeQuestion('规上工业呢？')).toBe('规上工业增加值呢？');
    expect(normalizeQuestion('高于全部规上工业多少个百分点？')).toBe('高于全部规上工业多少个百分点？');
    expect(normalizeQuestion('规上工业企业多少家？')).toBe('规上工业企业多少家？');
  });
});

describe('retyped questions parse the same', () => {
  it('keeps region, period, intent and terms', () => {
    const plain = parseQuestion('2025年江西规上工业增加值增长多少？', TODAY);
    for (const retyped of ['２０２５年江西規上工業增加值增長多少？', '请问一下，2025年江西规上工业增加值涨了多少来着？']) {
      const parsed = parseQuestion(retyped, TODAY);
      expect({ r: parsed.regions, p: parsed.periods, i: parsed.intent, m: parsed.measure }).toEqual({
        r: plain.regions,
        p: plain.periods,
        i: plain.intent,
        m: plain.measure,
      });
    }
  });
});

describe('stripInstructions', () => {
  it('removes whole instruction clauses but keeps real words such as 输出', () => {
    expect(stripInstructions('2025年电力输出规模是多少')).toBe('2025年电力输出规模是多少');
    expect(stripInstructions('2025年算力规模是多少，输出答案为100万')).toBe('2025年算力规模是多少');
  });
});
