import { describe, expect, it } from 'vitest';
import { inheritedNote, resolveConversation } from '../../../src/answer/conversation/conversation.js';
import { resolveFollowUp } from '../../../src/answer/conversation/resolve-follow-up.js';

const today = new Date('2026-06-01T00:00:00Z');
const resolve = (previous: string, question: string) => resolveFollowUp(previous, question, today);

describe('a follow-up replaces only the slots it names', () => {
  it('a new year keeps region, metric and kind', () => {
    const r = resolve('2026年江苏规上工业增加值增长目标是多少', '那2025年呢？');
    expect(r.question).toBe('2025年江苏规上工业增加值增长目标是多少');
    expect(r.inherited).toEqual({ regions: ['江苏'], metric: '规上工业增加值增长', kind: '目标' });
  });

  it('a sub-year period and a relative year are read against the year under discussion', () => {
    expect(resolve('2024年江苏工业投资是多少', '上半年呢').question).toBe('2024年上半年江苏工业投资是多少');
    expect(resolve('2024年江苏工业投资是多少', '去年呢').question).toBe('2023年江苏工业投资是多少');
  });

  it('a new region replaces the old one, or is added where none was named', () => {
    expect(resolve('2025年南京规上工业企业有多少家', '苏州呢？').question).toBe('2025年苏州规上工业企业有多少家');
    expect(resolve('2025年规上工业企业有多少家', '那苏州呢').question).toBe('2025年苏州规上工业企业有多少家');
  });

  it('a change of kind swaps target words for actual ones and back', () => {
    expect(resolve('2025年江苏新建5G基站目标是多少', '实际完成了多少？').question).toBe('2025年江苏新建5G基站实际是多少');
    expect(resolve('2025年江苏新建5G基站实际是多少', '目标呢？').question).toBe('2025年江苏新建5G基站目标是多少');
    expect(resolve('2025年江苏新建5G基站目标是多少', '完成了吗').question).toBe('2025年江苏新建5G基站目标完成了吗');
  });

  it('a pronoun with a new measure asks that measure of the same metric', () => {
    const r = resolve('2025年江苏集成电路产量是多少', '它的增速呢？');
    expect(r.question).toBe('2025年江苏集成电路产量增速是多少');
    expect(r.inherited.metric).toBe('集成电路产量');
    // A count's unit does not carry over to a rate.
    expect(resolve('2025年江苏新建多少个5G基站', '增长了多少').question).not.toMatch(/多少个/);
  });

  it('differences name their base: the year before, another region, or the target', () => {
    expect(resolve('2025年江苏工业投资是多少', '比上年多多少？').question).toBe('2025年江苏工业投资，比上年多多少');
    expect(resolve('2025年南京工业投资是多少', '比苏州多多少').question).toBe('2025年南京工业投资，比苏州多多少');
    expect(resolve('2025年江苏算力规模达到多少', '和目标差多少？').question).toBe('2025年江苏算力规模实际比目标差多少');
  });

  it('a new metric in the same scope keeps the kind asked before', () => {
    const r = resolve('2026年江苏集成电路产量目标是多少', '那新能源汽车呢？');
    expect(r.question).toBe('2026年江苏新能源汽车产量目标是多少');
    expect(r.inherited).toMatchObject({ regions: ['江苏'], period: '2026年', kind: '目标' });
  });

  it('a new metric with no region of its own stays in the region and year under discussion', () => {
    expect(resolve('江苏2024年工业增加值是多少？', '规上工业企业多少户？').question).toBe('2024年江苏规上工业企业多少户');
    expect(resolve('2025年江苏工业投资增长多少', '其中技改投资呢').question).toBe('2025年江苏技改投资增长多少');
    expect(resolve('2025年江苏汽车整车产量是多少', '那新能源汽车呢').question).toBe('2025年江苏新能源汽车产量是多少');
  });

  it('words that act on the previous figure keep its metric; a bare head noun swaps only the head', () => {
    expect(resolve('江苏2025年高技术制造业增加值增长多少？', '占规上工业比重呢？').question).toBe('2025年江苏高技术制造业增加值占规上工业比重多少');
    expect(resolve('2025年江苏规上工业企业总量有多少？', '2026年计划新增多少家？').question).toBe('2026年江苏规上工业企业计划新增多少家');
    expect(resolve('2025年江苏规上工业企业营业收入多少？', '利润呢？').question).toBe('2025年江苏规上工业企业利润多少');
  });

  it('an industry named 新材料 is a metric, not the word for source material', () => {
    expect(resolve('江西上半年新一代信息技术产业增加值增长多少', '新材料呢').question).toContain('新材料');
  });

  it('当初定的目标呢 asks the target of the metric under discussion', () => {
    expect(resolve('江西2025年新能源汽车产量实际达到多少？', '当初定的目标是多少？').question).toContain('新能源汽车产量目标');
  });

  it('a swapped head keeps the growth asked before, unless it names an amount; a sector head stands alone', () => {
    expect(resolve('2025年江苏规上工业企业营业收入增长多少？', '利润呢？').question).toBe('2025年江苏规上工业企业利润增长多少');
    expect(resolve('2025年江苏规上工业企业营业收入增长多少？', '利润总额呢？').question).not.toContain('增长');
    expect(resolve('江苏去年规上工业增加值增长多少？', '工业投资呢？').question).toBe('去年江苏工业投资增长多少');
  });

  it('a complete metric (GDP, 经济总量) never borrows the previous head noun, and an amount drops the growth', () => {
    expect(resolve('江苏2025年固定资产投资预计完成多少？', 'GDP呢？').question).not.toContain('GDP投资');
    expect(resolve('江苏2025年GDP增长多少？', '经济总量呢？').question).toBe('2025年江苏经济总量多少');
  });

  it('比上年增长多少 asks the growth of the figure; a base time is kept as typed; a share does not carry to things counted', () => {
    expect(resolve('江苏2025年新增专精特新企业多少家？', '比上年增长多少？').question).toBe('江苏2025年新增专精特新企业同比增长多少');
    expect(resolve('江苏2025年1-5月规上工业增加值增长多少？', '比1至4月回升了多少？').question).toBe('江苏2025年1-5月规上工业增加值增长，比1至4月回升了多少');
    expect(resolve('江苏到2027年制造业增加值比重目标是多少？', '规上工业企业呢？').question).not.toContain('比重');
  });

  it('全年 stays in the question; the amount of things just counted keeps them', () => {
    expect(resolve('江苏2024年1—11月规上工业增加值增长多少？', '那2025年全年呢？').question).toBe('江苏2025年全年规上工业增加值增长多少');
    expect(resolve('江苏2025年签约产业转移项目多少个？', '总投资呢？').question).toBe('2025年江苏签约产业转移项目总投资多少');
  });

  it('a metric with a head noun of its own is asked the way the last one was, a part (其中) as the whole was', () => {
    expect(resolve('江苏2025年规上工业增加值增长多少？', '一般公共预算收入呢？').question).toBe('2025年江苏一般公共预算收入增长多少');
    expect(resolve('江苏2025年规上工业增加值增长多少？', '社会消费品零售总额呢？').question).toBe('2025年江苏社会消费品零售总额多少');
    expect(resolve('江苏2025年工业投资增长多少？', '其中技改投资呢？').question).toBe('2025年江苏技改投资增长多少');
    expect(resolve('2025年一季度江苏汽车制造业增加值增长多少？', '拉动全省规上工业增长几个百分点？').question).toBe(
      '2025年一季度江苏汽车制造业增加值拉动全省规上工业增长几个百分点',
    );
  });

  it('a quoted name replaces the quoted name before it; a question asking for words gets no 是多少', () => {
    expect(resolve('江苏2025年工业园区建设以哪“三园”为突破口？', '那“四系”呢？').question).toBe('江苏2025年工业园区建设以哪“四系”为突破口');
    expect(resolve('江苏2025年新增专精特新企业多少家？', '制造业创新中心体系是什么构成？').question).toBe('2025年江苏制造业创新中心体系是什么构成');
    expect(resolve('江苏2026年要建立什么工作推进机制？', '发展路径呢？').question).toBe('2026年江苏发展路径是什么');
  });

  it('carries the earlier time as typed; a kind of the previous metric keeps its measure', () => {
    expect(resolve('江苏上半年工业投资增长多少？', '技改投资呢？').question).toBe('上半年江苏技改投资增长多少');
    expect(resolve('江苏去年规上工业增加值增长多少？', '战略性新兴产业呢？').question).toBe('去年江苏战略性新兴产业增加值增长多少');
    expect(resolve('江苏上半年规上工业企业营业收入多少？', '利税总额呢？').question).toBe('上半年江苏利税总额多少');
  });

  it('two subjects are asked each; a province-wide word goes with the province', () => {
    expect(resolve('江苏2025年规上工业增加值增长多少？', '战略性新兴产业和高技术制造业呢？').question).toBe('2025年江苏战略性新兴产业和高技术制造业增加值分别增长多少');
    expect(resolve('江苏1-11月全省规上工业增加值增速多少？', '那南京呢？').question).toBe('南京1-11月规上工业增加值增速多少');
  });

  it('去年同期 keeps the months; 比全国 keeps its base', () => {
    expect(resolve('江苏2025年一季度规上工业增加值增长多少？', '去年同期呢？').question).toBe('江苏2024年一季度规上工业增加值增长多少');
    expect(resolve('江苏2025年上半年规上工业增加值增长多少？', '比全国高多少？').question).toBe('江苏2025年上半年规上工业增加值增长，比全国高多少');
  });

  it('a complete question with a metric of its own is a new topic', () => {
    const r = resolve('2026年江苏集成电路产量目标是多少', '2024年浙江规上工业企业有多少家？');
    expect(r).toEqual({ question: '2024年浙江规上工业企业有多少家？', followUp: false, inherited: {}, asksSource: false });
  });

  it('asking for the source keeps the previous question and says so', () => {
    const r = resolve('2026年江苏集成电路产量目标是多少', '这个数字出自哪份报告？');
    expect(r).toMatchObject({ question: '2026年江苏集成电路产量目标是多少', asksSource: true, followUp: true });
    expect(resolve('2026年江苏集成电路产量目标是多少', '这个目标是在什么会议上提出的？')).toMatchObject({ asksSource: true });
  });

  it('reads casual typing: full-width digits, traditional characters, 咱们', () => {
    expect(resolve('2026年江苏集成电路产量目标是多少', '那２０２５年的呢').question).toBe('2025年江苏集成电路产量目标是多少');
    expect(resolve('2025年江苏集成电路产量是多少', '咱们省排第几').question).toBe('2025年江苏集成电路产量排第几');
    expect(resolve('2025年江苏集成电路产量是多少', '它的增長呢').question).toBe('2025年江苏集成电路产量增长是多少');
  });
});

