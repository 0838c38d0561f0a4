import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { locateGold } from '../../eval/gold-spans.js';
import { loadQuestions } from '../../eval/questions.js';
import { scoreItem, type ScorableResponse } from '../../eval/score.js';

// The scorer must give full marks to the gold answers themselves, cited at the gold spans of the
// real seeds; anything less is a scorer bug (or a gold-data bug) rather than a pipeline one.
describe('the dev set scored against its own gold answers', async () => {
  const questions = await loadQuestions(['eval/dev.jsonl']);
  const texts = new Map<string, string>();
  for (const doc of new Set(questions.flatMap((question) => (question.doc ? [question.doc] : [])))) {
    texts.set(doc, await readFile(`seeds/${doc}`, 'utf8'));
  }

  it.each(questions.map((question) => [question.id, question] as const))('%s', (_id, question) => {
    const gold = locateGold(question, (doc) => texts.get(doc));
    expect(gold.unlocated).toEqual([]);
    const cited = gold.spans.slice(0, 1).map((span) => ({ docId: span.doc, start: span.start, end: span.end }));
    const response: ScorableResponse = {
      status: question.kind === 'unanswerable' ? 'not_found' : 'answered',
      answer: question.answer,
      citations: cited,
      retrieval: { chunks: cited },
    };
    const result = scoreItem({ question, outcome: { response }, latencyMs: 1, gold });
    expect(result.why).toEqual([]);
    expect(result.correct).toBe(true);
  });
});
