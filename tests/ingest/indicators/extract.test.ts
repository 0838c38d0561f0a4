import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../ingest/prepare-document.js';

// A report the extractor has never seen, no catalog entry: metadata, sections and rows are inferred.
const REPORT = [
  '江西省工业和信息化厅',
  '发布日期：2026-01-20',
  '2025年工作回顾',
  '全年新增国家级专精特新“小巨人”企业62家、累计达到468家，中小企业净增1.2万户、总量31.5万户。',
  '2026年重点任务',
  '力争新增专精特新“小巨人”企业50家以上，算力规模突破8000P。',
].join('\n\n');

describe('extractIndicators on an unseen report', () => {
  const { meta, indicators } = prepareDocument('005_test.txt', REPORT);
  const row = (raw: string) => {
    const found = indicators.find((r) => r.raw === raw);
    if (!found) throw new Error(`no row ${raw}`);
    return found;
  };

  it('infers region and years from the issuer line, the date and the headings', () => {
    expect(meta.regions).toEqual(['江西']);
    expect([meta.reviewYear, meta.planYear]).toEqual([2025, 2026]);
  });

  it('keeps 新增 and 累计 apart when both follow one subject', () => {
    expect(row('62家')).toMatchObject({ measure: 'count-change', metric: expect.stringContaining('新增') });
    expect(row('468家').metric).toMatch(/^国家级专精特新小巨人企业.*累计/);
    expect(row('468家').metric).not.toContain('新增');
    expect(row('31.5万户').metric).toBe('中小企业总量');
  });

  it('reads plan-section figures as 2026 targets with their qualifiers', () => {
    expect(row('8000P')).toMatchObject({ region: '江西', period: '2026', kind: 'target', qualifier: '突破' });
    expect(row('50家')).toMatchObject({ kind: 'target', qualifier: '以上' });
  });
});

// A conference report with no plan heading: the next year's targets sit in the review's own text.
const CONFERENCE = [
  '某省经济和信息化工作会议报告',
  '发布时间：2026-01-20',
  '2025年，全省工业投资完成1.2万亿元，集成电路产量达到420亿块，同比增长12.5%。',
  '2026年主要目标：全省规上工业增加值增长6%左右，新建5G基站3.5万个。',
].join('\n');
const SUMMARY = ['某市经信局2025年工作总结', '发布时间：2026-01-10', '2025年，全市新建5G基站8600个。'].join('\n');

describe('targets and actuals without plan headings', () => {
  const rows = prepareDocument('conference.txt', CONFERENCE).indicators;
  const row = (raw: string) => rows.find((r) => r.raw === raw);

  it('a "主要目标：" lead makes every figure of its sentence a target', () => {
    expect(row('6%')).toMatchObject({ period: '2026', modality: 'target' });
    expect(row('3.5万个')).toMatchObject({ period: '2026', modality: 'target' });
    expect(row('1.2万亿元')).toMatchObject({ period: '2025', modality: 'actual' });
  });

  it('a change with no noun of its own is the change of the figure before it', () => {
    expect(row('12.5%')).toMatchObject({ measure: 'growth', metric: '集成电路产量同比增长' });
  });

  it('a "2025年工作总结" reviews 2025: its figures are actuals', () => {
    const { meta, indicators } = prepareDocument('summary.txt', SUMMARY);
    expect([meta.reviewYear, meta.planYear]).toEqual([2025, 2026]);
    expect(indicators.find((r) => r.raw === '8600个')).toMatchObject({ period: '2025', modality: 'actual' });
  });
});

// The outlet's own place name leads the sentence; the figure is the province's its agency reports.
describe('a byline place before the subject', () => {
  const text = '赣州新闻网讯 记者从江西省工业和信息化厅获悉，2025年1月至11月，全省规上工业增加值同比增长6.1%。';
  const { indicators } = prepareDocument('byline.txt', text);

  it('is not the region of the figure', () => {
    const row = indicators.find((r) => r.raw === '6.1%');
    expect(row).toMatchObject({ region: '江西', measure: 'growth' });
  });
});

