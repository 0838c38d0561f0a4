import { canonicalize } from '../domain/synonyms.js';
import { comparableUnit, findNumberMentions } from '../domain/numbers.js';
import { isRate, type Indicator } from '../indicators/indicator.js';
import { cite, notFound, type ComposeContext, type Composed } from './compose.js';
import { subjectOf, valuePhrase } from './format.js';
import { isConfident, queryFor } from './indicator-match.js';
import { describeMissing, relatedRows } from './numeric-answer.js';
import { parseQuestion, type ParsedQuestion } from './parse-question.js';

// "较一季度回落多少": 较 before a time or place is 比.
const VERSUS_SPLIT = /(?<![同环占])比(?![重例率])|较(?=上|去|同|前|[一二三四]季度|\d|全)|相比[，,]?|是否(?:超过|高于|多于|低于|少于)/;

interface Side {
  question: ParsedQuestion;
}

/**
 * The two things compared: around 比 ("A比B多几") or 与…相比, each side with its own region, year
 * and intent, falling back to the whole question's where a side names none.
 */
function sidesOf(question: ParsedQuestion): { subject: Side; base: Side; baseText: string } | undefined {
  const match = VERSUS_SPLIT.exec(question.text);
  const halves = match
    ? [question.text.slice(0, match.index), question.text.slice(match.index + match[0].length)]
    : undefined;
  const fill = (half: ParsedQuestion, fallbackPeriod: number): ParsedQuestion => ({
    ...half,
    regions: half.regions.length ? half.regions : question.regions,
    periods: half.periods.length
      ? half.periods
      : question.periods.slice(fallbackPeriod, fallbackPeriod + 1).concat(question.periods).slice(0, 1),
    terms: half.terms.length >= 2 ? half.terms : question.terms,
    focus: half.terms.length >= 2 ? half.focus : question.focus,
    measure: half.measure ?? question.measure,
    unitHint: half.unitHint ?? question.unitHint,
    intent: half.intent !== 'any' ? half.intent : question.intent === 'target' ? 'any' : question.intent,
  });
  if (halves) {
    const [left, right] = halves.map((h) => parseQuestion(h));
    const a = fill(left, 0);
    const b = fill(right, 1);
    // "与2024年相比，2025年…增加了多少": the subject follows 相比.
    return match?.[0].startsWith('相比')
      ? { subject: { question: b }, base: { question: a }, baseText: halves[0] }
      : { subject: { question: a }, base: { question: b }, baseText: halves[1] };
  }
  if (question.periods.length >= 2) {
    const sorted = [...question.periods].sort((x, y) => y.year - x.year);
    return {
      subject: { question: { ...question, periods: [sorted[0]] } },
      base: { question: { ...question, periods: [sorted[1]] } },
      baseText: `${sorted[1].year}年`,
    };
  }
  return undefined;
}

type ScoredRow = NonNullable<ReturnType<typeof best>>;

function best(context: ComposeContext, question: ParsedQuestion) {
  const hit = context.table.search(queryFor(question, question.periods[0]), 5)[0];
  return isConfident(hit) ? hit : undefined;
}

