import type { Premise } from '../premise-check.js';
import { AMOUNT_OF_COUNTED, CATEGORY_HEADS, COMPLETE_METRICS, COUNTED_THINGS, HEAD_NOUNS, headNounOf, withHeadNoun } from '../../domain/head-nouns.js';
import { makePeriod, type Period } from '../../domain/period.js';
import { findRegionMentions, type RegionMention } from '../../domain/regions.js';
import { findTimeExpressions, SEVERAL_YEARS, type TimeExpression } from '../../domain/time-expressions.js';
import {
  ASKS_SOURCE,
  DIFFERENCE_VERB,
  GROWTH_OVER_LAST_YEAR,
  FOLLOW_UP_CLOSING,
  FOLLOW_UP_NON_METRIC,
  FOLLOW_UP_OPENING,
  FOLLOW_UP_PRONOUN,
  KIND_WORDS,
  MEASURE_WORDS,
} from '../../domain/question-words.js';
import { periodLabel } from '../format.js';
import { normalizeQuestion } from '../normalize-question.js';
import { parseQuestion } from '../parse-question.js';

/** What a follow-up took over from the conversation, for the answer's "（按上文：…）" note. */
export interface Inherited {
  regions?: string[];
  period?: string;
  metric?: string;
  kind?: string;
}

export interface Resolution {
  /** The question the pipeline answers: the follow-up written out in full. */
  question: string;
  followUp: boolean;
  inherited: Inherited;
  /** "这个数字出自哪份报告？": the sources of the previous answer are asked, not a figure. */
  asksSource: boolean;
  /**
   * The question without the kind it inherited: "2026年目标是多少" → "那2025年呢？" asks about 2025,
   * whose figure a review states as done, not as a target. Tried only when the question finds nothing.
   */
  withoutInheritedKind?: string;
  /** "…增长15.5%，出自哪份材料？": the figure the question itself states, checked against the one found. */
  claim?: Premise;
}

// The run that asks for the figure: "是多少", "多少个", "目标是多少" keeps its kind word in the subject.
const QUESTION_WORDS = /(?:的)?(?:是|为|有|约|大约|大概|达到了?|达|能达到|完成了?|实现了?)?(?:多少|几)(?:万|亿)?[个家户项款台套件辆场人名次批条座所亩吨]?|排(?:在)?第几|第几/;
// Questions that ask for words, not a number: no "是多少" is added to them.
const OTHER_QUESTION_WORDS = /什么|哪些|哪个|哪几|哪|如何|怎样|怎么|是否|有没有|吗$/;
const KIND_LABEL: Record<string, string> = { target: '目标', actual: '实际', forecast: '预计' };
const END_PUNCTUATION = /[？?。！!\s]+$/;

/** "利润呢？" → "利润". */
function withoutEnding(text: string): string {
  return text.replace(END_PUNCTUATION, '').replace(/[呢吗]$/, '');
}

interface Slots {
  text: string;
  times: TimeExpression[];
  regions: RegionMention[];
}

function slotsOf(text: string, year: number, keepWeak: boolean): Slots {
  const times = findTimeExpressions(text, { writtenYear: year, sectionYear: year });
  // A bare county name inside a longer follow-up is more often a word (新建); alone it is the region asked.
  const regions = findRegionMentions(text, { abbreviations: true }).filter((m) => keepWeak || !m.weak);
  return { text, times, regions };
}

function cut(text: string, spans: Array<{ start: number; end: number }>, replacement = ''): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + replacement + out.slice(span.end);
  return out;
}

/** Replaces the first span with `value` and drops the others; with no span, puts `value` at `at`. */
function replaceSlot(text: string, spans: Array<{ start: number; end: number }>, value: string, at: number): string {
  if (spans.length === 0) return text.slice(0, at) + value + text.slice(at);
  const [first, ...rest] = [...spans].sort((a, b) => a.start - b.start);
  return cut(cut(text, rest), [first], value);
}

