import type { Period } from '../domain/period.js';
import type { ScoredIndicator } from '../indicators/indicator-table.js';
import { isRate, type Indicator } from '../indicators/indicator.js';
import { comparableUnit } from '../domain/numbers.js';
import { cite, notFound, type ComposeContext, type Composed } from './compose.js';
import { subjectOf, valuePhrase } from './format.js';
import { clauseStatement, sentenceFallback } from './sentence-fallback.js';
import { answerDerived } from './derived-answer.js';
import { isConfident, queryFor } from './indicator-match.js';
import type { ParsedQuestion } from './parse-question.js';

/** The text of a rank or "高于全国" row without the figure it qualifies: "居工业大省第4位". */
function companionText(row: Indicator, main: Indicator): string {
  const at = row.phrase.indexOf(main.raw);
  const text = at >= 0 ? row.phrase.slice(at + main.raw.length) : row.phrase;
  return text.replace(/^[、，和及以上左右]+/, '').replace(/[。；，]+$/, '');
}

function statedIn(text: string, raw: string): boolean {
  const at = text.indexOf(raw);
  return at >= 0 && !/[\d.]/.test(text[at - 1] ?? '') && !/[\d.]/.test(text[at + raw.length] ?? '');
}

const LEVEL_RE = /(世界|国家|国|省|市|县|区)级/g;

/** "国家级绿色工厂" is not answered by "省级绿色工厂": an asked level must be the row's, when the row names one. */
function levelConflict(question: string, metric: string): boolean {
  const levels = (text: string) => new Set([...text.matchAll(LEVEL_RE)].map((m) => m[1].replace(/^国$/, '国家')));
  const asked = levels(question);
  const named = levels(metric);
  if (asked.size === 0 || named.size === 0) return false;
  return ![...asked].some((level) => named.has(level));
}

/** "高出年度目标3个百分点": a margin over another figure, not the figure itself. */
function isMargin(row: Indicator): boolean {
  // A change against a base ("比上年提高1.9个百分点") tied to its figure is a margin too.
  return /百分点$/.test(row.unit) && (/(高于|高出|低于|快于|慢于|超出|超过|领先)/.test(row.metric) || (row.relatedTo !== undefined && /[比较]/.test(row.metric)));
}

function asksMargin(question: ParsedQuestion): boolean {
  // "完成目标了吗" is answered by the margin over the target.
  return question.type === 'check' || question.type === 'difference' || /百分点|高于|高出|低于|快于|慢于|超出|领先|高多少|快多少|提高多少|提升多少|加快多少|回落多少|(完成|实现|达到).{0,12}(吗|没有)/.test(question.text);
}

/** "增速是多少" is never answered by a count or an amount (183.6万辆), whatever the words shared. */
function measureConflict(question: ParsedQuestion, row: Indicator): boolean {
  if (!isRate(question.measure) || row.measure === question.measure) return false;
  // A growth rate and a share are both percentages, and still never answer for each other.
  return !/%|百分点|‰/.test(row.unit) || isRate(row.measure);
}

const ASKS_RATE = /百分点|%|比重|占比|比例|率|增长|增速|增幅|下降|提高|回落|加快/;

/** Other rows stating the same figure for the same region and period (a bullet box repeating the body text). */
function corroborating(hits: ScoredIndicator[], chosen: Indicator): ScoredIndicator[] {
  return hits.filter(
    (h) =>
      h.row.id !== chosen.id &&
      !h.row.relatedTo &&
      h.row.value === chosen.value &&
      comparableUnit(h.row.unit) === comparableUnit(chosen.unit) &&
      h.row.region === chosen.region &&
      h.row.period === chosen.period &&
      isConfident(h),
  );
}

function statement(
  context: ComposeContext,
  found: ScoredIndicator,
  withSubject: boolean,
  hits: ScoredIndicator[] = [],
): { text: string; used: ReturnType<typeof cite>[] } {
  // A rank or "高于全国" row is stated together with the figure it qualifies.
  const owner = found.row.relatedTo ? context.table.get(found.row.relatedTo) : undefined;
  const hit = owner ? { ...found, row: owner } : found;
  const main = cite(context, hit.row, hit.score);
  const companions = context.table.companionsOf(hit.row.id);
  // Two ranks in one clause ("居全国第10、经济十强省第2") are stated once.
  const extra = [...new Set(companions.map((c) => companionText(c, hit.row)))].map((t) => `，${t}`).join('');
  const used = [main, ...companions.map((c) => ({ ...c, citation: main.citation }))];
  const also = corroborating(hits, hit.row).map((h) => cite(context, h.row, h.score));
  const markers = [main, ...also].map((u) => `[${u.citation}]`).join('');
  // "同比增长7.7%" and "同比下降42.1%" read as one phrase: a colon after the verb would part it from its number.
  const subject = withSubject ? `${subjectOf(hit.row)}${/(增长|下降|减少|回落|降低|提高|提升)$/.test(subjectOf(hit.row)) ? '' : '：'}` : '';
  return { text: `${subject}${valuePhrase(hit.row)}${extra}${markers}`, used: [...used, ...also] };
}

