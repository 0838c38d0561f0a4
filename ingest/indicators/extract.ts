import type { DocumentMeta, Section } from '../../src/documents/document.js';
import type { Indicator } from '../../src/indicators/indicator.js';
import { COUNT_UNITS, findNumberMentions, type NumberMention } from '../../src/domain/numbers.js';
import { findTimeExpressions, SEVERAL_YEARS, type TimeContext } from '../../src/domain/time-expressions.js';
import { makePeriod, type Period } from '../../src/domain/period.js';
import { findRegionMentions, regionContains } from '../../src/domain/regions.js';
import { stripBylines } from '../scope/subject-region.js';
import { LIST_ITEM_OPENING } from '../../src/domain/section-words.js';
import { AMOUNT_OF_COUNTED, COUNTED_THINGS, HEAD_NOUNS, headNounOf } from '../../src/domain/head-nouns.js';
import { toSourceSpan, type NormalizedText } from '../normalize.js';
import type { SectionSpan } from '../sections.js';
import { splitSentences, type SentenceSpan } from '../sentences.js';
import { AGAINST_BASE, detectMeasure, detectModality, isDifference, kindOf } from './kind.js';
import { cleanMetricPhrase, qualifierBefore, repairMetric, splitSubjectList } from './metric-phrase.js';
import { segmentWords } from '../../src/index/tokenizer.js';

const CLAUSE_END = /[，；：,]/;
const GENERIC_METRIC = /^(企业|项目|数量|总数|总量|规模|金额|个数|家数)$/;
// A change with no noun ("，同比增长12.5%") is the change of the figure stated just before it.
const BARE_CHANGE = /^(同比|比上年|较上年|环比|年均)?(增长|增速|增幅|下降|提高|提升|减少)$/;
// "过去四年，六安…" / "四年来，…": a paragraph that opens over several years, until one names a time of its own.
const MULTI_YEAR_OPENING = new RegExp(`(?:${SEVERAL_YEARS.source})[，,]`);
const BARE_CHANGE_CLAUSE = /^(同比|比上年|较上年)?(增长|下降)\d/;
const BARE_SHARE = /^(占比|比重|所占比重)$/;
// "煤炭产量在连续两年增产的基础上，再增产5743万吨，达到13.78亿吨": the subject before 在 governs the figures after.
const FOUNDATION = /在[^，。；,;]{2,40}?的?基础上[，,]?/;
const FOUNDATION_IN_METRIC = /在[^，。；,;]*?的?基础上/;
const FOUNDATION_LEVEL = /^(再|又|继续|进一步)?(达到|达|为|增至|提高到|提升至)?$/;
const FOUNDATION_CHANGE = /^(再|又|继续|进一步)?(增产|减产|增加|减少|新增|净增|增长|下降|提高|提升)$/;
// "对规上工业增长贡献率" is the subject's share of the growth, as 占…比重 is of the level.
const SHARE_OF = /^占[^，；]{2,}(比重|比例)$|^对[^，；]{2,12}贡献率$/;
// Where the subject of a clause ends: its verb or an adverb before one ("稳步壮大", "增速均快于").
const SUBJECT_END = /增速|增幅|增长|均|快于|高于|低于|稳步|持续|不断|加快|继续|保持|实现|进一步/;
// A 。-sentence is the scope of time expressions and 分别 lists; ；-parts are what gets cited.
const FULL_STOP = /[。！？\n]/;

interface Clause {
  start: number;
  end: number;
}

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_END.test(text[i])) {
      if (i > start) clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  return clauses;
}

function writtenTime(meta: DocumentMeta): { year: number; month?: number } {
  const [year, month] = meta.published.split('-').map(Number);
  return { year, month };
}

interface MentionContext {
  mention: NumberMention;
  clause: Clause;
  left: string;
  right: string;
  countFirst: boolean;
  metric: string;
  subjectOf?: MentionContext;
}

function startsWithCjkNoun(text: string): boolean {
  return /^[\u4e00-\u9fa5“A-Za-z]/.test(text) && !/^(以上|左右|以内|以下|的|，|、)/.test(text);
}