function sameFigure(x: Indicator, y: Indicator): boolean {
  return x.value === y.value && x.unit === y.unit && x.region === y.region && x.period === y.period;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A difference in the units the sources use: 万 when both figures were written in 万. */
function formatDifference(a: Indicator, b: Indicator, difference: number): string {
  const unit = comparableUnit(a.unit);
  if (/万/.test(a.raw) && /万/.test(b.raw) && Math.abs(difference) >= 1e4) return `${formatNumber(difference / 1e4)}万${unit}`;
  if (/亿/.test(a.raw) && /亿/.test(b.raw) && Math.abs(difference) >= 1e8) return `${formatNumber(difference / 1e8)}亿${unit}`;
  return `${formatNumber(difference)}${unit === '%' ? '个百分点' : unit}`;
}

function isApproximate(row: Indicator): boolean {
  return /[多余]/.test(row.raw) || /以上|左右|超|近|约|突破/.test(row.qualifier);
}

/** "A是否超过B": answer yes or no before the figures. */
function yesNoPrefix(text: string, difference: number): string {
  const asked = /(超过|高于|多于|低于|少于)/.exec(text)?.[1];
  if (!asked || !/是否|吗/.test(text)) return '';
  const wantsMore = asked === '超过' || asked === '高于' || asked === '多于';
  const holds = wantsMore ? difference > 0 : difference < 0;
  return holds ? `是，${asked}，` : `否，未${asked}，`;
}

// How a base is written in the source: "比上年", "较2020年", "高于全国", "高出年度目标".
const BASE_WORDS = /上年同期|去年同期|同期|上年|去年|上一年|\d{4}年|全国|全省|全市|全区|全县|目标|预期|[一二三四]季度|上半年|前三季度|上月|\d{1,2}[-—至]\d{1,2}月/;
const BASE_IN_SOURCE: Record<string, RegExp> = { 上年: /上年|去年|同期/, 去年: /上年|去年|同期/, 上一年: /上年|去年|同期/, 预期: /目标|预期/, 目标: /目标|预期/ };

/** "比自治区高4.3个百分点" for one margin of a list the source states in one clause. */
function listedMargin(row: Indicator): string | undefined {
  const base = /（((?:比|高于|快于|低于|慢于)[^）]+)）$/.exec(row.metric)?.[1];
  if (!base || findNumberMentions(row.phrase ?? '').length < 2) return undefined;
  return `${base}${row.raw}${row.raw.endsWith(row.unit) ? '' : row.unit}`;
}

/** A difference the source states next to the figure ("高于全国1.9个百分点"): quoted, not computed. */
function statedDifference(context: ComposeContext, subject: ScoredRow, baseText: string): Composed | undefined {
  const base = BASE_WORDS.exec(baseText)?.[0];
  // "比全部规上工业高多少": a base the source names in its own words ("较全部规上工业高出3.7个百分点").
  const named = canonicalize(baseText.replace(/(高|低|快|慢|多|少|出)*(多少|几).*$/, '').replace(/的|平均|水平|[？?，。！!\s]/g, ''));
  if (!base && named.length < 2) return undefined;
  // "比2024年" of a 2025 figure is what the source calls 比上年.
  const yearBefore = base === `${subject.row.year - 1}年`;
  const inSource = base ? BASE_IN_SOURCE[yearBefore ? '上年' : base.replace(/同期$/, '') || base] ?? new RegExp(base) : undefined;
  const states = (text: string) => (inSource ? inSource.test(text) : canonicalize(text).includes(named));
  // A margin listed with others ("比全国、自治区、全市分别高…") names its own base in its metric.
  const companions = context.table.companionsOf(subject.row.id).filter((row) => row.measure !== 'rank');
  const stated = companions.find((row) => states(row.metric)) ?? companions.find((row) => states(row.phrase ?? row.metric));
  if (!stated) return undefined;
  const usedSubject = cite(context, subject.row, subject.score);
  const usedStated = cite(context, stated, subject.score);
  const answer = `${(listedMargin(stated) ?? stated.phrase ?? valuePhrase(stated)).replace(/[。；，,;]+$/, '')}[${usedStated.citation}]：${subjectOf(subject.row)}${valuePhrase(subject.row)}[${usedSubject.citation}]。`;
  return { status: 'answered', answer, used: [usedSubject, usedStated], related: [] };
}

const YEAR_BEFORE_BASE = /^(上年|去年|上一年)(同期)?/;

/**
 * "煤炭产量比上年多产了多少" of "再增产5743万吨，达到13.78亿吨": in a year's review, an amount added
 * (增产/新增) stated in the figure's own sentence is its change over the year before.
 */
function statedChange(context: ComposeContext, subject: ScoredRow, sides: { subject: Side; baseText: string }): Composed | undefined {
  const base = sides.baseText.trim();
  const yearBefore = YEAR_BEFORE_BASE.test(base) || base.startsWith(`${subject.row.year - 1}年`);
  if (!yearBefore || (subject.row.measure !== 'level' && subject.row.measure !== 'count-change')) return undefined;
  const sameSentence = (row: Indicator, measure: Indicator['measure']) =>
    row.measure === measure &&
    row.docId === subject.row.docId &&
    row.start === subject.row.start &&
    row.region === subject.row.region &&
    row.period === subject.row.period &&
    comparableUnit(row.unit) === comparableUnit(subject.row.unit);
  const other = subject.row.measure === 'level' ? 'count-change' : 'level';
  const question: ParsedQuestion = { ...sides.subject.question, measure: other === 'level' ? undefined : other };
  const partner = context.table.search(queryFor(question, question.periods[0]), 5).find((h) => sameSentence(h.row, other));
  const partnerScored = partner && { ...subject, row: partner.row };
  if (subject.row.measure === 'count-change') return changeAnswer(context, subject, partnerScored);
  return partnerScored ? changeAnswer(context, partnerScored, subject) : undefined;
}

function changeAnswer(context: ComposeContext, change: ScoredRow, level: ScoredRow | undefined): Composed {
  const verb = /增产|减产|新增|净增|增加|减少/.exec(change.row.phrase ?? change.row.metric)?.[0] ?? '增加';
  const usedChange = cite(context, change.row, change.score);
  const usedLevel = level && cite(context, level.row, level.score);
  const total = usedLevel && level ? `：${subjectOf(level.row)}${valuePhrase(level.row)}[${usedLevel.citation}]` : '';
  const answer = `比上年${verb}${change.row.raw}[${usedChange.citation}]${total}。`;
  return { status: 'answered', answer, used: usedLevel ? [usedChange, usedLevel] : [usedChange], related: [] };
}

/** "…比…多多少" / "…增加了多少": a difference the source states, else both figures cited and the difference computed. */
export function answerDifference(question: ParsedQuestion, context: ComposeContext): Composed {
  const sides = sidesOf(question);
  if (!sides) return notFound(describeMissing(question), relatedRows(context, question));
  const a = best(context, sides.subject.question);
  // The same figure may be stated twice (a headline, then the body with its margins): any statement of it will do.
  const statements = a ? context.table.search(queryFor(sides.subject.question, sides.subject.question.periods[0]), 5).filter((h) => sameFigure(h.row, a.row)) : [];
  const stated = statements.map((s) => statedDifference(context, s, sides.baseText)).find(Boolean) ?? (a && statedChange(context, a, sides));
  if (stated) return stated;
  const b = best(context, sides.base.question);
  if (!a || !b || a.row.id === b.row.id) {
    return notFound('报告中没有找到比较双方的全部数据，无法计算差值。', relatedRows(context, question));
  }
  if (comparableUnit(a.row.unit) !== comparableUnit(b.row.unit)) {
    return notFound('比较双方的计量单位不同，无法直接计算差值。', relatedRows(context, question));
  }
  // A growth rate against a share (both in %) is no difference of one measure.
  if (a.row.measure !== b.row.measure && (isRate(a.row.measure) || isRate(b.row.measure))) {
    return notFound('比较双方不是同一口径的数字（如增速与占比），无法直接计算差值。', relatedRows(context, question));
  }
  const usedA = cite(context, a.row, a.score);
  const usedB = cite(context, b.row, b.score);
  const difference = a.row.value - b.row.value;
  const up = /增加|增长|多|提高/.test(question.text) ? (difference >= 0 ? '多' : '少') : difference >= 0 ? '多' : '少';
  const verb = /增加|减少/.test(question.text) ? (difference >= 0 ? '增加' : '减少') : up;
  const approx = isApproximate(a.row) || isApproximate(b.row) ? '约' : '';
  const amount = formatDifference(a.row, b.row, Math.abs(difference));
  const yesNo = yesNoPrefix(question.text, difference);
  const answer =
    `${yesNo}${verb}${approx}${amount}：${subjectOf(a.row)}${valuePhrase(a.row)}[${usedA.citation}]，` +
    `${subjectOf(b.row)}${valuePhrase(b.row)}[${usedB.citation}]。`;
  return { status: 'answered', answer, used: [usedA, usedB], related: [] };
}

/** "…完成了吗": the actual figure against the target for the same year. */
export function answerCheck(question: ParsedQuestion, context: ComposeContext): Composed {
  const year = [...question.periods].sort((x, y) => y.year - x.year)[0];
  const actualQuestion: ParsedQuestion = { ...question, intent: 'actual', periods: year ? [year] : [] };
  const actual = best(context, actualQuestion);
  if (!actual) return notFound(describeMissing(actualQuestion), relatedRows(context, question));
  const target = best(context, { ...question, intent: 'target', periods: year ? [year] : [] });
  const stated = findNumberMentions(question.text).find((m) => comparableUnit(m.unit) === comparableUnit(actual.row.unit));
  const targetValue = target && comparableUnit(target.row.unit) === comparableUnit(actual.row.unit) ? target.row.value : stated?.value;
  if (targetValue === undefined) return notFound('报告中没有找到可对照的目标值。', relatedRows(context, question));
  const usedActual = cite(context, actual.row, actual.score);
  const used = [usedActual];
  // A target only quoted in the question is not a source: compare with it, but do not restate it.
  let targetText = '问题所述的目标';
  if (target && target.row.value === targetValue) {
    const usedTarget = cite(context, target.row, target.score);
    used.push(usedTarget);
    targetText = `${valuePhrase(target.row)}[${usedTarget.citation}]`;
  }
  const met = actual.row.value >= targetValue;
  const answer = met
    ? `已完成：${subjectOf(actual.row)}${valuePhrase(actual.row)}[${usedActual.citation}]，达到${targetText.startsWith('问题') ? targetText : '目标' + targetText}。`
    : `未完成：${subjectOf(actual.row)}${valuePhrase(actual.row)}[${usedActual.citation}]，低于${targetText.startsWith('问题') ? targetText : '目标' + targetText}。`;
  return { status: 'answered', answer, used, related: [] };
}