/** Where a region goes when the previous question named none: after its leading time. */
function regionPosition(slots: Slots): number {
  const lead = slots.times.find((t) => t.start === 0);
  return lead ? lead.end : 0;
}

/** The follow-up's period in words; findTimeExpressions already read 去年 and a bare 上半年 against the year under discussion. */
function timeText(times: TimeExpression[]): string | undefined {
  return times[0] ? periodLabel(times[0].period.key) : undefined;
}

/** "去年同期": the previous question's span of months, a year earlier. */
function samePeriodYearBefore(period: Period): string {
  return periodLabel(makePeriod(period.year - 1, period.fromMonth, period.toMonth).key);
}

// Words that act on a figure rather than name one: "要提升到多少", "计划新增多少家", "占规上工业比重呢".
const ACTS_ON_FIGURE = /^(要|计划|将|力争|预计)?(提升到|提高到|提升至|提高至|增长到|达到|突破|新增|净增|增加|提升|提高|拉动|贡献)/;
const SHARE_OF = /^占.{0,12}(比重|比例)|^(占比|比重)/;

const LEVEL_WORD = /^(国家级|省级|市级|县级|区级)$/;

const SEVERAL_YEARS_SPAN = new RegExp(`(?:${SEVERAL_YEARS.source})(来|间|里)?`, 'g');

// "总额呢", "规模呢": an amount is asked, whatever measure the question before asked.
const NAMES_AMOUNT = /(额|量|数|规模|累计投资)$/;

/**
 * A follow-up that acts on the previous metric or swaps only its head noun ("营业收入" → "利润呢"):
 * the previous metric written out with it. Undefined when the follow-up names a metric of its own.
 */
function onPreviousMetric(named: string, prevMetric: string, measure: string): string | undefined {
  if (!prevMetric) return undefined;
  const bare = prevMetric.replace(MEASURE_WORDS, '');
  if (SHARE_OF.test(named)) return `${bare}${named}`;
  // "新增规上工业企业呢" names a metric of its own; "计划新增多少家" acts on the one before.
  const countsItsOwn =
    /^(要|计划|将|力争|预计)?(新增|净增)/.test(named) &&
    !/^(多少|几)?[家个户项座台]*$/.test(withoutEnding(named).replace(ACTS_ON_FIGURE, '').replace(/(是|有|了|的)/g, ''));
  if (ACTS_ON_FIGURE.test(named) && !countsItsOwn) return `${/新增|净增|增加/.test(named) ? bare.replace(/总量|总数|累计/g, '') : bare}${named}`;
  const head = headNounOf(bare);
  const word = withoutEnding(named);
  if (head && HEAD_NOUNS.includes(word)) {
    // "营收增长多少" → "利润呢" asks the growth of 利润; "总额呢" asks an amount.
    const asked = NAMES_AMOUNT.test(word) ? '' : measure;
    // "规上工业增加值" → "工业投资呢": a head that names its sector is a metric of its own, 规上 and all dropped.
    return `${/^工业/.test(word) ? '' : bare.slice(0, -head.length)}${word}${asked}`;
  }
  // "签约项目多少个" → "总投资呢": the amount of the things just counted.
  if (COUNTED_THINGS.test(bare) && AMOUNT_OF_COUNTED.test(word)) return `${bare}${word}`;
  return undefined;
}

/**
 * "那新能源汽车呢" after "汽车整车产量是多少": the new subject takes the previous metric's head noun
 * (产量) and, when the follow-up names none, its measure (增长, 占比).
 */