// A progress report's heading names the span its figures cover; a bracketed figure after a place is that place's.
describe('a progress heading and figures listed by place', () => {
  const text = [
    '江西省工业和信息化厅',
    '发布日期：2025-10-20',
    '2025年1-9月工业投资和重点项目建设情况',
    '全省工业投资同比增长6.1%。其中，5个设区市工业投资增幅超全省平均水平，分别为赣州市（21.4%）、吉安市（15.2%）。',
  ].join('\n\n');
  const { indicators } = prepareDocument('progress.txt', text);
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('reads the heading as a review of that span, not a plan', () => {
    expect(row('6.1%')).toMatchObject({ region: '江西', period: '2025-01..09', modality: 'actual' });
  });

  it('gives each bracketed figure to the place before it, named by the clause before the list', () => {
    expect(row('21.4%')).toMatchObject({ region: '赣州', period: '2025-01..09', measure: 'growth' });
    expect(row('15.2%')?.region).toBe('吉安');
    expect(row('21.4%')?.metric).toContain('工业投资增幅');
  });
});

// A lead paragraph names the year; the numbered items after it are in that year, each independently.
describe('list-item paragraphs after a dated lead', () => {
  const text = [
    '格隆汇1月21日|江西省人民代表大会开幕，省长作政府工作报告。2025年，全省经济社会发展稳中有进。',
    '一是经济韧性增长。规模以上工业总产值1.2万亿元、同比增长7%。',
    '二是动能加快转换。2024年，高技术制造业增加值增长9.5%。',
    '三是开放扎实推进。外贸进出口总额5000亿元。',
  ].join('\n');
  const { indicators } = prepareDocument('items.txt', text);
  const period = (raw: string) => indicators.find((r) => r.raw === raw)?.period;

  it('dates each item by the lead, not by the item before it', () => {
    expect(period('1.2万亿元')).toBe('2025');
    expect(period('9.5%')).toBe('2024');
    expect(period('5000亿元')).toBe('2025');
  });
});

// A Hong Kong or Taiwan source is matched as simplified; citations still slice the text as served.
describe('a report in traditional characters', () => {
  const text = '雲南省工業和信息化廳\n\n2025年，全省規模以上工業增加值同比增長5.2%，新建5G基站1.2萬個。';
  const { indicators } = prepareDocument('traditional.txt', text);

  it('reads metrics and region in simplified form, with offsets into the served text', () => {
    const growth = indicators.find((r) => r.raw === '5.2%');
    expect(growth).toMatchObject({ region: '云南', metric: '规模以上工业增加值同比增长', period: '2025' });
    const count = indicators.find((r) => r.metric === '新建5G基站');
    expect(count && text.slice(count.valueStart, count.valueEnd)).toBe('1.2萬個');
  });
});

// "从A提升到B": B is the metric's level now; A is only where it started.
describe('a figure raised from one value to another', () => {
  const { indicators } = prepareDocument('from-to.txt', '江西省工业和信息化厅\n\n2025年，全省工业税收占全部税收比重从34.6%提升到48.7%，规上工业企业从3000家增加到5000家。');
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('names the new level by the metric and ties the starting value to it', () => {
    expect(row('48.7%')).toMatchObject({ metric: '工业税收占全部税收比重', measure: 'share' });
    expect(row('34.6%')?.relatedTo).toBe(row('48.7%')?.id);
    expect(row('5000家')?.metric).toBe('规上工业企业');
    expect(row('3000家')?.relatedTo).toBe(row('5000家')?.id);
    const { indicators: more } = prepareDocument('from-to-2.txt', '江西省工业和信息化厅\n\n“十四五”期间，全省规上工业企业由2.3万家增至3.1万家。');
    expect(more.find((r) => r.raw === '3.1万家')?.metric).toBe('规上工业企业');
  });
});

// "快于X N个百分点" compares with X; a bare 增长 after a clause that names the subject is that subject's.
describe('a growth compared with a base, its subject named in the clause before', () => {
  const text = '江西省统计局\n\n2025年各季度服务业增加值增速均快于全省地区生产总值增速，全年增长5.4%，快于全省地区生产总值0.6个百分点，占比提高至51.2%。';
  const { indicators } = prepareDocument('base.txt', text);
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('names each figure by the subject, not by the base', () => {
    expect(row('5.4%')?.metric).toBe('服务业增加值增长');
    expect(row('0.6个百分点')?.relatedTo).toBe(row('5.4%')?.id);
    expect(row('51.2%')).toMatchObject({ metric: '服务业增加值占比', measure: 'share' });
  });

  it('gives a share with no subject of its own ("占全省规上工业比重") to the subject before it', () => {
    const { indicators: rows } = prepareDocument('share.txt', '江西省工业和信息化厅\n\n2025年，制造业增加值增长4.9%，占全省规上工业增加值比重达到64.3%，比上年提高1.9个百分点。');
    expect(rows.find((r) => r.raw === '64.3%')).toMatchObject({ metric: '制造业增加值占全省规上工业增加值比重', measure: 'share' });
  });
});