/** "2025年，南通…" / "1—11月，南通…": the place after a leading time still opens the sentence. */
function withoutLeadingTime(text: string): string {
  // Only positions matter here, so any year resolves the relative words.
  const first = findTimeExpressions(text, { writtenYear: 2000, sectionYear: 2000 })[0];
  if (!first || first.start !== 0) return text;
  return text.slice(first.end).replace(/^(以来|期间|)[，,、：:\s]*/, '');
}

/** A place inside the section's region that `text` opens with (at most `slack` characters in). */
function placeOpening(text: string, sectionRegion: string, slack: number): string | undefined {
  const first = findRegionMentions(text)[0];
  if (!first || first.start > slack || first.name === sectionRegion) return undefined;
  return regionContains(sectionRegion, first.name) ? first.name : undefined;
}

/** The place a sentence is about when it opens with it ("2025年，南通…"), not one it reaches later. */
function openingRegion(text: string, sectionRegion: string): string | undefined {
  return placeOpening(withoutLeadingTime(stripBylines(text)), sectionRegion, 0);
}

/** Region a clause is about when it opens with a place inside the section's region (武汉… in a Hubei report). */
function clauseRegion(text: string, sectionRegion: string): string | undefined {
  return placeOpening(withoutLeadingTime(stripBylines(text)).replace(/^(推动|支持|其中|同时|目前|例如|比如|并|而)/, ''), sectionRegion, 1);
}

// "全省…" speaks of the whole again: a place named earlier in the paragraph no longer holds.
const WHOLE_REGION_WORD = /全(省|市|县|区|州|盟|旗)/;

/** "分别为白银市（42.2%）、天水市（29.3%）": a figure in brackets right after a place is that place's. */
function bracketRegion(text: string, at: number, sectionRegion: string): string | undefined {
  const lead = /([\u4e00-\u9fa5]{2,10})[（(]$/.exec(text.slice(Math.max(0, at - 12), at))?.[1];
  if (!lead) return undefined;
  const last = findRegionMentions(lead, { counties: true }).pop();
  if (!last || last.end !== lead.length) return undefined;
  return last.name === sectionRegion || regionContains(sectionRegion, last.name) ? last.name : undefined;
}

/** True when a metric is only the place and a verb ("为白银市"): the figure is named by the clause before. */
function namesOnly(metric: string, before: string): boolean {
  const places = findRegionMentions(before, { counties: true }).map((m) => m.surface);
  return places.reduce((m, p) => m.split(p).join(''), metric).replace(/^(分别)?(为|是|达)/, '').replace(/[、，（）()]/g, '').length <= 1;
}

function previousClause(text: string, clauseStart: number): string {
  const before = text.slice(0, clauseStart).replace(/[，；：,;:]+$/, '');
  const at = Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf('：'), before.lastIndexOf(','));
  return before.slice(at + 1);
}

/**
 * Reads every number-with-unit statement of a sentence as an indicator row. Names come from the
 * words before the number ("算力规模突破2.2万P"), or after it for counts ("15个项目入选…"); a
 * "A、B分别增长x%和y%" list is aligned item by item; ranks and "高于全国…" attach to the figure
 * they qualify.
 */
/**
 * `before` is the main metric of the sentence before in the paragraph: "…增长3.6%。其中，7月增长13.1%"
 * names no subject of its own.
 */
