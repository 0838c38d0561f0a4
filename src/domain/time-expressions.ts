import { parseChineseInteger } from './numbers.js';
import { makePeriod, type Period } from './period.js';

/** What relative expressions (今年, 1—11月) are resolved against. */
export interface TimeContext {
  /** Year the text was written in (今年). */
  writtenYear: number;
  /** Month the text was written in, when known: decides the year of a bare "1—11月". */
  writtenMonth?: number;
  /** Year of the surrounding section, for bare month ranges and 全年. */
  sectionYear: number;
  /** Year the paragraph is talking about, when it named one: what 全年 means there. */
  discussedYear?: number;
}

export interface TimeExpression {
  start: number;
  end: number;
  period: Period;
  /** True when the expression named a year explicitly (2025年…). */
  explicitYear: boolean;
}

/** "过去四年", "近五年", "四年来": a span of several years (过去一年 is one). */
export const SEVERAL_YEARS = /(过去|近|这)([二三四五六七八九十两]|[2-9]|\d{2})年|([二三四五六七八九十两]|[2-9]|\d{2})年来/;

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const DASH = '[—\\-–~至到]';
// "1-4月", "1月至4月", "元至六月" (元月 is January).
const MONTH_NUMBER = '\\d{1,2}|十[一二]|[一二三四五六七八九十]';
const SUB_YEAR = `(?:(${MONTH_NUMBER}|元)月?${DASH}(${MONTH_NUMBER})月(?:份)?|(上半年|下半年|前三季度|前\\d{1,2}个?月|前[一二三四五六七八九十]{1,2}个?月)|第?([一二三四])季度|(\\d{1,2})月(末|底|份当月|当月|份)?)`;
const TIME_RE = new RegExp(
  `(\\d{4})年(?:${SUB_YEAR})?|${SUB_YEAR}|(今年|明年|去年|上年|当年|全年)(?:${SUB_YEAR})?`,
  'g',
);

const MONTH_STATISTIC = /^[，,]?(全[省市区县国]|规模以上|规上|工业增加值|制造业增加值|同比增长|增长\d)/;

function monthNumber(text: string): number {
  return text === '元' ? 1 : parseChineseInteger(text) ?? Number(text);
}

function subYearRange(
  fromTo: [string | undefined, string | undefined],
  named: string | undefined,
  quarter: string | undefined,
  month: string | undefined,
  monthSuffix: string | undefined,
): [number, number] | undefined | null {
  if (fromTo[0] && fromTo[1]) return [monthNumber(fromTo[0]), monthNumber(fromTo[1])];
  if (named === '上半年') return [1, 6];
  if (named === '下半年') return [7, 12];
  if (named === '前三季度') return [1, 9];
  const firstMonths = named ? /^前(.+?)个?月$/.exec(named) : null;
  if (firstMonths) {
    const months = parseChineseInteger(firstMonths[1]);
    if (months && months <= 12) return [1, months];
  }
  if (quarter) {
    const q = QUARTERS[quarter];
    return [q * 3 - 2, q * 3];
  }
  if (month) {
    // "10月末"/"至10月" is year-to-date; "10月份上线" is a point in time, not a period.
    if (monthSuffix?.endsWith('当月')) return [Number(month), Number(month)];
    return monthSuffix === '末' || monthSuffix === '底' ? [1, Number(month)] : null;
  }
  return undefined;
}

/** Year a bare month range (no year written) refers to, given when the text was written. */
function yearOfBareRange(toMonth: number, context: TimeContext): number {
  if (context.writtenMonth !== undefined) {
    return toMonth < context.writtenMonth || context.writtenYear === context.sectionYear
      ? context.writtenYear
      : context.writtenYear - 1;
  }
  return context.sectionYear;
}

// "2023年1月至2023年11月", "2024年1月至11月": one span, written out in full.
const SPELLED_RANGE_RE = new RegExp(`(\\d{4})年(\\d{1,2})月(?:份)?${DASH}(?:(\\d{4})年)?(\\d{1,2})月(?:份)?`, 'g');

// "“十五五”时期", "十四五期间", "十四五末": a five-year plan's span, dated by its last year (its targets are for then).
// "实施“十四五”规划目标任务的关键之年" names the plan, not a time: only 时期/期间/末 make it one.
const FIVE_YEAR_PLAN_RE = /[“"‘]?十([一二三四五六七八九])五[”"’]?(?:规划)?(?:时期|期间|末)/g;
const PLAN_ORDINAL: Record<string, number> = { 一: 11, 二: 12, 三: 13, 四: 14, 五: 15, 六: 16, 七: 17, 八: 18, 九: 19 };

/** The last year of the n-th five-year plan: the 6th ran 1981–1985. */
function fivePlanEndYear(ordinal: number): number {
  return 1985 + 5 * (ordinal - 6);
}

