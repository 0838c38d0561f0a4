import { describe, expect, it } from 'vitest';
import type { GoldLocation } from '../../eval/gold-spans.js';
import type { Question } from '../../eval/questions.js';
import { isFailure, scoreItem, type ScorableResponse } from '../../eval/score.js';

const target: Question = {
  id: 't1',
  question: '2026年湖北工业投资增长目标是多少？',
  answer: '8%以上',
  accept: ['8%以上', '8%'],
  numbers: ['8%'],
  doc: '001_x.txt',
  quote: '力争工业投资增长8%以上',
  region: '湖北',
  period: '2026',
  kind: 'growth',
};
const gold: GoldLocation = { spans: [{ doc: '001_x.txt', start: 100, end: 111 }], unlocated: [] };

function answered(answer: string, cite = { docId: '001_x', start: 95, end: 120 }): ScorableResponse {
  return { status: 'answered', answer, citations: [cite], retrieval: { chunks: [cite] } };
}

function score(question: Question, response: ScorableResponse, location = gold) {
  return scoreItem({ question, outcome: { response }, latencyMs: 12, gold: location });
}

describe('scoreItem on answerable items', () => {
  it('scores a right answer with an overlapping citation', () => {
    const result = score(target, answered('力争工业投资增长**8%**以上[1]'));
    expect(result).toMatchObject({ correct: true, citationCorrect: true, recallAt5: true, refused: false, why: [] });
    expect(isFailure(result)).toBe(false);
  });

  it('rejects 18% and 8.5% for an accepted 8%', () => {
    expect(score(target, answered('工业投资增长18%')).correct).toBe(false);
    const result = score(target, answered('工业投资增长8.5%'));
    expect(result.correct).toBe(false);
    expect(result.why[0]).toBe('answer lacks an accepted value (8%以上 | 8%)');
  });

  it('counts not_found on an answerable item as a refusal', () => {
    const result = score(target, { status: 'not_found', answer: '未找到', citations: [], retrieval: { chunks: [] } });
    expect(result).toMatchObject({ correct: false, refused: true, citationCorrect: false, recallAt5: false });
    expect(result.why).toEqual(['refused (not_found) on an answerable question', 'gold span not in the top 5 retrieved chunks']);
  });

  it('rejects a citation that does not overlap the gold span', () => {
    const result = score(target, answered('增长8%以上', { docId: '001_x.txt', start: 111, end: 130 }));
    expect(result.correct).toBe(true);
    expect(result.citationCorrect).toBe(false);
    expect(result.why[0]).toBe('citation 001_x.txt[111,130) misses gold 001_x.txt[100,111)');
    expect(isFailure(result)).toBe(true);
  });

  it('rejects a citation at the same offsets in another document', () => {
    const result = score(target, answered('增长8%以上', { docId: '004_y', start: 100, end: 111 }));
    expect(result.citationCorrect).toBe(false);
    expect(result.recallAt5).toBe(false);
    expect(result.why[0]).toBe('citation in another document: 004_y[100,111), gold 001_x.txt[100,111)');
  });

  it('accepts a citation to either fact of a comparison', () => {
    const both: GoldLocation = {
      spans: [
        { doc: '001_x.txt', start: 100, end: 111 },
        { doc: '000_z.txt', start: 40, end: 50 },
      ],
      unlocated: [],
    };
    const comparison: Question = { ...target, kind: 'comparison', accept: ['多4个'] };
    const result = score(comparison, answered('多4个', { docId: '000_z', start: 45, end: 60 }), both);
    expect(result).toMatchObject({ correct: true, citationCorrect: true });
  });

  it('counts recall only within the first five chunks', () => {
    const far = { docId: '001_x', start: 0, end: 10 };
    const hit = { docId: '001_x', start: 100, end: 200 };
    const response: ScorableResponse = {
      status: 'answered',
      answer: '8%以上',
      citations: [hit],
      retrieval: { chunks: [far, far, far, far, far, hit] },
    };
    expect(score(target, response).recallAt5).toBe(false);
  });

  it('scores a list in any order and fails one missing an element', () => {
    const list: Question = { ...target, kind: 'list', accept: ['武汉、宜昌、襄阳', '武汉宜昌襄阳'] };
    expect(score(list, answered('襄阳、武汉和宜昌入选')).correct).toBe(true);
    const missing = score(list, answered('武汉、宜昌入选'));
    expect(missing.correct).toBe(false);
    expect(missing.why[0]).toBe('list lacks 襄阳');
  });

  it('does not score citations against a gold quote missing from the corpus', () => {
    const result = score(target, answered('8%'), { spans: [], unlocated: [{ doc: '001_x.txt', quote: '力争工业投资增长8%以上' }] });
    expect(result).toMatchObject({ correct: true, citationCorrect: null, recallAt5: null });
    expect(result.why).toEqual(['gold quote not found in 001_x.txt: 「力争工业投资增长8%以上」']);
  });

  it('scores an ask() error as a wrong answer', () => {
    const result = scoreItem({ question: target, outcome: { error: 'boom' }, latencyMs: 3, gold });
    expect(result).toMatchObject({ status: 'error', correct: false, citationCorrect: false, why: ['ask failed: boom'] });
  });
});

describe('scoreItem on unanswerable items', () => {
  const unanswerable: Question = {
    ...target,
    id: 'u1',
    question: '湖北2026年人工智能产业规模的目标是多少？',
    answer: '文档中未提及',
    accept: [],
    numbers: [],
    doc: null,
    quote: null,
    kind: 'unanswerable',
  };
  const none: GoldLocation = { spans: [], unlocated: [] };
  const refusal = (answer: string): ScorableResponse => ({ status: 'not_found', answer, citations: [], retrieval: { chunks: [] } });

  it('accepts a clean not_found', () => {
    const result = score(unanswerable, refusal('报告中未找到2026年湖北人工智能产业规模的目标。'), none);
    expect(result).toMatchObject({ correct: true, citationCorrect: null, recallAt5: null, why: [] });
  });

  it('rejects a refusal that leaks a number in digits or Chinese numerals', () => {
    const digits = score(unanswerable, refusal('未找到2026年目标；2025年实际为1500亿元'), none);
    expect(digits.correct).toBe(false);
    expect(digits.why).toEqual(['refusal states a number: 1500亿元']);
    expect(score(unanswerable, refusal('未找到目标，现有规模约一千五百亿元'), none).correct).toBe(false);
  });

  it('rejects an answer to an unanswerable question', () => {
    const result = score(unanswerable, answered('突破1500亿元'), none);
    expect(result).toMatchObject({ correct: false, why: ['answered an unanswerable question'] });
  });
});
