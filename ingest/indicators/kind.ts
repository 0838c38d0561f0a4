import type { IndicatorKind, Measure, Modality } from '../../src/indicators/indicator.js';
import type { SectionRole } from '../../src/documents/document.js';
import type { NumberMention } from '../../src/domain/numbers.js';

const FORECAST_WORDS = /(有望|预计|可望|预期)/;
// "预计今年一季度，全区…增长18%左右": a 预计 clause leading the sentence governs the figures after it.
const FORECAST_LEAD = /(^|[，,。；：:])(预计|有望|可望)[^，,。；]{0,10}[，,]/;
const TARGET_WORDS = /(力争|争取|目标|计划|确保|力求|将|要)/;
const SHARE_WORDS = /(占比|比重|比例|强度|占|份额|覆盖率|贡献率|利用率|普及率|渗透率|增长面|率)/;
const CHANGE_WORDS = /(新增|净增|增产|减产|新建|增加(?!值)|减少|新认定|新培育|新获批|新开工|新签约|新引进)/;
// "较2020年增加369.3亿元", "较去年同期加快5.6个百分点": a figure against a base, not one of its own.
// "较一季度回落2.1个百分点", "比全部规模工业快0.7个百分点": a base named in words before the verb.
export const AGAINST_BASE =
  '(?<![同环占])(比|较)(上年同期|去年同期|上年|去年|同期|\\d{4}年(末|底)?|[一二三四]季度|上半年|前三季度|上月|\\d{1,2}[-—至]\\d{1,2}月份?|\\d{1,2}月份?|全部[^，。；\\d]{0,10})?(增加|减少|提高|下降|增长|加快|放缓|回落|回升|收窄|扩大|多|少|快|慢|高|低)';
const DIFF_WORDS = new RegExp(`(高于|低于|快于|慢于|超出|高出|${AGAINST_BASE})`);

// "《…发展规划》明确，全市…实现营业收入500亿元": what a plan sets out is a target, whatever year the text is in.
const PLAN_SAYS = /(规划|方案|计划|意见|纲要)》?(明确|提出)/;
// "2026年主要目标：A增长6%左右，B3.5万个": a lead that announces targets governs the whole sentence.
const TARGET_LEAD = /(目标|预期|指标)(任务)?[:：]|(主要|预期)目标(是|为)/;

/**
 * Target vs actual from the wording before the number and the section it stands in: a plan section
 * states targets; in a review, 有望/预计 mark a forecast, and 力争/目标, a "主要目标：" lead or a
 * year after the one reviewed mark a target.
 */
export function detectModality(
  before: string,
  role: SectionRole,
  periodYear: number,
  reviewYear: number,
  sentenceBefore = before,
  elapsed = false,
): Modality {
  // "2025年一季度，全市…增长11.5%" in a text written in April: a span already over is reported, not planned.
  const future = periodYear > reviewYear && !elapsed;
  if (role === 'plan') return future || (periodYear > reviewYear && TARGET_WORDS.test(before)) ? 'target' : 'actual';
  if (FORECAST_WORDS.test(before) || FORECAST_LEAD.test(sentenceBefore)) return 'forecast';
  if (TARGET_WORDS.test(before) || /明年/.test(before) || TARGET_LEAD.test(sentenceBefore) || PLAN_SAYS.test(sentenceBefore) || future) return 'target';
  return 'actual';
}

/** What the number measures, from its unit and the words right before it. */
export function detectMeasure(mention: NumberMention, left: string, metric: string): Measure {
  if (mention.isRank) return 'rank';
  if (mention.unit === '%' || mention.unit === '个百分点' || mention.unit === '百分点') {
    if (DIFF_WORDS.test(left)) return 'growth';
    // For "分别为55.5%和33.8%" the words sit in the aligned metric, not right before the number.
    const tail = (left.trim().length > 1 ? left : metric).slice(-8);
    if (SHARE_WORDS.test(tail) && !/(增长|增速|增幅)$/.test(tail)) return 'share';
    return 'growth';
  }
  if (CHANGE_WORDS.test(left)) return 'count-change';
  return 'level';
}

export function isDifference(left: string): boolean {
  return DIFF_WORDS.test(left);
}

export function kindOf(modality: Modality, measure: Measure): IndicatorKind {
  if (modality !== 'actual') return modality;
  return measure === 'level' ? 'actual' : measure;
}