/** "十四五" → 2025, the plan's last year; undefined for anything else. */
export function fiveYearPlanEnd(name: string): number | undefined {
  const ordinal = /^十([一二三四五六七八九])五$/.exec(name)?.[1];
  return ordinal ? fivePlanEndYear(PLAN_ORDINAL[ordinal]) : undefined;
}

/** "2024年一季度增长7.1%，…，全年增长6.6%": 全年 is the year last named before it in the text. */
function yearBefore(found: TimeExpression[], at: number, text: string): number | undefined {
  // "今年，…力争一季度增长5.5%，为全年增长…": 今年 and 明年 carry on the same way (去年 is mostly a baseline: 较去年同期).
  const namesYear = (t: TimeExpression) => t.explicitYear || /^(今年|明年)/.test(text.slice(t.start, t.end));
  return found.filter((t) => namesYear(t) && t.end <= at).sort((a, b) => b.end - a.end)[0]?.period.year;
}

export function findTimeExpressions(text: string, context: TimeContext): TimeExpression[] {
  const found: TimeExpression[] = [];
  for (const m of text.matchAll(FIVE_YEAR_PLAN_RE)) {
    found.push({ start: m.index, end: m.index + m[0].length, period: makePeriod(fivePlanEndYear(PLAN_ORDINAL[m[1]])), explicitYear: true });
  }
  const spelled: Array<[number, number]> = [];
  for (const m of text.matchAll(SPELLED_RANGE_RE)) {
    const year = Number(m[1]);
    const from = Number(m[2]);
    const to = Number(m[4]);
    if ((m[3] && Number(m[3]) !== year) || from > to || to > 12) continue;
    found.push({ start: m.index, end: m.index + m[0].length, period: makePeriod(year, from, to), explicitYear: true });
    spelled.push([m.index, m.index + m[0].length]);
  }
  for (const match of text.matchAll(TIME_RE)) {
    if (spelled.some(([a, b]) => match.index >= a && match.index < b)) continue;
    const start = match.index;
    const end = start + match[0].length;
    // "6月全省规上工业增加值增长16.8%": a month opening a statistic is that month's figure ("8月盛夏" is not).
    // "其中10月份增加值同比增长7.3%": after 其中 too, a month opening its clause is that month.
    const opensClause =
      (start === 0 || /[，。；：,;\n]/.test(text[start - 1]) || /[，,]?其中$/.test(text.slice(Math.max(0, start - 3), start))) &&
      /^(全[省市区县国]|规模以上|规上|工业|制造业|全社会|同比增长|增长\d|增加值)/.test(text.slice(end));
    const [, yearText, f1, t1, n1, q1, m1, s1, f2, t2, n2, q2, m2, s2, relative, f3, t3, n3, q3, m3, s3] = match;
    if (yearText) {
      const year = Number(yearText);
      if (year < 1900 || year > 2100) continue;
      // "2022年10月规上工业增加值增长多少", "2024年10月，全市规上工业…": that month's figure (not after 截至).
      const monthFigure =
        m1 && (!s1 || s1 === '份') && !/[至到止]$/.test(text.slice(Math.max(0, start - 1), start)) && MONTH_STATISTIC.test(text.slice(end));
      const range = subYearRange([f1, t1], n1, q1, m1, s1) ?? (monthFigure ? [Number(m1), Number(m1)] : null);
      found.push({ start, end, period: range ? makePeriod(year, range[0], range[1]) : makePeriod(year), explicitYear: true });
      continue;
    }
    if (relative) {
      const year =
        relative === '今年' ? context.writtenYear
        : relative === '明年' ? context.writtenYear + 1
        : relative === '去年' || relative === '上年' ? context.writtenYear - 1
        : relative === '全年' ? yearBefore(found, start, text) ?? context.discussedYear ?? context.sectionYear
        : context.sectionYear;
      // "今年一季度": the sub-period belongs to the year just named.
      const range = subYearRange([f3, t3], n3, q3, m3, s3);
      found.push({ start, end, period: range ? makePeriod(year, range[0], range[1]) : makePeriod(year), explicitYear: false });
      continue;
    }
    const range = subYearRange([f2, t2], n2, q2, m2, s2) ?? (m2 && (!s2 || s2 === '份') && opensClause ? [Number(m2), Number(m2)] : null);
    if (!range) continue;
    // "10月" right after a digit run is part of a date like 2025-10; a lone "N月" is skipped above.
    // "2024年一季度增长7.1%，上半年增长6.2%": a bare span goes on in the year just named.
    const year = yearBefore(found, start, text) ?? yearOfBareRange(range[1], context);
    found.push({ start, end, period: makePeriod(year, range[0], range[1]), explicitYear: false });
  }
  return found.sort((a, b) => a.start - b.start);
}