// "实施工业项目422个，完成投资1055.9亿元": the amount belongs to the things just counted.
describe('an amount right after a count of projects', () => {
  const { indicators } = prepareDocument('projects.txt', '江西省工业和信息化厅\n\n2025年，全省滚动实施工业项目420个，完成投资1050.5亿元。');
  it('is named by the projects', () => {
    expect(indicators.find((r) => r.raw === '1050.5亿元')?.metric).toBe('滚动实施工业项目完成投资');
  });
});

// "A和B增加值增长8%、7.2%": two subjects and two figures align without 分别.
describe('subjects and figures aligned without 分别', () => {
  const { indicators } = prepareDocument('aligned.txt', '江西省工业和信息化厅\n\n2025年，全省战略性新兴产业和高技术制造业增加值增长8%、7.2%。');
  it('gives each figure its own subject', () => {
    expect(indicators.find((r) => r.raw === '8%')?.metric).toBe('战略性新兴产业增加值增长');
    expect(indicators.find((r) => r.raw === '7.2%')?.metric).toBe('高技术制造业增加值增长');
  });
});

// A province's article that turns to one city: that city's sentences stay its own until the paragraph ends or 全省 returns.
describe('a place opening a sentence after a leading time', () => {
  const text = [
    '江西省工业和信息化厅',
    '发布日期：2026-01-20',
    '2025年全省工业经济运行情况',
    '全省规上工业增加值增长7%。2025年，赣州市电子信息产业营业收入增长10.4%。电子信息规上企业超过800家。全省工业投资增长6.1%。',
    '新能源产业营业收入增长9.2%。',
  ].join('\n\n');
  const { indicators } = prepareDocument('turn.txt', text);
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('gives the sentence to the place after its date', () => {
    expect(row('10.4%')).toMatchObject({ region: '赣州', period: '2025' });
  });

  it('keeps that place for the next sentence of the paragraph, and says so', () => {
    expect(row('800家')).toMatchObject({ region: '赣州', scope: expect.objectContaining({ region: 'named earlier in the paragraph' }) });
  });

  it('returns to the whole at 全省 and at the next paragraph', () => {
    expect(row('6.1%')?.region).toBe('江西');
    expect(row('9.2%')?.region).toBe('江西');
  });
});

// A task table typed with bars (markdown or a copied page) after a dated source line: its rows are the plan year's targets.
describe('a text table of 主要工作任务', () => {
  const text = [
    '来源: www.example.gov.cn(某市人民政府), 2024-02-05',
    '序号 | 主 要 工 作 任 务 | 责任单位 |',
    '|---|---|---|',
    '1 | 地区生产总值增长5.5%左右。 | 市发展改革委 |',
    '2 | 规上工业增加值增长7%以上。 | 市经信局 |',
    '来源: www.example.gov.cn, 2024-02-05',
    '漳州市政府工作报告',
    '一、2023年工作回顾',
    '全市规上工业增加值增长4.9%。',
  ].join('\n');
  const { indicators } = prepareDocument('tasks.txt', text);
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('reads each row as a target of the year the report plans, named by its own cell', () => {
    expect(row('7%')).toMatchObject({ period: '2024', modality: 'target', metric: '规上工业增加值增长' });
    expect(row('5.5%')?.metric).toBe('地区生产总值增长');
  });

  it('keeps the review after it a review', () => {
    expect(row('4.9%')).toMatchObject({ period: '2023', modality: 'actual' });
  });
});

// Parallel clauses measure each subject as the first one names it.
describe('a list of sectors after the first names its measure', () => {
  const { indicators } = prepareDocument('sectors.txt', '2025年，分三大门类看，采矿业增加值同比增长6.1%，制造业增长5.2%，水的生产供应业增长3.3%。');
  const metric = (raw: string) => indicators.find((r) => r.raw === raw)?.metric;

  it('gives the later subjects the head noun of the first', () => {
    expect(metric('5.2%')).toBe('制造业增加值增长');
    expect(metric('3.3%')).toBe('水的生产供应业增加值增长');
  });
});