function readSentence(sentence: string, before?: string): MentionContext[] {
  const mentions = findNumberMentions(sentence);
  const clauses = clausesOf(sentence);
  const contexts: MentionContext[] = [];
  let lastSubjects: string[] = [];
  let previousClauseText = '';
  const foundation = FOUNDATION.exec(sentence);
  const foundationEnd = foundation ? foundation.index + foundation[0].length : -1;
  const foundationSubject = foundation ? cleanMetricPhrase(sentence.slice(0, foundation.index).split(/[，。；,;]/).pop() ?? '') : '';

  for (const clause of clauses) {
    const inClause = mentions.filter((m) => m.start >= clause.start && m.end <= clause.end);
    const clauseText = sentence.slice(clause.start, clause.end);
    let cursor = clause.start;
    const has分别 = clauseText.includes('分别');
    const respectively = has分别 ? clauseText.indexOf('分别') : alignedWithout分别(sentence, clause, inClause);
    // After 分别 the words up to the first figure name what is measured; without it, the verb itself does.
    const attributeFrom = respectively + (has分别 ? 2 : 0);
    const valuesAfter = respectively >= 0 ? inClause.filter((m) => m.start > clause.start + respectively) : [];
    let subjects: string[] = [];
    let attribute = '';
    // "比全国、自治区、全市分别高4.2、4.3、3.2个百分点": each margin is the figure before against one base.
    // "分别比全国、自治区和全市高4.2、4.3和3.2个百分点": the bases may follow 分别, before the verb.
    // "分别高于全国(5.5%)、全区(6.5%)2.0和1.0个百分点": the bracketed rates are the bases' own.
    const margins = valuesAfter.filter((m) => /百分点/.test(m.unit) && !/[（(][^）)]*$/.test(sentence.slice(clause.start, m.start)));
    const afterRespectively = margins.length >= 2 ? clauseText.slice(attributeFrom, margins[0].start - clause.start).replace(/[（(][^）)]*[）)]/g, '') : '';
    const trailingVerb = /(高出|高于|快于|低于|慢于|高|快|低|慢)$/.exec(afterRespectively)?.[0] ?? '';
    const bases =
      margins.length >= 2
        ? basesListed(clauseText.slice(0, respectively), margins.length) ??
          basesListed(afterRespectively.slice(0, afterRespectively.length - trailingVerb.length), margins.length) ??
          (/^(高于|快于|低于|慢于)/.test(afterRespectively) ? basesListed(afterRespectively, margins.length) : undefined)
        : undefined;
    const baseVerb = bases ? trailingVerb || (/^(高于|快于|低于|慢于)/.exec(afterRespectively)?.[0] ?? '') : '';
    if (valuesAfter.length >= 2) {
      const listed = cleanMetricPhrase(clauseText.slice(0, respectively));
      // "有色金属冶炼和压延加工业、黑色金属…": 和 inside an item's name; 、 alone then separates the items.
      const byAll = splitSubjectList(listed);
      const own = byAll.length === valuesAfter.length ? byAll : splitSubjectList(listed, /、/);
      // "完成产值27.28亿元、增加值9.07亿元，较上年分别增长57.87%、26.4%": the figures of the clause before.
      const figuresBefore = contexts.filter((c) => c.clause === clauses[clauses.indexOf(clause) - 1] && !c.subjectOf).map((c) => c.metric);
      if (own.length === valuesAfter.length) {
        subjects = own;
      } else if (lastSubjects.length === valuesAfter.length) {
        subjects = lastSubjects;
        attribute = cleanMetricPhrase(clauseText.slice(0, respectively));
      } else if (has分别 && /^((较|比)(上年|去年)(同期)?|同比)?$/.test(own.join('')) && figuresBefore.length === valuesAfter.length) {
        subjects = figuresBefore;
        attribute = cleanMetricPhrase(clauseText.slice(0, respectively));
      }
      if (subjects.length) lastSubjects = subjects;
      const firstValue = valuesAfter[0].start - clause.start;
      attribute = (attribute + cleanMetricPhrase(clauseText.slice(attributeFrom, firstValue))).trim();
    }

    inClause.forEach((mention, index) => {
      const next = inClause[index + 1];
      const fullLeft = sentence.slice(cursor, mention.start);
      // "…连续18个月保持两位数、占全市投资比重达25.7%": after a 、 a new predicate starts.
      const listBreak = fullLeft.lastIndexOf('、');
      const left =
        index > 0 && listBreak > 0 && fullLeft.slice(listBreak + 1).trim().length >= 2 ? fullLeft.slice(listBreak + 1) : fullLeft;
      const tailEnd = mention.end + (/^(以上|左右|以内|以下)/.exec(sentence.slice(mention.end))?.[0].length ?? 0);
      const right = sentence.slice(tailEnd, next ? next.start : clause.end);
      const countFirst = COUNT_UNITS.has(mention.unit) && startsWithCjkNoun(right) && !mention.isRank && !/[从由]$/.test(fullLeft);
      let metric = countFirst ? cleanMetricPhrase(right.split('、')[0]) : cleanMetricPhrase(left);
      const subjectIndex = valuesAfter.indexOf(mention);
      if (subjects.length && subjectIndex >= 0) {
        metric = subjects[subjectIndex] + attribute;
      }
      const previous = contexts[contexts.length - 1];
      let subjectOf: MentionContext | undefined;
      // "…，快于全市地区生产总值0.6个百分点": what follows 快于 is the base, so the figure qualifies the one before.
      // "，较全部规上工业高出3.7个百分点" names its base first.
      const againstBase =
        /^[，,、\s]*((较|比)[^，。；\d]{0,14}?)?(高于|低于|快于|慢于|超出|高出)/.test(left) || new RegExp(`^[，,、\\s]*${AGAINST_BASE}$`).test(left);
      const baseIndex = bases ? margins.indexOf(mention) : -1;
      const bracketed = (c: MentionContext) => /[（(][^）)]*$/.test(sentence.slice(0, c.mention.start));
      const figureBefore = [...contexts].reverse().find((c) => !c.subjectOf && !/百分点/.test(c.mention.unit) && !c.mention.isRank && !bracketed(c));
      if (bases && baseIndex >= 0 && figureBefore) {
        subjectOf = figureBefore;
        const against = /于$/.test(baseVerb) ? `${baseVerb}${bases[baseIndex]}` : `比${bases[baseIndex]}${baseVerb}`;
        metric = `${figureBefore.metric}（${against}）`;
      } else if ((mention.isRank || isDifference(left)) && previous && (isScopeOnly(left) || againstBase)) {
        // "增长40.3%，较上月回升1.7个百分点，快于全市34.7个百分点": both margins qualify the 40.3%.
        const isMargin = (c: MentionContext) => c.mention.isRank || /百分点/.test(c.mention.unit);
        const figure = [...contexts].reverse().find((c) => !c.subjectOf && !isMargin(c));
        subjectOf = previous.subjectOf ?? (isMargin(previous) && figure ? figure : previous);
        metric = `${subjectOf.metric}${metric ? '（' + metric + '）' : ''}`;
      } else if (!metric && previous && previous.clause === clause && /^[、和及与]?$/.test(left.trim())) {
        metric = previous.metric;
      } else if (previous && previous.clause === clause && /^[、和及与]/.test(fullLeft) && metric.length <= 3 && !countFirst) {
        // "中小企业净增13.5万户、总量118.9万户": the second figure shares the subject of the first.
        metric = subjectPart(previous.metric) + metric;
      } else if (previous && previous.clause !== clause && AMOUNT_OF_COUNTED.test(metric) && COUNTED_THINGS.test(previous.metric)) {
        // "滚动实施工业项目422个，完成投资1055.9亿元": the amount of the things just counted.
        metric = previous.metric + metric;
      } else if (previous && previous.clause !== clause && !previous.subjectOf && parallelHead(previous.metric, metric)) {
        // "采矿业增加值同比增长9.5%，制造业增长4.9%": the second subject is measured as the first.
        metric = parallelHead(previous.metric, metric) as string;
      } else if (!previous && BARE_CHANGE.test(metric) && before && /^其中/.test(sentence)) {
        metric = before.replace(CHANGE_TAIL, '') + metric;
      } else if (previous && BARE_CHANGE.test(metric)) {
        // "产量100万吨，增长5%"; "规上工业增加值增长3.6%，…。其中，7月增长13.1%": the change of the figure before.
        const base = (previous.subjectOf ?? previous).metric;
        metric = base.replace(CHANGE_TAIL, '') + metric;
      } else if (!previous && (BARE_CHANGE.test(metric) || BARE_SHARE.test(metric) || SHARE_OF.test(metric)) && previousClauseText && !findNumberMentions(previousClauseText).length) {
        // "服务业增加值增速均快于…，全年增长5.4%", "战略性新兴产业稳步壮大，占GDP比重达11.4%": the clause before names the subject.
        const subject = cleanMetricPhrase(previousClauseText).replace(/^(各季度|各月|每季度|每月)/, '').split(SUBJECT_END)[0];
        if (subject.length >= 2) metric = subject + metric;
      } else if (previous && (BARE_SHARE.test(metric) || SHARE_OF.test(metric))) {
        // "增加值增长5.3%，…，占比为16.6%" / "…，占全市规上工业比重达到64.3%": the share of the subject the sentence is about.
        metric = (previous.subjectOf ?? previous).metric.replace(/(同比|比上年|较上年)?(增长|增速|增幅)$/, '') + metric;
      } else if (!metric && previous && MILESTONE.test(cleanMetricPhrase(previousClauseText))) {
        // "GDP增长6.0%，首次突破百亿元大关，达到100.6亿元": the milestone names no subject; the figure before does.
        metric = subjectPart(previous.metric) || cleanMetricPhrase(previousClauseText);
      } else if (!metric) {
        metric = cleanMetricPhrase(previousClauseText);
      } else if (GENERIC_METRIC.test(metric) && previousClauseText && !findNumberMentions(previousClauseText).length) {
        // "建立独角兽企业库，企业达57家": a bare 企业 is named by the clause before it.
        metric = cleanMetricPhrase(previousClauseText) + metric;
      }
      if (foundation && mention.start >= foundationEnd) metric = metric.replace(FOUNDATION_IN_METRIC, '');
      if (foundationSubject.length >= 2 && mention.start >= foundationEnd && !metric.startsWith(foundationSubject)) {
        const own = cleanMetricPhrase(left);
        if (FOUNDATION_LEVEL.test(own)) metric = foundationSubject;
        else if (FOUNDATION_CHANGE.test(own)) metric = foundationSubject + own.replace(/^(再|又|继续|进一步)/, '');
      }
      // "比重从34.6%提升到48.7%": the second figure is the metric's level now, the first its starting point.
      const from = previous && previous.clause === clause && !previous.subjectOf && FROM_TO.test(sentence.slice(previous.mention.end, mention.start))
        ? previous
        : undefined;
      if (from && /[从由]$/.test(from.metric)) {
        metric = from.metric.replace(/[从由]$/, '');
        from.metric = `${metric}（起点）`;
        contexts.push({ mention, clause, left: from.left, right, countFirst: from.countFirst, metric, subjectOf });
        from.subjectOf = contexts[contexts.length - 1];
      } else {
        contexts.push({ mention, clause, left, right, countFirst, metric, subjectOf });
      }
      cursor = countFirst ? tailEnd + right.length : tailEnd;
    });
    shareListHead(contexts.filter((c) => c.clause === clause && c.countFirst));
    if (cleanMetricPhrase(clauseText)) previousClauseText = clauseText;
  }
  return contexts;
}

