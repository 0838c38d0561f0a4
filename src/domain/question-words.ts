/**
 * How staff type questions, as data: spoken words rewritten to the report's vocabulary, and filler
 * that carries no meaning. Each entry is general to questions about any report.
 */
export const COLLOQUIAL_REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/涨(了|幅)?(多少|几)/g, '增长$2'],
  [/涨(了)?/g, '增长'],
  [/建了/g, '建成'],
  [/搞了/g, '完成了'],
  [/弄了/g, '完成了'],
  [/定的(增速)?目标/g, '$1目标'],
  [/到底|究竟/g, ''],
  [/来着|呀|啊|哈|嘞|呗|哦|噢/g, ''],
];

/** Openings that only address the listener ("帮我查一下", "我想知道"). */
export const FILLER_OPENINGS =
  /^(请问一下|请问|麻烦(你)?|帮(我|忙)?(查|看|找)(一下|下)?|我想(知道|了解|问问?)(一下)?|能(不能)?告诉我|你知道|想问(一下)?|问一下|咨询一下)[，,：:\s]*/;

/** "咱们省/咱们市/咱们" and the like: the asker's own region, never a region name. */
export const SELF_REFERENCE = /咱们|咱|我们|俺们/g;
