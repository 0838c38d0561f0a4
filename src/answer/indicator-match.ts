import type { Period } from '../domain/period.js';
import type { IndicatorQuery, ScoredIndicator } from '../indicators/indicator-table.js';
import type { ParsedQuestion } from './parse-question.js';

/** Below these a row is a different metric that happens to share words with the question. */
export const MIN_COVERAGE = 0.62;
export const MIN_METRIC_COVERAGE = 0.3;

export const MIN_METRIC_PRECISION = 0.75;

/** Enough of the question is found around the number, and the number's own name is (mostly) what was asked. */
export function isConfident(hit: ScoredIndicator | undefined): hit is ScoredIndicator {
  if (hit === undefined) return false;
  if (hit.coverage >= MIN_COVERAGE) return hit.metricCoverage >= MIN_METRIC_COVERAGE || hit.metricPrecision >= MIN_METRIC_PRECISION;
  // Extra words in the question (who asks, in which document) may lower coverage when the metric itself is an exact fit.
  return hit.coverage >= 0.5 && hit.metricPrecision >= 0.95 && hit.metricCoverage >= 0.4;
}

export function queryFor(question: ParsedQuestion, period: Period | undefined): IndicatorQuery {
  return {
    terms: question.terms,
    focus: question.focus,
    regions: question.regions,
    period,
    intent: question.intent,
    measure: question.measure,
    unitHint: question.unitHint,
    fullYearOnly: question.fullYearOnly,
    severalYears: question.severalYears,
    span: question.span,
  };
}