const BASE_PLACE = /^(全国|全省|全市|全区|全县|全州|全盟|自治区|省|市|县|区|国家|全国平均|全省平均|全市平均)$/;

/** "比全国、自治区、全市" before 分别: the bases listed, when each is a base place and there are as many as figures. */
function basesListed(text: string, count: number): string[] | undefined {
  const listed = text.replace(/[（(][^）)]*[）)]/g, '').replace(/^[，,\s]*(其中)?(增速|分别)?(比|较|高于|快于|低于|慢于)/, '').replace(/[，,\s]/g, '');
  const items = listed.split(/[、和]/);
  return items.length === count && items.every((b) => BASE_PLACE.test(b)) ? items : undefined;
}

/**
 * "规上、亿元以上工业企业达707家、140家": a list of subjects and a list of as many figures joined by 、
 * align like a 分别 list. Returns the offset of the verb in the clause, or -1.
 */
function alignedWithout分别(sentence: string, clause: Clause, values: NumberMention[]): number {
  if (values.length < 2) return -1;
  const joined = values.slice(1).every((m, i) => /^[、和及]$/.test(sentence.slice(values[i].end, m.start)));
  if (!joined) return -1;
  const lead = sentence.slice(clause.start, values[0].start);
  const verb = /(年均增长|同比增长|分别增长|增长|达到|达|为|实现|完成|突破)$/.exec(lead);
  if (!verb) return -1;
  const subjects = splitSubjectList(cleanMetricPhrase(lead.slice(0, lead.length - verb[0].length)));
  return subjects.length === values.length ? lead.length - verb[0].length : -1;
}

