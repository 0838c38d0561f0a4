/**
 * Different spellings of the same metric term, rewritten to one canonical form before matching
 * or indexing. Only whole-term rewrites that never change meaning belong here.
 */
const REWRITES: Array<[RegExp, string]> = [
  [/规模以上/g, '规上'],
  // Below-threshold industry is another figure: its own token, never 规模 or 规上.
  [/规模以下/g, '规下'],
  // "规模工业增加值" (湖南, 浙江 write it so) is the above-threshold figure.
  [/规模工业/g, '规上工业'],
  [/计算能力/g, '算力'],
  [/新能源车(?!辆)/g, '新能源汽车'],
  [/新能源汽汽车/g, '新能源汽车'],
  [/人工智能/g, 'AI'],
  [/第五代移动通信/g, '5G'],
  [/技术改造/g, '技改'],
  [/增速|增幅|增长率/g, '增长'],
  [/占比|所占比重|比重/g, '占比'],
  [/营业收入/g, '营收'],
  // "全市生产总值", "地区生产总值", "GDP" are one figure in this genre.
  [/GDP|gdp|地区生产总值|国内生产总值|经济总量/g, '生产总值'],
  [/总规模/g, '规模'],
  [/总产量/g, '产量'],
  // "战新产业" is how reports abbreviate 战略性新兴产业.
  [/战新(?=产业)/g, '战略性新兴'],
  // "固投" is the spoken and headline short form of 固定资产投资.
  [/固投/g, '固定资产投资'],
  [/社零(总额)?/g, '社会消费品零售总额'],
  // Industrial investment is counted as fixed-asset investment: "工业固定资产投资" is "工业投资".
  [/工业固定资产投资/g, '工业投资'],
  [/入围/g, '入选'],
  [/中小微企业/g, '中小企业'],
  // Quotes become spaces: they delimit names, and gluing names to neighbours confuses the segmenter.
  [/[“”‘’"《》]/g, ' '],
];

export function canonicalize(text: string): string {
  let result = text;
  for (const [pattern, replacement] of REWRITES) result = result.replace(pattern, replacement);
  return result;
}

/** Words jieba must keep whole in this domain. */
export const DOMAIN_WORDS = [
  '算力', '算力规模', '规上', '规上工业', '规上工业增加值', '规上工业企业', '增加值', '专精特新', '小巨人',
  '5G-A', '5G', '6G', '基站', '卓越级', '领航级', '先进级', '智能工厂', '高技术制造业', '技改', '技改投资',
  '工业投资', '数字经济', '核心产业', '新能源汽车', '汽车整车', '单项冠军', '中试平台', '工业母机', '大模型', '特色产业集群',
  '数字化转型', '数字化改造', '工业互联网', '创新联合实验室', '产业集群', '上链企业', '贡献率', '万兆光网', '北斗',
  '授信', '助企融资', '企业库', '培育库', '营收', '民营企业', '中小企业', '独角兽', '绿色工厂', '零碳工厂', '链主', '光电子信息',
  '人形机器人', '工业机器人', '服务机器人', '低空经济', '商业航天', '集成电路', '生物医药', '软件业务收入',
  '利润总额', '占比', '增长点', '增长面', '智能体', '生产总值', '规下', '规下工业', '新材料', '新一代信息技术', '高端装备',
];
