import { makePeriod, type Period } from '../domain/period.js';
import type { ScoredIndicator } from '../indicators/indicator-table.js';
import type { Indicator } from '../indicators/indicator.js';
import { cite, type ComposeContext, type Composed } from './compose.js';
import { periodLabel } from './format.js';
import { isConfident, queryFor } from './indicator-match.js';
import type { ParsedQuestion } from './parse-question.js';
import { MIN_SENTENCE_COVERAGE } from './sentence-fallback.js';

const UP = '提高|加快|上升|增加|提升|扩大';
const DOWN = '回落|下降|放缓|减少|降低|收窄|回调';
// "增长11.7%，比上年提高4.1个百分点", "增速较一季度加快2.3个百分点": the figure of the baseline period follows from it.
const VERSUS_RE = new RegExp(
  `^[^。；%]{0,16}?(?:比|较)(上年|去年|上年同期|去年同期|(\\d{4})年|一季度|第一季度|上半年|前三季度)(?:同期)?(${UP}|${DOWN})了?([\\d.]+)个百分点`,
);
// "增长11%，…，高出年度目标3个百分点": the target is the figure less the margin.
const ABOVE_TARGET_RE = /^[^。；%]{0,40}?(高于|高出|超过|超出|低于)(?:预期|年度|全年|年初)?目标([\d.]+)个百分点/;

// "制造业增加值增长4.9%，快于全市规上工业0.7个百分点": the whole industry's growth follows from it.
const VERSUS_WHOLE_RE = /^[^。；%]{0,16}?(快于|高于|高出|慢于|低于)(?:全省|全市|全区|全县)(规模以上工业|规上工业|地区生产总值)(?:增加值)?(?:增速|增长)?([\d.]+)个百分点/;
const WHOLE_TERMS: Record<string, RegExp> = { 规模以上工业: /规上工业|规模以上工业/, 规上工业: /规上工业|规模以上工业/, 地区生产总值: /地区生产总值|GDP/i };

interface Derivation {
  row: Indicator;
  value: number;
  period: Period;
  how: string;
}

function decimals(...values: number[]): number {
  return Math.max(...values.map((v) => (String(v).split('.')[1] ?? '').length));
}

function baselinePeriod(row: Indicator, word: string, year: string | undefined): Period | undefined {
  const [y, from, to] = /^(\d{4})(?:-(\d{2})\.\.(\d{2}))?/.exec(row.period)?.slice(1) ?? [];
  const own = row.period.length === 4 ? makePeriod(row.year) : undefined;
  const months: [number, number] | undefined = from
    ? [Number(from), Number(to)]
    : /H1$/.test(row.period) ? [1, 6] : /Q(\d)$/.exec(row.period) ? [Number(row.period.slice(-1)) * 3 - 2, Number(row.period.slice(-1)) * 3] : undefined;
  if (word === '一季度' || word === '第一季度') return makePeriod(row.year, 1, 3);
  if (word === '上半年') return makePeriod(row.year, 1, 6);
  if (word === '前三季度') return makePeriod(row.year, 1, 9);
  const baseYear = year ? Number(year) : Number(y) - 1;
  if (own) return makePeriod(baseYear);
  return months ? makePeriod(baseYear, months[0], months[1]) : undefined;
}

function after(row: Indicator): string {
  const at = row.sentence.indexOf(row.raw);
  return at < 0 ? '' : row.sentence.slice(at + row.raw.length);
}

function derive(row: Indicator, question: ParsedQuestion, period: Period): Derivation | undefined {
  if (row.unit !== '%' || row.measure !== 'growth' || row.relatedTo) return undefined;
  const tail = after(row);
  if (question.intent === 'target') {
    const m = ABOVE_TARGET_RE.exec(tail);
    // "上半年增长12.8%，高于年度目标4.8个百分点": the margin is to the year's target, whatever span the figure covers.
    if (!m || row.year !== period.year || (period.fromMonth !== undefined && row.period !== period.key)) return undefined;
    const margin = Number(m[2]);
    const value = m[1] === '低于' ? row.value + margin : row.value - margin;
    const how = `${periodLabel(row.period)}${row.raw}、${m[1]}年度目标${m[2]}个百分点`;
    return { row, value: Number(value.toFixed(decimals(row.value, margin))), period: makePeriod(row.year), how };
  }
  const whole = VERSUS_WHOLE_RE.exec(tail);
  if (whole && WHOLE_TERMS[whole[2]].test(question.text) && !WHOLE_TERMS[whole[2]].test(row.metric) && row.period === period.key) {
    const margin = Number(whole[3]);
    const value = /快于|高于|高出/.test(whole[1]) ? row.value - margin : row.value + margin;
    return { row, value: Number(value.toFixed(decimals(row.value, margin))), period, how: `${row.metric}${row.raw}、${whole[1]}${whole[2]}${whole[3]}个百分点` };
  }
  const m = VERSUS_RE.exec(tail);
  if (!m) return undefined;
  const base = baselinePeriod(row, m[1].startsWith('20') ? '' : m[1], m[2]);
  if (!base || base.key !== period.key) return undefined;
  const change = Number(m[4]);
  const value = new RegExp(`^(${UP})$`).test(m[3]) ? row.value - change : row.value + change;
  return { row, value: Number(value.toFixed(decimals(row.value, change))), period, how: `${periodLabel(row.period)}${row.raw}、比${m[1]}${m[3]}${m[4]}个百分点` };
}

/**
 * A growth rate (or its target) the reports state only as a difference: "2025年增长11.7%，比上年提高
 * 4.1个百分点" gives 2024's 7.6%. The answer says it was computed, and cites the sentence it came from.
 */
export function answerDerived(question: ParsedQuestion, context: ComposeContext): Composed | undefined {
  if (question.periods.length !== 1 || (question.measure !== 'growth' && question.intent !== 'target')) return undefined;
  const period = question.periods[0];
  const hits = context.table
    .search({ ...queryFor(question, undefined), intent: 'any' }, 40)
    .filter((h: ScoredIndicator) => h.sentenceCoverage >= MIN_SENTENCE_COVERAGE || isConfident(h));
  for (const hit of hits) {
    const found = derive(hit.row, question, period);
    if (!found) continue;
    const used = cite(context, found.row, hit.score);
    const kind = question.intent === 'target' ? '目标' : '';
    const answer = `${periodLabel(found.period.key)}${found.row.region}${found.row.metric}${kind}约为${found.value}%（据${found.how}推算）[${used.citation}]。`;
    return { status: 'answered', answer, used: [used], related: [] };
  }
  return undefined;
}