const CHANGE_TAIL = /(同比|比上年|较上年)?(增长|下降|增速|增幅)$/;

/** "制造业增长" after "采矿业增加值同比增长": the head noun (增加值) the bare subject leaves out. */
function parallelHead(previousMetric: string, metric: string): string | undefined {
  const tail = CHANGE_TAIL.exec(metric);
  const previousTail = CHANGE_TAIL.exec(previousMetric);
  if (!tail || !previousTail) return undefined;
  const subject = metric.slice(0, tail.index);
  const head = headNounOf(previousMetric.slice(0, previousTail.index));
  if (!head || subject.length < 2 || headNounOf(subject) || HEAD_NOUNS.includes(subject) || /[、，]/.test(subject)) return undefined;
  return `${subject}${head}${tail[0]}`;
}

const MILESTONE = /^(首次|历史性|再次|一举)?(突破|迈上|跨上|跃上|站上|跨越|创|实现)/;

const FROM_TO = /^[^，；。\d]{0,2}(提升|提高|增加|增长|扩大|减少|下降|降低|升|降|增)(到|至)$/;

const SCOPE_WORDS = new RegExp(
  `规模以上工业|规上工业|居|位居|稳居|排名|排|位列|列|保持|均|数量|总量|规模|增速|增幅|全国|中部|西部|东部|全省|全市|全区|全州|县域|市域|区域|副省级城市|工业大省|经济十强省|十强省|世界|全球|高于|低于|快于|慢于|超出|高出|平均水平|平均|年度目标|目标|${AGAINST_BASE}|[、，\\s]`,
  'g',
);

