import { locateGold } from './gold-spans.js';
import type { Question } from './questions.js';
import { scoreItem, type AskOutcome, type ItemResult } from './score.js';
import type { EvalTarget } from './target.js';

/**
 * Asks every question in turn and scores it. Sequential on purpose: latency is measured per
 * question around ask(), and concurrent asks would measure queueing instead.
 */
export async function evaluate(
  target: EvalTarget,
  questions: Question[],
  onProgress?: (done: number, total: number) => void,
): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  // One untimed ask first, so the first scored question does not pay for JIT compilation and lazy
  // loading (jieba's dictionary, say) that every later one gets for free.
  if (questions.length > 0) await target.ask(questions[0].question, questions[0].history).catch(() => undefined);
  for (const question of questions) {
    const started = performance.now();
    let outcome: AskOutcome;
    try {
      outcome = { response: await target.ask(question.question, question.history) };
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    // Hundredths of a millisecond: finer digits are timer noise and only clutter the JSON.
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const gold = locateGold(question, (docId) => target.documentText(docId));
    results.push(scoreItem({ question, outcome, latencyMs, gold }));
    onProgress?.(results.length, questions.length);
  }
  return results;
}
