import type { AskResponse } from '../answer.js';
import type { Passage } from './passages.js';

// Questions the indicator table answers exactly. When it finds no figure for the asked region,
// year and kind, the passages usually hold a figure for another year or kind: the very "nearby
// number" the product must never give, and one the number guard cannot tell from the right one.
const STRUCTURED = new Set(['numeric', 'difference', 'check']);

/**
 * Why the LLM should not be asked, or undefined when it should. An extractive answer is always
 * worth rephrasing from its sources; an extractive not-found is reconsidered only for passage
 * questions (lists, descriptions, entities) whose every named region and year appears in the passages.
 */
export function reasonToSkip(extractive: AskResponse, passages: Passage[]): string | undefined {
  if (passages.length === 0) return 'no passages were retrieved to ground an answer in';
  if (extractive.status === 'answered') return undefined;
  if (STRUCTURED.has(extractive.question.type)) {
    return 'the indicator table holds no figure for the asked region, period and kind; the not-found answer stands';
  }
  const text = passages.map((p) => p.text).join('\n');
  const years = extractive.question.periods.map((key) => key.slice(0, 4));
  const missing = [...new Set([...extractive.question.regions, ...years])].filter((term) => !text.includes(term));
  if (missing.length) return `no passage mentions ${missing.join('、')}; the not-found answer stands`;
  return undefined;
}