describe('a conversation of several turns', () => {
  it('chains follow-ups, each on the one resolved before it', () => {
    const history = [{ question: '2026年江苏算力规模目标是多少' }, { question: '那2025年呢？' }];
    expect(resolveConversation(history, '实际完成了多少？', today).question).toBe('2025年江苏算力规模实际是多少');
  });

  it('takes an echoed response’s resolved question as it is', () => {
    const history = [{ question: 'x', resolved: '2025年浙江工业投资是多少' }];
    expect(resolveConversation(history, '那江苏呢', today).question).toBe('2025年江苏工业投资是多少');
  });

  it('only the last turns count', () => {
    const history = [{ question: '2025年浙江工业投资是多少' }, ...Array.from({ length: 8 }, () => ({ question: '2024年江苏新建5G基站目标是多少' }))];
    expect(resolveConversation(history, '那2023年呢', today).question).toBe('2023年江苏新建5G基站目标是多少');
  });

  it('with no history a question stands alone, and the note says what was inherited', () => {
    expect(resolveConversation([], '那2025年呢？', today)).toMatchObject({ question: '那2025年呢？', followUp: false });
    const r = resolveFollowUp('2026年江苏算力规模目标是多少', '那2025年呢？', today);
    expect(inheritedNote(r)).toBe('（按上文：江苏 · 算力规模 · 目标）');
  });
});

describe('follow-ups that name a count or a relative year of their own', () => {
  it('asks a new count as its own metric, not as a part of the figure before', () => {
    expect(resolve('2023年遵义汽车整车产量多少？', '新增规上工业企业呢？').question).toBe('2023年遵义新增规上工业企业多少');
    expect(resolve('2023年江苏新增专精特新企业多少家？', '计划新增多少家？').question).toContain('专精特新企业');
  });

  it('keeps 今年 or a month as typed when the question before named no year, for the corpus to date', () => {
    expect(resolve('江苏规上工业企业总数多少？', '今年新增几家？').question).toMatch(/^今年江苏/);
    expect(resolve('江苏1-10月规上工业增加值增长多少？', '10月当月呢？').question).not.toMatch(/\d{4}年/);
  });
});

describe('a follow-up naming another level (省级的呢)', () => {
  it('puts the new level in the place of the old one', () => {
    const r = resolve('2023年遵义新增国家级专精特新企业几家？', '省级的呢？');
    expect(r.question).toBe('2023年遵义新增省级专精特新企业几家');
    expect(r.inherited.regions).toEqual(['遵义']);
  });
});
