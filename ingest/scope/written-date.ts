import { findTimeExpressions, fiveYearPlanEnd } from '../../src/domain/time-expressions.js';
import type { Paragraph } from '../paragraphs.js';
import { isSourceLine } from './articles.js';

/** When an article was written, and the cue it was read from. */
export interface WrittenDate {
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  date: string;
  how: string;
}

const pad = (n: number | string) => String(n).padStart(2, '0');
const validMonth = (m: number) => m >= 1 && m <= 12;
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

// "公开日期: | 2019-04-23": a government disclosure page's metadata table.
const PUBLISHED_RE = /((?:发布|发表|更新|公开|成文|印发)(?:日期|时间)\s*[:：]?|(?:日期|时间)\s*[:：])[\s|；;]*(\d{4}|\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
// "2021-12-02 来源:…", "( 2023-07-24 ) 稿件来源:…".
const DATE_LINE_RE = /^\s*[（(]?\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s|$|[^\d]|\d{1,2}[:：])/;
// An e-paper header writes it "吉林日报/2025年/8月/6日/第006版".
const CN_DATE_RE = /(\d{4})年\/?(\d{1,2})月\/?(\d{1,2})日/;
// Dates in the path of the address an article was copied from: /20250123/, /202410/, /2025/07/25/, t20250205_.
const URL_DATE_RE = /[/_t](20[0-4]\d)[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?=[/_.\-]|$|\d)/g;
const FOOTER_DATE_RE = /(20\d{2})-(\d{1,2})-(\d{1,2})\s*$/;
const SOURCE_DATE_RE = /[,，\s](20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/;
// A dated lead or byline: "1月21日,", "新华社大连1月23日电", "本报讯 10月23日下午".
const LEAD_RE = /(?:^|[^\d年])(\d{1,2})月(\d{1,2})日(?=电|讯|[,，、\s]|上午|下午|晚|从|在|召开|举行|开幕|发布|获悉|\||\d{1,2}[时:：])/;
const CONFERENCE_RE = /(20\d{2})年(?:全[省区市县州盟])?[\u4e00-\u9fa5“”]{0,14}?(?:工作会议|工作会|大会|会议|发布会)/;
// Years that are not a reported period: targets (到2027年), baselines (较2020年) and spans (2021年以来).
// A span's end year ("2023-2026年度") is not reported either.
const NOT_REPORTED_BEFORE_RE = /(到|至|力争|争取|目标|预计|计划|确保|要在|将在|于|较|比|与|同|自|从|相比|对比|\d{4}[-—–~])$/;
const TARGET_AFTER_RE = /^.{0,6}(目标|计划|预期|力争|规划)/;
const NOT_REPORTED_AFTER_RE = new RegExp(`${TARGET_AFTER_RE.source}|^(?:以来|以前|前|底|末|同期|相比|的)`);

/** Explicit years (2025年…), without those that follow a target or baseline word (到2027年, 较2020年). */
function namedYears(text: string) {
  return findTimeExpressions(text, { writtenYear: 0, sectionYear: 0 }).filter(
    (t) =>
      t.explicitYear &&
      // "记者从2024年一季度…新闻发布会上获悉": 从 names where the news came from, not a start.
      (!NOT_REPORTED_BEFORE_RE.test(text.slice(Math.max(0, t.start - 5), t.start)) || (/从$/.test(text.slice(0, t.start)) && EVENT_AFTER_RE.test(text.slice(t.end)))),
  );
}

const EVENT_AFTER_RE = /^[^，。；]{0,25}(新闻发布会|发布会|会议|会上)/;
// "…年一季度国民经济运行情况新闻发布会": a period whose results are being announced is over.
const REPORTED_RE = /同比|比上年|较上年|比去年|较去年|增长了|实现|完成|达到|达\d|突破|累计|创历史|高于全国|居全国|排名|运行情况(新闻)?发布会/;
const PLANNED_RE = /力争|目标|预期|计划|左右|争取|确保|要|将|拟|提出|到20\d{2}年/;
const PLANNED_NOT_APPROX_RE = new RegExp(PLANNED_RE.source.replace('左右|', ''));
// "聚焦今年，…列入主要预期目标": the text sets this year's targets, so the years it reports are over.
const THIS_YEAR_TARGETS_RE = /今年[^。\n]{0,50}(目标|力争|预期)|(目标|力争|预期)[^。\n]{0,20}今年/;

/**
 * The earliest month an article can have been written in: after the end of every period it reports
 * as done ("2025年,全市…比上年增长4.8%" is written in 2026 at the earliest). Targets, baselines
 * (较2020年) and spans (2021年以来) do not count.
 */
export function earliestWritten(text: string, approxReported = false): { year: number; month: number } | undefined {
  const planned = approxReported ? PLANNED_NOT_APPROX_RE : PLANNED_RE;
  let best: { year: number; month: number } | undefined;
  for (const t of namedYears(text)) {
    if (NOT_REPORTED_AFTER_RE.test(text.slice(t.end, t.end + 8))) continue;
    // A plan period is looked back on in its own last year (planReviewYear), not only after it.
    if (/十[一二三四五六七八九]五/.test(text.slice(t.start, t.end))) continue;
    const clause = /^[^。；\n]{0,80}/.exec(text.slice(t.end))?.[0] ?? '';
    // "2023年，在县委…领导下，…。全县工业企业实现开票销售…同比增长21.54%": a year opening its paragraph dates what follows.
    const paragraph = /^[，,]/.test(text.slice(t.end)) && /(^|\n)$/.test(text.slice(Math.max(0, t.start - 1), t.start)) ? (/^[^\n]{0,200}/.exec(text.slice(t.end))?.[0] ?? '') : clause;
    const reported = REPORTED_RE.test(paragraph) || (approxReported && /增长\d/.test(clause));
    if (!reported || planned.test(clause)) continue;
    const end = t.period.toMonth ?? 12;
    const next = end === 12 ? { year: t.period.year + 1, month: 1 } : { year: t.period.year, month: end + 1 };
    if (!best || next.year * 12 + next.month > best.year * 12 + best.month) best = next;
  }
  return best;
}

/**
 * The year of a lead that gives only month and day: the conference it reports on, else the latest
 * year it names, moved on a year when something it reports as done ends after the lead's month.
 */
function leadYear(text: string, month: number): number | undefined {
  const conference = CONFERENCE_RE.exec(text);
  if (conference) return Number(conference[1]);
  let named: number | undefined;
  for (const t of namedYears(text)) {
    if (TARGET_AFTER_RE.test(text.slice(t.end, t.end + 8))) continue;
    named = Math.max(named ?? 0, t.period.year);
  }
  // "较2024年同期提高": the period reported is the year after its baseline.
  for (const m of text.matchAll(/(?:较|比|与)(20\d{2})年同期/g)) named = Math.max(named ?? 0, Number(m[1]) + 1);
  // Early in a year whose targets it sets, "增长5.5%左右" of a named year is that year's preliminary result.
  const earliest = earliestWritten(text, month <= 3 && THIS_YEAR_TARGETS_RE.test(text));
  const after = earliest && (month >= earliest.month ? earliest.year : earliest.year + 1);
  const year = Math.max(named ?? 0, after ?? 0, planReviewYear(text) ?? 0);
  return year || undefined;
}

/** Reads the written date of an article from its first lines; undefined when nothing says. */
export function inferWrittenDate(paragraphs: Paragraph[]): WrittenDate | undefined {
  const head = paragraphs.slice(0, 6);
  for (const p of head) {
    const m = PUBLISHED_RE.exec(p.text);
    if (m && validMonth(Number(m[3]))) return { date: `${fullYear(m[2])}-${pad(m[3])}-${pad(m[4])}`, how: `${m[1].replace(/[\s:：]/g, '')} line` };
  }
  for (const [i, p] of head.entries()) {
    const m = DATE_LINE_RE.exec(p.text);
    if (m && validMonth(Number(m[2])) && p.text.length <= 40) return { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, how: 'date line' };
    // A page header split over lines: "2024" / "09/04" / "15:54".
    const next = head[i + 1]?.text.trim() ?? '';
    const split = /^(\d{1,2})\/(\d{1,2})$/.exec(next);
    if (/^\s*20\d{2}\s*$/.test(p.text) && split && validMonth(Number(split[1]))) {
      return { date: `${p.text.trim()}-${pad(split[1])}-${pad(split[2])}`, how: 'date lines' };
    }
  }
  // "- 2022年10月份统计月报 2022-11-22": a page footer dates the page when its head does not.
  for (const p of paragraphs.slice(-2)) {
    const m = FOOTER_DATE_RE.exec(p.text);
    if (m && validMonth(Number(m[2])) && p.text.length <= 60 && !isSourceLine(p.text)) return { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, how: 'date at the end of the page' };
  }
  const source = head.find((p) => isSourceLine(p.text));
  // "/202311/t20231107_1.html": the fullest date in the address wins.
  const urlDates = source ? [...source.text.matchAll(URL_DATE_RE)] : [];
  // "来源: 某网(转载…), 2025-02-26": a date written after the source itself.
  const stated = source ? SOURCE_DATE_RE.exec(source.text) : null;
  if (stated && validMonth(Number(stated[2]))) return { date: `${stated[1]}-${pad(stated[2])}-${pad(stated[3])}`, how: 'date on the source line' };
  const url = urlDates.find((m) => m[3]) ?? urlDates[0];
  if (url) return { date: url[3] ? `${url[1]}-${url[2]}-${url[3]}` : `${url[1]}-${url[2]}`, how: 'date in the source address' };
  const lead = head.filter((p) => !isSourceLine(p.text)).slice(0, 3);
  for (const p of lead) {
    const m = CN_DATE_RE.exec(p.text);
    if (m && validMonth(Number(m[2]))) return { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, how: 'YYYY年M月D日 in the lead' };
  }
  const articleText = paragraphs.map((p) => p.text).join('\n');
  for (const p of lead.slice(0, 2)) {
    const m = LEAD_RE.exec(p.text);
    if (!m || !validMonth(Number(m[1]))) continue;
    const year = leadYear(articleText, Number(m[1]));
    if (year) return { date: `${year}-${pad(m[1])}-${pad(m[2])}`, how: 'dated lead, year from the periods it reports' };
  }
  const earliest = earliestWritten(articleText);
  if (earliest) return { date: `${earliest.year}-${pad(earliest.month)}`, how: 'just after the latest period it reports as done' };
  return undefined;
}

/** A look back on a whole plan period ("“十四五”时期…取得") is written in its last year at the earliest. */
function planReviewYear(text: string): number | undefined {
  let year: number | undefined;
  for (const m of text.matchAll(/(十[一二三四五]五)[”"]?(?:时期|期间)/g)) {
    const last = fiveYearPlanEnd(m[1]);
    if (last && !/(谋划|编制|开局|迈向|展望)$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index))) year = Math.max(year ?? 0, last);
  }
  return year;
}