describe('a part after a semicolon that opens with its verb', () => {
  const { indicators } = prepareDocument('parts.txt', '2024年，某市轴承产业实现营业收入61.2亿元，同比增长4.4%；完成税收3.1亿元，占全市税收总额的9.7%。');
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('is matched with the subject the sentence opens with', () => {
    expect(row('3.1亿元')?.context).toContain('轴承产业');
    expect(row('9.7%')?.context).toContain('轴承产业');
    // Shown and named as written: the subject helps matching only.
    expect(row('3.1亿元')?.phrase).toBe('完成税收3.1亿元');
  });

  it('leaves a part with its own subject alone', () => {
    const other = prepareDocument('own.txt', '2024年，某市轴承产业实现营业收入61.2亿元；全市工业投资增长8%。').indicators.find((r) => r.raw === '8%');
    expect(other?.context).not.toContain('轴承');
  });
});

describe('a sentence opening with 其中 and a bare growth', () => {
  const { indicators } = prepareDocument('month.txt', '2024年1-9月，全县规上工业增加值同比增长4.1%，增速较上半年提高1.2个百分点。其中，9月增长8.8%，增速居全市第2位。');
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('is the growth of the figure the sentence before measured, in the month it names', () => {
    expect(row('8.8%')).toMatchObject({ metric: '规上工业增加值增长', period: '2024-09..09' });
  });
});

describe('an undated plan that looks ahead to the end of a five-year plan', () => {
  const { meta, indicators } = prepareDocument(
    'plan.txt',
    '“十四五”期间，某州将重点发展新型建材产业。\n发展规划显示，到“十四五”末，全州工业总产值突破900亿元，规模以上工业企业突破300户。',
  );

  it('is dated from the plan it looks ahead in, so its figures are targets', () => {
    expect(meta).toMatchObject({ reviewYear: 2020, planYear: 2021 });
    expect(indicators.find((r) => r.raw === '900亿元')).toMatchObject({ modality: 'target', period: '2025' });
    expect(indicators.find((r) => r.raw === '300户')).toMatchObject({ modality: 'target' });
  });
});

describe('ranks among a parent place and figures after them', () => {
  const { indicators } = prepareDocument(
    'ranks.txt',
    '2025年，全县地区生产总值完成300.5亿元，总量稳居苏州市县域第一，增长6.1%。税收收入增长9.2%、排苏州市县域第三。制造业投资增速40.2%，增速全省第1名。',
  );
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('reads 第1名 as a rank and ties each rank to the figure it ranks', () => {
    expect(row('第1名')).toMatchObject({ measure: 'rank', value: 1, relatedTo: row('40.2%')?.id });
    expect(row('第三')).toMatchObject({ measure: 'rank', relatedTo: row('9.2%')?.id });
    expect(row('第一')?.relatedTo).toBe(row('300.5亿元')?.id);
  });

  it('gives a growth after a rank the subject the rank ranked', () => {
    expect(row('6.1%')?.metric).toBe('地区生产总值增长');
  });
});

describe('a total after a growth and an estimate followed by its change', () => {
  it('names the total by what grew', () => {
    const { indicators } = prepareDocument('total.txt', '2025年，全市地区生产总值同比增长5.2%、总量重回2000亿元台阶。');
    expect(indicators.find((r) => r.raw === '2000亿元')?.metric).toBe('地区生产总值总量');
  });

  it('keeps the change as estimated as the figure', () => {
    const { indicators } = prepareDocument('estimate.txt', '2024年，全区预计完成GDP210亿元，同比增长5.9%；社会消费品零售总额增长4%。');
    expect(indicators.find((r) => r.raw === '210亿元')?.modality).toBe('forecast');
    expect(indicators.find((r) => r.raw === '5.9%')?.modality).toBe('forecast');
    expect(indicators.find((r) => r.raw === '4%')?.modality).toBe('actual');
  });
});

describe('a text that never names its year', () => {
  const { meta, indicators } = prepareDocument('undated.txt', '前三季度，全市规上工业增加值同比增长4.3%，工业投资增长9.1%。');

  it('is marked undated, and so are its rows, which keep the months they name', () => {
    expect(meta.undated).toBe(true);
    expect(indicators.find((r) => r.raw === '4.3%')).toMatchObject({ undated: true });
    expect(indicators.find((r) => r.raw === '4.3%')?.period.slice(4)).toBe('-01..09');
  });

  it('dates figures without a time of their own by the months its headline names', () => {
    const { indicators: rows } = prepareDocument('months.txt', '1-9月全市规模以上工业增加值增长4.1%\n分企业看，大型企业增加值增长9.2%，中型企业增长3.3%。');
    expect(rows.find((r) => r.raw === '9.2%')).toMatchObject({ undated: true });
    expect(rows.find((r) => r.raw === '9.2%')?.period.slice(4)).toBe('-01..09');
  });

  it('is not undated once the text names a year', () => {
    expect(prepareDocument('dated.txt', '2024年前三季度，全市规上工业增加值同比增长4.3%。').meta.undated).toBeUndefined();
  });
});