/** "居全国" qualifies the figure before it; "算力运载力指数居全国" names a figure of its own. */
function isScopeOnly(left: string): boolean {
  // "排南宁市县域第二": the place a rank is among is scope too.
  const words = cleanMetricPhrase(left);
  const placeless = findRegionMentions(words).reduceRight((s, m) => s.slice(0, m.start) + s.slice(m.end), words);
  return placeless.replace(/^[省市县区州]/, '').replace(SCOPE_WORDS, '').length <= 1;
}

/** "规上工业企业实现营业收入" → "规上工业企业": the subject before the verb or the last word. */
function subjectPart(metric: string): string {
  // "地区生产总值同比增长6.2%、总量…": the subject is what grew.
  const grown = metric.replace(CHANGE_TAIL, '');
  if (grown !== metric && grown.length >= 2) return grown;
  // "新增…小巨人企业62家、累计达到468家": the shared subject is the noun, not the 新增.
  const noun = metric.replace(/^(新增|净增|新建|新认定|累计)/, '');
  const verb = /(实现|完成|达到|累计|新增|净增)/.exec(noun);
  if (verb && verb.index > 0) return noun.slice(0, verb.index);
  if (noun !== metric) return noun;
  const words = segmentWords(metric);
  return words.length > 1 ? words.slice(0, -1).join('') : '';
}

/**
 * "新增8个国家级、55个省级中小企业特色产业集群": the noun after the last count also belongs to the
 * counts before it, which name only a level (国家级).
 */
function shareListHead(counts: MentionContext[]): void {
  if (counts.length < 2) return;
  const last = counts[counts.length - 1].metric;
  const level = /^(.{1,4}?级)(.+)$/.exec(last);
  if (!level) return;
  for (const c of counts.slice(0, -1)) {
    if (/级$/.test(c.metric) && c.metric.length <= 5) c.metric += level[2];
  }
}

export interface ExtractionInput {
  meta: DocumentMeta;
  normalized: NormalizedText;
  sections: SectionSpan[];
}