/** "突破9万亿元，达9.01万亿元": the exact figure the same clause states beside its milestone. */
function exactOverBound(hit: ScoredIndicator, hits: ScoredIndicator[]): ScoredIndicator {
  if (!/^(突破|超过|超)/.test(hit.row.qualifier)) return hit;
  const exact = hits.find(
    (h) =>
      h.row.id !== hit.row.id &&
      h.row.start === hit.row.start &&
      h.row.metric === hit.row.metric &&
      comparableUnit(h.row.unit) === comparableUnit(hit.row.unit) &&
      h.row.value >= hit.row.value &&
      !/^(突破|超过|超|近|约)/.test(h.row.qualifier),
  );
  return exact ?? hit;
}

/** Rows the reports do hold for the asked metric, when the asked year, region or kind is missing. */
export function relatedRows(context: ComposeContext, question: ParsedQuestion): ReturnType<typeof cite>[] {
  const hits = context.table.search({ ...queryFor(question, undefined), intent: 'any' }, 5).filter(isConfident).slice(0, 3);
  return hits.map((h) => cite(context, h.row, h.score));
}

export function describeMissing(question: ParsedQuestion): string {
  const region = question.regions.length ? question.regions.join('、') : '';
  const kind = question.intent === 'target' ? '目标' : question.intent === 'forecast' ? '预计' : '';
  return `报告中没有找到${region}所问时期的该项${kind}数据，无法给出数字。`;
}

/** A numeric question answered from the indicator table, one statement per asked period. */
export function answerNumeric(question: ParsedQuestion, context: ComposeContext): Composed {
  const periods: Array<Period | undefined> = question.periods.length ? question.periods : [undefined];
  const parts: string[] = [];
  const usedRows: ReturnType<typeof cite>[] = [];
  for (const period of periods) {
    // "15个主平台新承接…项目多少个": a figure the question itself states is not the one asked for.
    const hits = context.table
      .search(queryFor(question, period), 30)
      .filter((h) => !statedIn(question.text, h.row.raw) && !(isMargin(h.row) && !asksMargin(question)) && !levelConflict(question.text, h.row.metric) && !measureConflict(question, h.row))
      // "全年增长多少" asks what the year came to; its target is no answer unless asked for.
      .filter((h) => !(question.fullYearOnly && question.intent === 'any' && h.row.modality === 'target'))
      // "完成了多少" is not answered by "居全国第7位": a rank answers only a question about rank.
      .filter((h) => h.row.measure !== 'rank' || question.measure === 'rank')
      // "新增了几户" is never answered by a percentage (unless it asks a rate: 几个百分点, 增长多少).
      .filter((h) => !(question.unitHint && !ASKS_RATE.test(question.text) && /%|百分点|‰/.test(h.row.unit)));
    // "产量有多少" asks the level: a confident level row outranks the same metric's growth.
    const top = hits[0]?.row;
    const change = top !== undefined && (top.measure === 'growth' || /(增长|增加|提高|翻番)$/.test(top.metric));
    const level = question.measure === undefined && change ? hits.find((h) => h.row.measure === 'level' && !/(增长|增加|提高)$/.test(h.row.metric) && isConfident(h)) : undefined;
    const hit = level ?? (hits[0] && exactOverBound(hits[0], hits));
    if (!isConfident(hit)) {
      const fallback = sentenceFallback(question, hits);
      if (fallback) {
        const used = cite(context, fallback.row, fallback.score);
        parts.push(`${clauseStatement(fallback.row)}[${used.citation}]`);
        usedRows.push(used);
        continue;
      }
      const derived = periods.length === 1 ? answerDerived(question, context) : undefined;
      if (derived) return derived;
      if (periods.length > 1) continue;
      const related = relatedRows(context, question);
      const hint = related.length ? '报告中有该指标其他时期、地区或口径的数据，见相关指标。' : '';
      return notFound(describeMissing(question) + hint, related);
    }
    const s = statement(context, hit, true, hits);
    parts.push(s.text);
    usedRows.push(...s.used);
  }
  if (parts.length === 0) return notFound(describeMissing(question), relatedRows(context, question));
  const periodNote = periods.length > 1 && parts.length < periods.length ? '（其余时期报告未给出）' : '';
  return { status: 'answered', answer: `${parts.join('；')}${periodNote}。`, used: usedRows, related: [] };
}