describe('dash bullets under a plan lead', () => {
  const { indicators } = prepareDocument(
    'bullets.txt',
    '发布时间：2023-05-10\n某市印发行动计划，提出到2025年，工业增加值超过2000亿元。\n——创新能力显著增强。重点企业研发投入强度达3%以上。\n——转型成效明显。规上工业企业数字化转型比例达70%以上。',
  );
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('are targets of the lead year, and a ratio (强度, 比例) is a share', () => {
    expect(row('3%')).toMatchObject({ modality: 'target', period: '2025', measure: 'share' });
    expect(row('70%')).toMatchObject({ modality: 'target', period: '2025', measure: 'share' });
  });
});

describe('totals and averages over several years', () => {
  const { indicators } = prepareDocument(
    'years.txt',
    '政府工作报告\n过去五年，全市发展取得新成效。\n五年来，新增规上工业企业360户，规上工业增加值年均增长8.1%，生产总值达到900亿元。',
  );
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('marks the total and the average as several years, and leaves the level of the last year alone', () => {
    expect(row('360户')?.multiYear).toBe(true);
    expect(row('8.1%')?.multiYear).toBe(true);
    expect(row('900亿元')?.multiYear).toBeUndefined();
  });

  it('does not read 过去一年 as several years', () => {
    const one = prepareDocument('one.txt', '政府工作报告\n过去一年，新增规上工业企业120户。').indicators.find((r) => r.raw === '120户');
    expect(one?.multiYear).toBeUndefined();
  });
});

describe('a subject before 在…的基础上', () => {
  const { indicators } = prepareDocument(
    'base.txt',
    '时间：2025-01-12\n2024年，全市原煤产量在连续三年增产的基础上，再增产300万吨，达到5200万吨。规上工业增加值在去年高基数的基础上增长8.5%。',
  );
  const row = (raw: string) => indicators.find((r) => r.raw === raw);

  it('names the figures after it, the added amount as a change', () => {
    expect(row('5200万吨')).toMatchObject({ metric: '原煤产量', measure: 'level', period: '2024' });
    expect(row('300万吨')).toMatchObject({ metric: '原煤产量增产', measure: 'count-change' });
  });

  it('takes no period or words from the base clause', () => {
    expect(row('8.5%')).toMatchObject({ metric: '规上工业增加值增长', period: '2024', modality: 'actual' });
  });
});

describe('a multiple of a base year', () => {
  it('leaves the figure in the year reported, not the base year (是2011年的1.88倍)', () => {
    const { indicators } = prepareDocument(
      'multiple.txt',
      '时间：2017-02-20\n政府工作报告\n截至2016年末，全县生产总值完成96.4亿元，是2011年的1.9倍；工业增加值完成52.1亿元，是2011年的1.8倍。',
    );
    expect(indicators.find((r) => r.raw === '52.1亿元')).toMatchObject({ period: '2016', modality: 'actual' });
  });
});

describe('分别 after a clause of figures', () => {
  it('aligns each growth with the figure before it', () => {
    const { indicators } = prepareDocument('pairs.txt', '时间：2021-01-10\n2020年全县完成产值31.5亿元、增加值8.2亿元，较上年分别增长12.3%、9.6%。');
    expect(indicators.find((r) => r.raw === '12.3%')?.metric).toMatch(/产值.*增长$/);
    expect(indicators.find((r) => r.raw === '9.6%')?.metric).toMatch(/增加值.*增长$/);
  });
});

describe('a 分别 list whose items have 和 in their names', () => {
  it('splits at 、 when splitting at 和 too gives more items than figures', () => {
    const { indicators } = prepareDocument(
      'items.txt',
      '时间：2023-05-20\n1-4月，计算机通信和其他电子设备制造业、铁路船舶和航空航天设备制造业增加值分别同比增长12.5%、8.4%。',
    );
    expect(indicators.find((r) => r.raw === '12.5%')?.metric).toMatch(/^计算机通信和其他电子设备制造业.*增长$/);
    expect(indicators.find((r) => r.raw === '8.4%')?.metric).toMatch(/^铁路船舶和航空航天设备制造业.*增长$/);
  });
});