function inheritedMeasureAndHead(
  named: string,
  prevText: string,
  prevYear: number,
  own: ReturnType<typeof parseQuestion>,
  prev: ReturnType<typeof parseQuestion>,
  part: boolean,
): string {
  const bare = named.replace(KIND_WORDS, '');
  const ownHeadNoun = headNounOf(bare) ?? (HEAD_NOUNS.includes(bare) ? bare : undefined);
  const ownHead = (ownHeadNoun !== undefined && !CATEGORY_HEADS.has(ownHeadNoun)) || COMPLETE_METRICS.test(bare);
  const prevMetric = metricPhrase(prevText, prevYear).replace(MEASURE_WORDS, '');
  const head = headNounOf(prevMetric);
  // "一般公共预算收入呢", "规上工业企业数量目标呢": a metric with a head noun of its own is asked as it
  // stands, unless it is a part of the previous one ("其中技改投资呢") or of its kind (工业投资 → 技改投资).
  if (ownHead && !part && !(head && bare.endsWith(head))) return NAMES_AMOUNT.test(bare) ? named : named + carriedMeasure(own, prev, prevText, named);
  // "那战略性新兴产业呢" after 规上工业增加值 takes 增加值, not the 工业 of the old subject.
  const body = head && !ownHead ? withHeadNoun(named, head.replace(/^工业(?=.{2,})/, '')) : named;
  // "那战略性新兴产业和高技术制造业呢": two subjects, each asked the same way.
  const each = /[\u4e00-\u9fa5]{2}[、和及与][\u4e00-\u9fa5]{2}/.test(named) ? '分别' : '';
  return body + each + carriedMeasure(own, prev, prevText, named);
}

/** The previous question's measure word (增长, 占比) when the follow-up asks none of its own. */
function carriedMeasure(own: ReturnType<typeof parseQuestion>, prev: ReturnType<typeof parseQuestion>, prevText: string, named = ''): string {
  // "制造业增加值比重呢" → "规上工业企业呢": things counted have no share of that kind.
  if (prev.measure === 'share' && COUNTED_THINGS.test(withoutEnding(named))) return '';
  return own.measure === undefined && prev.measure !== undefined ? new RegExp(MEASURE_WORDS.source).exec(prevText)?.[0] ?? '' : '';
}

function yearOf(slots: Slots): number | undefined {
  return slots.times[0]?.period.year;
}

function splitQuestionWords(text: string): { subject: string; tail: string } {
  const bare = withoutEnding(text);
  const match = QUESTION_WORDS.exec(bare);
  if (!match) return { subject: bare, tail: '' };
  return { subject: bare.slice(0, match.index) + bare.slice(match.index + match[0].length), tail: match[0].replace(/^的/, '') };
}

/** The metric words of a question: what is left without time, region, kind, measure and question words. */
function metricPhrase(text: string, year: number): string {
  const slots = slotsOf(text, year, true);
  const { subject } = splitQuestionWords(cut(text, [...slots.times, ...slots.regions]));
  return subject
    // A span (过去四年) is a time, not part of what is measured.
    .replace(SEVERAL_YEARS_SPAN, '')
    .replace(KIND_WORDS, '')
    .replace(/^(截至|截止|到|至)?(全省|全市|全区|全县|全国|的)*/, '')
    .replace(/[，,、\s]+/g, '')
    .replace(/的$/, '');
}

/** Content words of the follow-up that name a metric (新能源汽车), not a slot or a pronoun. */
function ownMetricTerms(core: string, slots: Slots): string[] {
  const rest = cut(core, [...slots.times, ...slots.regions]).replace(FOLLOW_UP_PRONOUN, ' ').replace(KIND_WORDS, ' ').replace(MEASURE_WORDS, ' ').replace(DIFFERENCE_VERB, ' ')
    // "咱们省排第几" loses 咱们 in normalization; the 省 left over is the asker's region, not a metric.
    .replace(/^[省市县区州](?![\u4e00-\u9fa5]*[省市县区州])/, '');
  if (!/[\u4e00-\u9fa5A-Za-z]/.test(rest)) return [];
  return parseQuestion(rest).terms.filter((t) => !FOLLOW_UP_NON_METRIC.has(t) && !/^[\u4e00-\u9fa5]$/.test(t));
}

/** A bare county name beside a named region is a word (新建 in 计划新建), as the answer pipeline reads it. */
function strongRegionsOnly(parsed: ReturnType<typeof parseQuestion>): ReturnType<typeof parseQuestion> {
  const strong = parsed.regions.filter((r) => !parsed.weakRegions.includes(r));
  return strong.length ? { ...parsed, regions: strong } : parsed;
}