export function extractIndicators({ meta: docMeta, normalized, sections }: ExtractionInput): Indicator[] {
  const rows: Indicator[] = [];
  for (const span of sections) {
    const { section } = span;
    const meta = span.meta ? { ...span.meta, id: docMeta.id } : docMeta;
    const written = writtenTime(meta);
    const timeContext: TimeContext = { writtenYear: written.year, writtenMonth: written.month, sectionYear: section.year };
    // A sentence without a time of its own is in the period the paragraph last named ("1—11月，…。碳酸锂10.1万吨").
    let paragraphPeriod: Period | undefined;
    // "2025年，浦东…。" then "一是…" "二是…": each item is in the period of the lead, not of the item before.
    let leadPeriod: Period | undefined;
    let inItem = false;
    // "2025年，南通…增长11.6%。高端装备…超过1100家": a place opening a sentence holds for the rest of its paragraph.
    let paragraphRegion: string | undefined;
    let multiYear = MULTI_YEAR_OPENING.test(section.heading);
    for (const full of splitFullSentences(normalized.text, span.cleanStart, span.cleanEnd)) {
      const opening = full.start === span.cleanStart || normalized.text[full.start - 1] === '\n';
      if (opening) {
        if (MULTI_YEAR_OPENING.test(full.text)) multiYear = true;
        else if (reportedTimes(full.text, timeContext).length) multiYear = false;
        if (!inItem) leadPeriod = paragraphPeriod;
        inItem = LIST_ITEM_OPENING.test(full.text);
        paragraphPeriod = inItem ? leadPeriod : undefined;
        paragraphRegion = undefined;
      }
      // "2024年，…。全年规模工业增加值增长7.3%": 全年 is the year the paragraph is about.
      const context = paragraphPeriod ? { ...timeContext, discussedYear: paragraphPeriod.year } : timeContext;
      const whole = WHOLE_REGION_WORD.test(full.text);
      const before = opening ? undefined : [...rows].reverse().find((r) => !r.relatedTo && !/百分点/.test(r.unit) && r.measure !== 'rank')?.metric;
      rows.push(...readFullSentence(meta, section, normalized, full, context, paragraphPeriod, whole ? undefined : paragraphRegion, before, multiYear));
      paragraphRegion = whole ? undefined : openingRegion(full.text, section.region) ?? paragraphRegion;
      const own = reportedTimes(full.text, context);
      if (own.length) paragraphPeriod = own[own.length - 1].period;
    }
  }
  return rows;
}

// "A产业…增长6.2%；完成税收5.7亿元": a part that opens with its verb is about the sentence's subject.
const VERB_OPENING = /^(完成|实现|占|达到|同比|比上年|较上年|累计|新增|拉动)/;

/** The sentence's opening clause, for a part after a ； that names no subject of its own. */
function subjectBefore(full: SentenceSpan, part: SentenceSpan): string {
  if (part.start <= full.start || !VERB_OPENING.test(part.text)) return '';
  const opening = /^[^，；：]*/.exec(withoutLeadingTime(full.text))?.[0] ?? '';
  return opening.length >= 2 && opening.length <= 30 ? `${opening}，` : '';
}

