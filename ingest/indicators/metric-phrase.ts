import { findRegionMentions } from '../../src/domain/regions.js';
import { findNumberMentions } from '../../src/domain/numbers.js';
import { headNounOf, withHeadNoun } from '../../src/domain/head-nouns.js';

const TIME_WORDS =
  /[“"]?十[一二三四五六七八九]五[”"]?(?:规划)?(?:时期|期间|末)?|\d{4}年(?:上半年|下半年|前三季度|第?[一二三四]季度|\d{1,2}月?[—\-–~至到]\d{1,2}月份?|\d{1,2}月(?:末|底|份)?)?|\d{1,2}月?[—\-–~至到]\d{1,2}月份?|上半年|下半年|前三季度|第?[一二三四]季度|今年|明年|去年|全年|当年|以来|(?:截)?至\d{1,2}月(?:末|底)?|\d{1,2}月份?/g;
const SCOPE_WORDS = /^(全省|全市|全区|全县|全州|全盟|全旗|全国|我省|我市|我区|我县)/;
const LEADING_FILLERS = /^(其中|目前|建立|设立|组建|同时|并且|并|以及|和|及|与|、|，|推动|推进|力争|争取|全力|加快|确保|实现|目标|计划|预计|有望|分别|共|均)/;
const TRAILING_VERBS =
  /(突破|超过|超出|超|达到|达|约|近|逾|将近|重回|迈上|站上|跨上|跃上|不少于|不低于|提升至|提高至|增至|降至|分别达|分别为|分别|为|到|保持|实现|完成|有望达到|有望达|有望突破|有望破|有望|预计|力争|破|同比|至|在|是|有|共|均|已|已为|、|和|及|，)$/;
const QUALIFIER_RE = /(有望突破|有望达到|有望达|累计达|突破|超过|超出|超|达到|达|约|近|逾|将近|不少于|不低于|提升至|提高至|增至|降至|破)$/;

/** The qualifier written right before a number: 突破, 超, 约, 达 … */
export function qualifierBefore(left: string): string {
  return QUALIFIER_RE.exec(left)?.[1] ?? '';
}

/**
 * Reduces the words around a number to the name of what it measures: time expressions, scope words
 * (全省), a leading region name, connectors and qualifier verbs go; quotes go so that
 * 专精特新“小巨人”企业 matches 专精特新小巨人企业.
 */
export function cleanMetricPhrase(text: string, region?: string): string {
  let phrase = text.replace(TIME_WORDS, '').replace(/[“”‘’"《》【】\s*]/g, '');
  for (let guard = 0; guard < 6; guard++) {
    const before = phrase;
    phrase = phrase.replace(SCOPE_WORDS, '').replace(LEADING_FILLERS, '').replace(TRAILING_VERBS, '');
    const lead = findRegionMentions(phrase)[0];
    if (lead && lead.start === 0 && (region === undefined || lead.name === region || phrase.length > lead.end)) {
      phrase = phrase.slice(lead.end).replace(/^(省|市)/, '');
    }
    phrase = phrase.replace(/^[，、：；（(]+|[，、：；（(。！？]+$/g, '');
    if (phrase === before) break;
  }
  return phrase;
}

const LIST_SPLIT = /[、和及与]/;

/**
 * Splits "汽车整车、新能源汽车产量" into ["汽车整车产量", "新能源汽车产量"]: the head noun written once
 * at the end of a list applies to every item.
 */
export function splitSubjectList(subjects: string, separators: RegExp = LIST_SPLIT): string[] {
  const items = subjects.split(separators).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) return items;
  const head = headNounOf(items[items.length - 1]);
  return head ? items.map((item) => withHeadNoun(item, head)) : items;
}

const CLAUSE_MARK = /[，；。：,;:]/;
const FIGURE_VERBS = /(分别|同比|比上年|较上年|年均)?(增长|增速|增幅|下降|提升至|提高|达到|达|为|是|从|由|超过|突破)+$/;

/** Drops a bracket left open or closed without its partner: "重点县（市" → "重点县", "）和灵武市" → "和灵武市". */
function balanceBrackets(metric: string): string {
  let text = metric;
  const close = /^[^（(]*?[）)]/.exec(text);
  if (close) text = text.slice(close[0].length);
  const open = text.lastIndexOf('（') >= 0 ? text.lastIndexOf('（') : text.lastIndexOf('(');
  if (open >= 0 && !/[）)]/.test(text.slice(open))) text = text.slice(0, open);
  return text;
}

/**
 * A metric name never reaches across a clause or over another figure: "规上工业增加值增长6.5%左右"
 * cannot name 97个. What follows the last figure names the number; failing that, what comes before
 * the first one, without its verb.
 */
export function repairMetric(metric: string): string {
  let text = metric;
  const lastMark = Math.max(...[...text].map((ch, i) => (CLAUSE_MARK.test(ch) ? i : -1)));
  if (lastMark >= 0) text = text.slice(lastMark + 1);
  const figures = findNumberMentions(text);
  if (figures.length) {
    const after = text.slice(figures[figures.length - 1].end).replace(/^(以上|左右|以内|以下)?[、和及与并）)]*/, '');
    const before = text.slice(0, figures[0].start).replace(FIGURE_VERBS, '');
    const words = (s: string) => s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '').length;
    // Neither side names it alone ("33.4%）和西夏区（20.6%）…增速分别位列…"): the words without the figures.
    const bare = figures.reduceRight((s, f) => s.slice(0, f.start) + s.slice(f.end), text).replace(/[（(][）)]|[（(]?[、，][）)]?/g, '');
    text = words(after) >= 2 ? after : words(before) >= 2 ? before : bare;
  }
  return balanceBrackets(text).trim();
}
