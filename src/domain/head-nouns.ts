/**
 * The noun that ends a metric and says what is counted ("新能源汽车产量"); a list or a follow-up that
 * names only the subject ("汽车整车、新能源汽车产量", "那规上工业呢") shares it. Longest first.
 */
export const HEAD_NOUNS = ['工业增加值', '工业总产值', '工业产值', '工业投资', '工业企业', '产量', '增加值', '投资', '产值', '营收', '营业收入', '收入', '规模', '利润', '总额', '比重', '数量', '企业', '产业'];

/** Heads that name a category, not a quantity: "战略性新兴产业呢" still asks the quantity asked before. */
export const CATEGORY_HEADS = new Set(['产业']);

/** The head noun a metric ends with, if it names more than that noun. */
export function headNounOf(metric: string): string | undefined {
  return HEAD_NOUNS.find((h) => metric.endsWith(h) && metric.length > h.length);
}

/** "轻工业" + "工业增加值" → "轻工业增加值": the head joined without doubling the part they share. */
export function withHeadNoun(subject: string, head: string): string {
  if (subject.endsWith(head)) return subject;
  for (let n = Math.min(subject.length, head.length - 1); n > 0; n--) if (head.startsWith(subject.slice(-n))) return subject + head.slice(n);
  return subject + head;
}

/** Things counted ("项目422个") whose amount is stated right after ("完成投资1055.9亿元", "总投资呢"). */
export const COUNTED_THINGS = /(项目|企业|园区|集群|基地|平台)$/;
export const AMOUNT_OF_COUNTED = /^(完成投资|实现投资|总投资|投资额|投资|总金额|金额|签约额|总产值|产值|实现产值|营业收入|营收|收入|利润|规模)$/;

/** Metrics complete in themselves: a follow-up naming one ("GDP呢") never borrows the previous head noun (GDP投资). */
export const COMPLETE_METRICS = /(生产总值|GDP|经济总量|财政收入|预算收入|税收收入|税收|社会消费品零售总额|社零总额|进出口总额|进出口|出口|进口|用电量)$/;
