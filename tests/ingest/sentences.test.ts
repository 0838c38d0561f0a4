import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../ingest/sentences.js';
import { normalizeText } from '../../ingest/normalize.js';
import { SEED_IDS, seedText } from '../fixtures/seeds.js';

const texts = (text: string, from?: number, to?: number) => splitSentences(text, from, to).map((s) => s.text);

describe('splitSentences', () => {
  it('ends sentences at 。！？ and at ； (the separator of long enumerations)', () => {
    expect(texts('一是稳增长；二是优结构。三是强韧性！真的吗？')).toEqual(['一是稳增长；', '二是优结构。', '三是强韧性！', '真的吗？']);
  });

  it('keeps a closing quote or bracket with the sentence it closes', () => {
    expect(texts('他强调“加快推进新型工业化。”随后部署工作。')).toEqual(['他强调“加快推进新型工业化。”', '随后部署工作。']);
    expect(texts('（注：以上数字全部为上半年数据。）当工业母机精准咬合。')).toEqual([
      '（注：以上数字全部为上半年数据。）',
      '当工业母机精准咬合。',
    ]);
  });

  it('ends a sentence at a paragraph break and keeps an unterminated tail', () => {
    expect(texts('2024年重点工作\n一是聚焦聚力稳增长，工业经济稳中向好')).toEqual(['2024年重点工作', '一是聚焦聚力稳增长，工业经济稳中向好']);
  });

  it('strips leading bullets and dashes from a sentence', () => {
    const text = '●1—11月，增长7.7%。\n——工业生产总体平稳\n规上工业增加值同比增长5.1%；';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['1—11月，增长7.7%。', '工业生产总体平稳', '规上工业增加值同比增长5.1%；']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('drops fragments of one character or less', () => {
    expect(texts('。。好')).toEqual([]);
    expect(texts('好。')).toEqual(['好。']);
  });

  it('splits only inside [from, to) and reports absolute offsets', () => {
    const text = '甲乙。丙丁戊。己庚。';
    const sentences = splitSentences(text, 3, 7);
    expect(sentences).toEqual([{ start: 3, end: 7, text: '丙丁戊。' }]);
  });

  it('tiles every seed: sentences are ordered, disjoint, and slice to their own text', () => {
    for (const id of SEED_IDS) {
      const { text } = normalizeText(seedText(id));
      const sentences = splitSentences(text);
      expect(sentences.length).toBeGreaterThan(20);
      let previousEnd = 0;
      for (const s of sentences) {
        expect(s.start).toBeGreaterThanOrEqual(previousEnd);
        expect(s.end).toBeGreaterThan(s.start);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).not.toContain('\n');
        previousEnd = s.end;
      }
    }
  });
});