function splitFullSentences(text: string, from: number, to: number): SentenceSpan[] {
  const result: SentenceSpan[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || FULL_STOP.test(text[i])) {
      const end = i < to && text[i] !== '\n' ? i + 1 : i;
      if (end > start) result.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return result;
}

/** Time expressions that name the period of what follows, not a baseline ("较一季度", "比上年"). */
function reportedTimes(text: string, context: TimeContext) {
  // "在去年高基数的基础上，增长8.5%": a time inside 在…基础上 is the base.
  const base = FOUNDATION.exec(text);
  const inBase = (t: { start: number; end: number }) => base !== null && t.start >= base.index && t.end <= base.index + base[0].length;
  // "是2011年的1.88倍": the year a multiple is counted from.
  const multipleBase = (t: { end: number }) => /^的?\d+(\.\d+)?倍/.test(text.slice(t.end));
  return findTimeExpressions(text, context).filter(
    (t) => !/(较|比|同比|环比|相比|与|从)$/.test(text.slice(0, t.start)) && !inBase(t) && !multipleBase(t),
  );
}

function readFullSentence(
  meta: DocumentMeta,
  section: Section,
  normalized: NormalizedText,
  full: SentenceSpan,
  timeContext: TimeContext,
  paragraphPeriod: Period | undefined,
  paragraphRegion: string | undefined,
  before: string | undefined,
  multiYear: boolean,
): Indicator[] {
  const times = reportedTimes(full.text, timeContext);
  const parts = splitSentences(normalized.text, full.start, full.end);
  const sentenceRegion = clauseRegion(full.text, section.region);
  const rows: Indicator[] = [];
  for (const context of readSentence(full.text, before)) {
    const { mention } = context;
    const absoluteStart = full.start + mention.start;
    const part = parts.find((p) => p.start <= absoluteStart && absoluteStart < p.end) ?? full;
    // "增速较一季度回升": a period after 较/比 is the comparison baseline, not the figure's period.
    const time = [...times].reverse().find((t) => t.end <= mention.start);
    // A point in time of its own ("10月份上线以来") rules out the paragraph's period.
    const ownPoint = /\d{1,2}月|以来|季度|半年/.test(full.text.slice(0, mention.start));
    let period: Period = time ? time.period : (!ownPoint && paragraphPeriod) || section.defaultPeriod;
    // 力争/有望 govern their own clause, not the rest of the sentence.
    const before = full.text.slice(context.clause.start, mention.start);
    const elapsed =
      period.toMonth !== undefined &&
      timeContext.writtenMonth !== undefined &&
      (period.year < timeContext.writtenYear || (period.year === timeContext.writtenYear && period.toMonth < timeContext.writtenMonth));
    const own = detectModality(before, section.role, period.year, meta.reviewYear, full.text.slice(0, mention.start), elapsed);
    // "预计完成GDP451亿元，同比增长6.2%": a bare change is as estimated (or planned) as the figure it follows.
    const figureBefore = [...rows].reverse().find((r) => !r.relatedTo);
    const clauseOpening = full.text.slice(context.clause.start, context.clause.end);
    const modality = own === 'actual' && figureBefore && figureBefore.modality !== 'actual' && BARE_CHANGE_CLAUSE.test(clauseOpening) ? figureBefore.modality : own;
    // "浙江将…力争战略性新兴产业增加值增长7.5%" with no time in a review: a target is for the year the report plans.
    const undatedTarget = !time && period === section.defaultPeriod && modality === 'target' && section.role !== 'plan' && period.fromMonth === undefined && period.year < meta.planYear;
    if (undatedTarget) period = makePeriod(meta.planYear);
    const measure = detectMeasure(mention, context.left, context.metric);
    const clauseText = full.text.slice(context.clause.start, context.clause.end);
    const listed = bracketRegion(full.text, mention.start, section.region);
    const ownRegion = listed ?? clauseRegion(clauseText, section.region);
    const region = ownRegion ?? sentenceRegion ?? paragraphRegion ?? section.region;
    const named =
      listed && namesOnly(context.metric, full.text.slice(0, mention.start)) ? cleanMetricPhrase(previousClause(full.text, context.clause.start)) : context.metric;
    const scope = {
      region: ownRegion
        ? 'named in the clause'
        : sentenceRegion
          ? 'named in the sentence'
          : paragraphRegion
            ? 'named earlier in the paragraph'
            : `article: ${section.scope?.region ?? 'document region'}`,
      period: time
        ? 'stated in the sentence'
        : undatedTarget
          ? 'a target with no time: the year the report plans'
          : !ownPoint && paragraphPeriod
            ? 'named earlier in the paragraph'
            : `section default (${section.heading.slice(0, 20)})`,
      written: section.written,
    };
    const sentenceSpan = toSourceSpan(normalized, part.start, part.end);
    const valueSpan = toSourceSpan(normalized, absoluteStart, full.start + mention.end);
    const approxTail = /^(以上|左右|以内|以下)/.exec(full.text.slice(mention.end))?.[0] ?? '';
    const qualifier = [qualifierBefore(context.left), approxTail].filter(Boolean).join('…');
    rows.push({
      id: `${meta.id}:${valueSpan.start}`,
      docId: meta.id,
      region,
      period: period.key,
      year: period.year,
      metric: repairMetric(named || cleanMetricPhrase(clauseText)),
      // Up to the end of the number's own clause: later clauses describe other things.
      context: subjectBefore(full, part) + full.text.slice(Math.max(0, part.start - full.start), context.clause.end),
      phrase: clauseText,
      metricSide: context.countFirst ? 'after' : 'before',
      value: mention.value,
      unit: mention.unit,
      raw: mention.raw,
      kind: kindOf(modality, measure),
      modality,
      measure,
      qualifier,
      sentence: part.text,
      start: sentenceSpan.start,
      end: sentenceSpan.end,
      valueStart: valueSpan.start,
      valueEnd: valueSpan.end,
      scope,
      ...(meta.undated && !time?.explicitYear ? { undated: true } : {}),
      ...(!time && (/年均/.test(clauseText) || (measure === 'count-change' && multiYear)) ? { multiYear: true } : {}),
      ...(context.subjectOf ? { relatedTo: `${meta.id}:${toSourceSpan(normalized, full.start + context.subjectOf.mention.start, full.start + context.subjectOf.mention.end).start}` } : {}),
    });
  }
  return rows;
}
