import { comparableUnit, COUNT_UNITS } from '../domain/numbers.js';
import type { ScoredIndicator } from '../indicators/indicator-table.js';
import type { Indicator } from '../indicators/indicator.js';
import { periodLabel, valuePhrase } from './format.js';
import type { ParsedQuestion } from './parse-question.js';

/**
 * Share of the question's term weight the sentence must hold before the number for it to state
 * what was asked; chosen on the development sets (eval/README: refusals vs answers).
 */
export const MIN_SENTENCE_COVERAGE = 0.8;

/** The number's kind fits the way the question asks: a growth rate for 增速, a count for 多少家. */
function shapeFits(row: Indicator, question: ParsedQuestion): boolean {
  if (row.relatedTo) return false;
  if (question.measure) {
    if (row.measure !== question.measure && !(question.measure === 'count-change' && row.measure === 'level')) return false;
  } else if (row.measure !== 'level' && row.measure !== 'count-change') {
    return false;
  }
  if (/^(个月|年|天)$/.test(row.unit) && question.unitHint !== row.unit) return false;
  if (question.unitHint) {
    const hint = comparableUnit(question.unitHint);
    const unit = comparableUnit(row.unit);
    if (unit !== hint && (COUNT_UNITS.has(hint) !== COUNT_UNITS.has(unit) || unit === '%')) return false;
  }
  return true;
}

/**
 * The second numeric path: when no row's metric name fits the question, a sentence in the asked
 * region and period that holds the question's words before a number of the asked kind still
 * answers it, quoted as the clause that states the figure.
 */
export function sentenceFallback(question: ParsedQuestion, hits: ScoredIndicator[]): ScoredIndicator | undefined {
  const fitting = hits.filter((h) => h.sentenceCoverage >= MIN_SENTENCE_COVERAGE && shapeFits(h.row, question));
  return fitting.sort((a, b) => b.sentenceCoverage - a.sentenceCoverage || b.score - a.score)[0];
}

/** "2024年上半年宁夏：“三个100”重点工业项目完成投资190.3亿元" — the clause itself names the figure. */
export function clauseStatement(row: Indicator): string {
  const clause = row.phrase.includes(row.raw) ? row.phrase.trim() : `${row.metric}${valuePhrase(row)}`;
  return `${periodLabel(row.period)}${row.region}：${clause.replace(/[。；，、]+$/, '')}`;
}
