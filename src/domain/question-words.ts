/**
 * How staff type questions, as data: spoken words rewritten to the report's vocabulary, and filler
 * that carries no meaning. Each entry is general to questions about any report.
 */
export const COLLOQUIAL_REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/涨(了|幅)?(多少|几)/g, '增长$2'],
  [/涨(了)?/g, '增长'],
  [/建了/g, '建成'],
  [/搞了/g, '完成了'],
  [/搞到|弄到|做到/g, '达到'],
  // "规上工业增长多少", "规上工业呢": the figure the genre means by it is 规上工业增加值.
  // Not as a base or what a sector pulls ("高于全部规上工业", "拉动全省规上工业增长"), written as reports write them.
  [/(?<!高于|低于|快于|慢于|全部|[比较]|(拉动|带动)(全[省市区县])?)(规上|规模以上)工业(?=[增呢？?。，,]|$|完成|是多少|多少)(?!增加值)/g, '$3工业增加值'],
  // "一年能产多少台": the annual capacity a report writes 年产.
  [/一年(能|可以)?(生产|产)/g, '年产'],
  [/弄了/g, '完成了'],
  [/定的(增速)?目标/g, '$1目标'],
  [/到底|究竟/g, ''],
  [/来着|呀|啊|哈|嘞|呗|哦|噢/g, ''],
  // "现在有多少家": the latest figure, which is what a question with no period gets anyway.
  [/截[至止](目前|现在|当前)|现在|目前|当前|如今|眼下/g, ''],
];

/** Openings that only address the listener ("帮我查一下", "我想知道"). */
export const FILLER_OPENINGS =
  /^((另外|顺便|再)?(请问一下|请问|问一下|问个问题|问一个问题)|另外|顺便|换个问题|再问一个|还有一个问题|麻烦(你)?|帮(我|忙)?(查|看|找)(一下|下)?|我想(知道|了解|问问?)(一下)?|能(不能)?告诉我|你知道|想问(一下)?|咨询一下)[，,：:\s]*/;

/** "咱们省/咱们市/咱们" and the like: the asker's own region, never a region name. */
export const SELF_REFERENCE = /咱们|咱|我们|俺们/g;

/**
 * Follow-up questions in a conversation ("那2025年呢？", "它的增速呢？", "这个数字出自哪份报告？"):
 * the words that mark a question as leaning on the turn before it.
 */
export const FOLLOW_UP_OPENING = /^(那么|那末|那|还有|另外|然后|再问(一下)?|再看(一下)?|换成|如果是|要是)[，,、\s]*/;
export const FOLLOW_UP_CLOSING = /(的情况|的话|的)?(呢|吗|嘛)?[？?。！!\s]*$/;
/** Pronouns standing for the metric or the figure of the previous answer. */
export const FOLLOW_UP_PRONOUN = /它的|它|其|该指标|该项|该数据|这个数字|这个数|这个指标|这个数据|这一指标|这项|这个|此项|同一指标/g;
export const ASKS_SOURCE = /出自|出处|来源|来自哪|引自|哪份(报告|文件|材料|文档)|哪个(报告|文件|文档)|哪篇|原文(在哪|是什么)|依据是什么|(什么|哪个|哪次|哪一次)(会议|会上|大会)|在哪(里)?(提出|说)的/;
/** Words that set the kind of figure asked (target or actual), removed when a follow-up changes it. */
export const KIND_WORDS = /预期目标|目标值|目标|计划|力争|争取|预计|实际完成|实际|已经完成|已经|完成了|达到了|实现了/g;
/** Words that set the measure (growth, share, rank), removed when a follow-up changes it. */
export const MEASURE_WORDS = /同比增长|增长率|增速|增幅|增长|比重|占比|份额|排名|位次/g;
/** A single token that says how a figure is measured, not what it measures. */
export const MEASURE_TERM = /^(同比|环比|比上年|增长|增速|增幅|增长率|下降|提高|提升|比重|占比|份额)$/;
/** "比上年多多少", "和目标差多少": the verb of a difference asked in a follow-up. */
export const DIFFERENCE_VERB = /(提高|提升|下降|降低|加快|放缓|回落|回升|收窄|扩大|增加|减少|多|少|高|低|相差|差|超出|超过)了?(多少|几)/;
/** "比上年增长多少": the growth of the figure under discussion, not a figure of the year before. */
export const GROWTH_OVER_LAST_YEAR = /^(比|较)(上年|去年)(同期)?(增长|增速|增幅)(了)?(多少|几)/;
/** Words of a follow-up that name no metric of their own. */
export const FOLLOW_UP_NON_METRIC = new Set(
  ('它 其 该 这 这个 那 那么 数字 数据 指标 数 值 还 呢 上年 去年 前年 同期 相比 比 差 相差 超出 超过 出自 报告 哪份 来源 ' +
    '出处 文件 材料 哪篇 原文 年度 全年 上半年 下半年 季度 一季度 二季度 三季度 四季度 前三季度 当月 月份 当年 时候 情况 省 市 县 区 ' +
    // "当初定的目标呢": when the figure was set, not which figure.
    '当初 当时 原来 原先 最初 起初 定 定的 制定 提出').split(' '),
);