function standalone(question: string): Resolution {
  return { question, followUp: false, inherited: {}, asksSource: false };
}

/**
 * Reads `question` in the light of `previous` (itself already resolved): a follow-up that names only
 * some slots (year, region, kind, measure, or a difference to the previous figure) becomes the
 * previous question with those slots replaced; a question with a metric of its own and no word that
 * points back ("那…呢", 它, 这个) is a new topic and stands alone.
 */
export function resolveFollowUp(previous: string, question: string, today = new Date()): Resolution {
  const prevText = normalizeQuestion(previous).replace(END_PUNCTUATION, '');
  const asked = normalizeQuestion(question);
  const pointsBack = FOLLOW_UP_OPENING.test(asked) || /呢[？?。!！\s]*$/.test(asked) || new RegExp(FOLLOW_UP_PRONOUN.source).test(asked);
  const core = asked.replace(FOLLOW_UP_OPENING, '').replace(FOLLOW_UP_CLOSING, '');

  const prev = slotsOf(prevText, today.getFullYear(), true);
  const prevYear = yearOf(prev) ?? today.getFullYear();
  const prevParsed = strongRegionsOnly(parseQuestion(prevText, today));
  const fullFollowUp = core || asked;
  const alone = slotsOf(fullFollowUp, prevYear, true);
  const keepWeak = alone.regions.some((m) => m.weak) && cut(fullFollowUp, alone.regions).replace(FOLLOW_UP_CLOSING, '').trim() === '';
  const own = slotsOf(fullFollowUp, prevYear, keepWeak);
  const metricTerms = ownMetricTerms(fullFollowUp, own);
  const asksSource = ASKS_SOURCE.test(asked);

  if (asksSource) {
    return { question: prevText, followUp: true, inherited: { metric: metricPhrase(prevText, prevYear) || undefined }, asksSource: true };
  }
  // "新增国家级…企业几家" → "省级的呢": the new level takes the place of the old one.
  const levelAsked = withoutEnding(core || asked).replace(/的$/, '');
  const levelOld = new RegExp(LEVEL_WORD.source.slice(1, -1)).exec(prevText);
  if (LEVEL_WORD.test(levelAsked) && levelOld && levelOld[0] !== levelAsked) {
    const kept: Inherited = {};
    if (prevParsed.regions.length) kept.regions = prevParsed.regions;
    if (prevParsed.periods.length) kept.period = periodLabel(prevParsed.periods[0].key);
    return { question: prevText.replace(levelOld[0], levelAsked), followUp: true, inherited: kept, asksSource: false };
  }
  // A question with its own metric and no pointer back is a new topic, but one that names no region
  // ("规上工业企业多少户？") still asks about the region under discussion.
  if (metricTerms.length > 0 && !pointsBack && (own.regions.length > 0 || prevParsed.regions.length === 0)) return standalone(question);

  const parsedOwn = parseQuestion(fullFollowUp, today);
  if (GROWTH_OVER_LAST_YEAR.test(fullFollowUp) && metricTerms.length === 0) {
    const { subject } = splitQuestionWords(prevText);
    const inheritedSlots: Inherited = { metric: metricPhrase(prevText, prevYear) || undefined };
    if (prevParsed.regions.length) inheritedSlots.regions = prevParsed.regions;
    if (prevParsed.periods.length) inheritedSlots.period = periodLabel(prevParsed.periods[0].key);
    return { question: `${subject.replace(MEASURE_WORDS, '')}同比增长多少`, followUp: true, inherited: inheritedSlots, asksSource: false };
  }
  const difference = DIFFERENCE_VERB.exec(fullFollowUp);
  // "今年新增几家", "10月当月呢" after a question with no year: kept as typed, for the corpus to date.
  const typedTime = own.times[0] ? fullFollowUp.slice(own.times[0].start, own.times[0].end) : '';
  const relativeTime = !prev.times.some((t) => t.explicitYear) && Boolean(own.times[0]) && !own.times[0].explicitYear && !/^(全年|当年)/.test(typedTime);
  const newTime =
    /(去年|上年)同期/.test(fullFollowUp) && prevParsed.periods[0]
      ? samePeriodYearBefore(prevParsed.periods[0])
      : relativeTime
        ? typedTime
        : // "那2025年全年呢" asks the full year only; a half year's figure is not its answer.
          timeText(own.times)?.replace(/年$/, /全年/.test(fullFollowUp) ? '年全年' : '年');
  // Written as typed when that is longer ("白银市"): a bare 白银 or 宁东 can read as a word, losing the region.
  const newRegions = [...new Map(own.regions.map((m) => [m.name, m.surface.length > m.name.length ? m.surface : m.name])).values()];
  const inherited: Inherited = {};
  if (!newRegions.length && prevParsed.regions.length) inherited.regions = prevParsed.regions;
  if (!newTime && prevParsed.periods.length) inherited.period = periodLabel(prevParsed.periods[0].key);

  let text: string;
  if (metricTerms.length > 0) {
    // "那新能源汽车呢？": a new metric in the scope under discussion.
    // The earlier time as it was typed: "上半年" or "去年" then reads the same as in the question before.
    const timeOf = newTime ?? (prev.times[0] ? prevText.slice(prev.times[0].start, prev.times[0].end) : '');
    // As the question before wrote them ("德惠市"): a bare short name may read as a word next time.
    const prevSurfaces = [...new Map(prev.regions.filter((m) => prevParsed.regions.includes(m.name)).map((m) => [m.name, m.surface])).values()];
    const regionOf = newRegions.length ? newRegions.join('和') : (prevSurfaces.join('和') || prevParsed.regions.join('和'));
    const named = cut(fullFollowUp, [...own.times, ...own.regions]).replace(/^其中/, '').replace(FOLLOW_UP_PRONOUN, '').replace(/^的/, '');
    const asksItself = QUESTION_WORDS.test(named) || OTHER_QUESTION_WORDS.test(named);
    // "以哪“三园”为突破口" → "那“四系”呢": the quoted name takes the place of the previous one.
    const quotedNew = /^[“"]([^”"]+)[”"]$/.exec(withoutEnding(named));
    const quotedOld = /[“"][^”"]+[”"]/.exec(prevText);
    if (quotedNew && quotedOld) {
      return { question: prevText.replace(quotedOld[0], `“${quotedNew[1]}”`), followUp: true, inherited, asksSource: false };
    }
    const part = /^其中/.test(cut(fullFollowUp, [...own.times, ...own.regions]));
    const body =
      onPreviousMetric(named, metricPhrase(prevText, prevYear), carriedMeasure(parsedOwn, prevParsed, prevText)) ?? (asksItself ? named : inheritedMeasureAndHead(named, prevText, prevYear, parsedOwn, prevParsed, part));
    const kind = parsedOwn.intent === 'any' && prevParsed.intent !== 'any' ? KIND_LABEL[prevParsed.intent] ?? '' : '';
    if (kind) inherited.kind = kind;
    // The previous "多少个" counted the previous metric; the new one may be an amount.
    // After "要建立什么机制", "发展路径呢" asks for words too.
    const wordsAsked = prevParsed.type === 'descriptive' || prevParsed.type === 'list' || prevParsed.type === 'entity';
    const tail = wordsAsked ? '是什么' : splitQuestionWords(prevText).tail.replace(/(多少|几).+$/, '$1') || '是多少';
    text = `${timeOf}${regionOf}${body}${asksItself ? '' : `${kind}${tail}`}`;
    if (kind) return { question: text, followUp: true, inherited, asksSource: false, withoutInheritedKind: text.replace(KIND_WORDS, '') };
  } else {
    inherited.metric = metricPhrase(prevText, prevYear) || undefined;
    text = prevText;
    if (difference) {
      if (prevParsed.periods.length) inherited.period = periodLabel(prevParsed.periods[0].key);
      text = differenceQuestion(prevText, fullFollowUp, own, newTime, newRegions, difference[0]);
    } else if (parseQuestion(asked.replace(FOLLOW_UP_OPENING, ''), today).type === 'check') {
      text = `${splitQuestionWords(prevText).subject.replace(KIND_WORDS, '')}目标完成了吗`;
    } else {
      // "过去四年新增了多少户" → "那2021年当年呢": the new year replaces the span too.
      if (newTime) {
        const spanless = text.replace(SEVERAL_YEARS_SPAN, '');
        text = replaceSlot(spanless, slotsOf(spanless, prevYear, true).times, newTime, 0);
      }
      if (newRegions.length) {
        const now = slotsOf(text, prevYear, true);
        // "全省" pointed at the old region ("浙江全省…平均增速" → "那绍兴呢"); the new one is named.
        text = replaceSlot(text, now.regions, newRegions.join('和'), regionPosition(now)).replace(/全[省市区县](?!平均)/g, '');
      }
      text = withKindAndMeasure(text, parsedOwn, prevParsed, fullFollowUp, inherited);
      if (inherited.kind && (newTime || newRegions.length)) {
        const { subject, tail } = splitQuestionWords(text);
        return { question: text, followUp: true, inherited, asksSource: false, withoutInheritedKind: `${subject.replace(KIND_WORDS, '')}${tail || '是多少'}` };
      }
    }
  }
  return { question: text, followUp: true, inherited, asksSource: false };
}

function withKindAndMeasure(
  text: string,
  own: ReturnType<typeof parseQuestion>,
  prev: ReturnType<typeof parseQuestion>,
  followUp: string,
  inherited: Inherited,
): string {
  const measureChanges = own.measure !== undefined && own.measure !== prev.measure;
  const kindChanges = own.intent !== 'any' && own.intent !== prev.intent;
  if (!measureChanges && !kindChanges) {
    if (prev.intent !== 'any') inherited.kind = KIND_LABEL[prev.intent];
    return text;
  }
  let { subject, tail } = splitQuestionWords(text);
  if (kindChanges) subject = subject.replace(KIND_WORDS, '');
  else if (prev.intent !== 'any') inherited.kind = KIND_LABEL[prev.intent];
  let measureWord = '';
  if (measureChanges) {
    subject = subject.replace(MEASURE_WORDS, '');
    measureWord = new RegExp(MEASURE_WORDS.source).exec(followUp)?.[0] ?? '';
    // A count's unit ("多少个") does not fit a growth rate, a share or a rank: the follow-up's own words do.
    tail = QUESTION_WORDS.exec(followUp)?.[0] ?? '是多少';
  }
  const kind = kindChanges ? KIND_LABEL[own.intent] ?? '' : '';
  return `${subject}${measureWord}${kind}${tail || '是多少'}`;
}

// "比全国高多少", "较全省平均快多少": a base that is neither a year nor a named region.
const BASE_WORD = /(?:比|较|和|与|同)((?:全国|全省|全市|全区|全县|上年同期|去年同期|上年|去年)(?:平均(?:水平)?)?)/;

/** "比上年多多少？" / "和目标差多少？" / "比武汉多多少？": the previous figure against a base. */
function differenceQuestion(prevText: string, followUp: string, own: Slots, newTime: string | undefined, newRegions: string[], verb: string): string {
  const { subject } = splitQuestionWords(prevText);
  if (/目标|计划|预期/.test(followUp)) return `${subject.replace(KIND_WORDS, '')}实际比目标${verb}`;
  // "比上年" stays as written: reports state such differences with the same word.
  // "比1至3月回升了多少": the base time as typed; a label with the year would read as a second period asked.
  const typedTime = own.times[0] && !own.times[0].explicitYear ? followUp.slice(own.times[0].start, own.times[0].end) : undefined;
  const base = BASE_WORD.exec(followUp)?.[1] ?? typedTime ?? newTime ?? newRegions.join('和');
  if (!base) return `${subject}比上年${verb}`;
  // 比 right after a noun can fuse into one word (产量比), so a comma keeps the base on its own.
  return `${subject}，比${base}${verb}`;
}
