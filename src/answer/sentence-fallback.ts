import { comparableUnit, COUNT_UNITS, findNumberMentions } from '../domain/numbers.js';
import { canonicalize } from '../domain/synonyms.js';
import { meaningfulTerms, type ScoredIndicator } from '../indicators/indicator-table.js';
import type { Indicator } from '../indicators/indicator.js';
import { rowPeriodLabel, valuePhrase } from './format.js';
import type { ParsedQuestion } from './parse-question.js';

/**
 * Share of the question's term weight the sentence must hold before the number for it to state
 * what was asked. 0.6 was chosen on the development sets: 0.5–0.6 answer the most with every
 * unanswerable question still refused; 0.7–0.8 refuse answerable ones.
 */
export const MIN_SENTENCE_COVERAGE = 0.6;

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
 * The words that can name the row's figure: from the figure before it (or the sentence start) up to
 * the figure, so "新建5G基站3.1万个，集成电路产量…同比增长12.5%" gives the growth no 5G基站.
 */
function namingStretch(row: Indicator): string {
  // "船舶海工产业集聚了420多家规上企业，产业规模约占全国的25%": a share is of the sentence's subject.
  if (row.metricSide === 'after' || row.measure === 'share') return row.context;
  const at = row.context.lastIndexOf(row.raw);
  if (at < 0) return row.context;
  const before = findNumberMentions(row.context.slice(0, at));
  return row.context.slice(before.length ? before[before.length - 1].end : 0, at);
}

/**
 * The second numeric path: when no row's metric name fits the question, a sentence in the asked
 * region and period that holds the question's words before a number of the asked kind still
 * answers it, quoted as the clause that states the figure.
 */
export function sentenceFallback(question: ParsedQuestion, hits: ScoredIndicator[]): ScoredIndicator | undefined {
  // What is asked for (the words before 多少) must all be there; other words may be phrased differently.
  const focus = new Set(meaningfulTerms(question.focus));
  const fitting = hits.filter((h) => {
    // A compound the segmenter cut differently (规上工业 inside 规上工业增加值) is still in the sentence.
    const text = canonicalize(`${namingStretch(h.row)} ${h.row.metric}`).toLowerCase();
    const missing = meaningfulTerms(question.terms).filter((t) => !text.includes(t));
    if (missing.some((t) => focus.has(t)) || !shapeFits(h.row, question)) return false;
    return missing.length === 0 || h.sentenceCoverage >= MIN_SENTENCE_COVERAGE;
  });
  return fitting.sort((a, b) => b.sentenceCoverage - a.sentenceCoverage || b.score - a.score)[0];
}

/** "2024年上半年宁夏：“三个100”重点工业项目完成投资190.3亿元" — the clause itself names the figure. */
export function clauseStatement(row: Indicator): string {
  const clause = row.phrase.includes(row.raw) ? row.phrase.trim() : `${row.metric}${valuePhrase(row)}`;
  return `${rowPeriodLabel(row)}${row.region}：${clause.replace(/[。；，、]+$/, '')}`;
}
