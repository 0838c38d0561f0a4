import { describe, expect, it } from 'vitest';
import { comparableUnit, findNumberMentions, parseChineseInteger, type NumberMention } from '../../src/domain/numbers.js';

/** The single mention in a text. */
function only(text: string): NumberMention {
  const mentions = findNumberMentions(text);
  expect(mentions, text).toHaveLength(1);
  return mentions[0];
}

const pick = (m: NumberMention) => ({ raw: m.raw, value: m.value, unit: m.unit, approx: m.approx, isRank: m.isRank });

describe('findNumberMentions: quantities', () => {
  it('reads 万 and 亿 magnitudes into plain values, keeping the raw text', () => {
    expect(pick(only('算力规模突破2.2万P'))).toEqual({ raw: '2.2万P', value: 22000, unit: 'P', approx: '', isRank: false });
    expect(pick(only('全年营收有望达3.3万亿元'))).toMatchObject({ raw: '3.3万亿元', value: 3.3e12, unit: '元' });
    expect(pick(only('签约项目金额约2795亿元'))).toMatchObject({ raw: '2795亿元', value: 2795e8, unit: '元' });
    expect(pick(only('汽车整车产量达183.6万辆'))).toMatchObject({ raw: '183.6万辆', value: 1836000, unit: '辆' });
    expect(pick(only('累计建成5G基站18.8万个'))).toMatchObject({ raw: '18.8万个', value: 188000, unit: '个' });
  });

  it('reads unit-only quantities, PFLOPS before P, 个百分点 before 个', () => {
    expect(pick(only('算力规模达7998PFLOPS'))).toMatchObject({ raw: '7998PFLOPS', value: 7998, unit: 'PFLOPS' });
    expect(pick(only('力争算力总规模超12000P，强化'))).toMatchObject({ raw: '12000P', value: 12000, unit: 'P' });
    expect(pick(only('高于全国1.9个百分点'))).toMatchObject({ raw: '1.9个百分点', value: 1.9, unit: '个百分点' });
    expect(pick(only('同比增长7.7%'))).toMatchObject({ raw: '7.7%', value: 7.7, unit: '%' });
    expect(pick(only('分别实现连续11个月'))).toMatchObject({ raw: '11个月', value: 11, unit: '个月' });
    expect(pick(only('出口带宽达到400Gbps'))).toMatchObject({ raw: '400Gbps', value: 400, unit: 'Gbps' });
    expect(pick(only('存储总量达12PB'))).toMatchObject({ raw: '12PB', value: 12, unit: 'PB' });
  });

  it('does not read a word that starts with a unit character as the unit (3000亿台阶)', () => {
    expect(pick(only('经济总量迈上3000亿台阶'))).toMatchObject({ raw: '3000亿', value: 3e11, unit: '' });
  });

  it('gives every rate of a list the unit written once at its end', () => {
    const rates = findNumberMentions('分别比全国、全省和全市高4.2、4.3和3.2个百分点');
    expect(rates.map((m) => [m.raw, m.unit])).toEqual([['4.2', '个百分点'], ['4.3', '个百分点'], ['3.2个百分点', '个百分点']]);
    expect(findNumberMentions('编号A12、4.3%').map((m) => m.raw)).toEqual(['4.3%']);
  });

  it('keeps the per-unit of a density', () => {
    expect(pick(only('工业机器人密度达到260台/万人'))).toMatchObject({ raw: '260台/万人', value: 260, unit: '台/万人' });
  });

  it('reads farm, energy and freight units whole, so 亿斤 is not 亿 of nothing', () => {
    expect(pick(only('粮食总产量达到652亿斤'))).toMatchObject({ raw: '652亿斤', value: 652e8, unit: '斤' });
    expect(pick(only('集装箱吞吐量310万标箱'))).toMatchObject({ raw: '310万标箱', unit: '标箱' });
    expect(pick(only('光伏装机1.2吉瓦'))).toMatchObject({ raw: '1.2吉瓦', unit: '吉瓦' });
  });

  it('keeps approximation words: 多/余 inside raw, 以上/左右 outside it', () => {
    expect(pick(only('推进4700多个技改项目'))).toMatchObject({ raw: '4700多个', value: 4700, unit: '个', approx: '多' });
    expect(pick(only('惠及企业2000余家'))).toMatchObject({ raw: '2000余家', value: 2000, unit: '家', approx: '余' });
    expect(pick(only('惠及中小企业2万余户'))).toMatchObject({ raw: '2万余户', value: 20000, unit: '户', approx: '余' });
    const above = only('力争工业投资增长8%以上');
    expect(pick(above)).toMatchObject({ raw: '8%', value: 8, unit: '%', approx: '以上' });
    expect('力争工业投资增长8%以上'.slice(above.start, above.end)).toBe('8%');
    expect(pick(only('降低综合成本15%左右'))).toMatchObject({ raw: '15%', approx: '左右' });
  });

  it('reads an amount glued to an acronym (GDP451亿元), not a code (T8)', () => {
    expect(pick(only('完成GDP318亿元'))).toMatchObject({ raw: '318亿元', value: 318e8, unit: '元' });
    expect(findNumberMentions('T8万元级')).toEqual([]);
  });

  it('reports offsets that slice to raw', () => {
    const text = '全省累计建成5G基站16.38万个、全国第九，算力规模达7998PFLOPS、中部第二。';
    const mentions = findNumberMentions(text);
    expect(mentions.map((m) => m.raw)).toEqual(['16.38万个', '第九', '7998PFLOPS', '第二']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.raw);
  });

  it('reads aligned lists in order', () => {
    expect(findNumberMentions('汽车整车、新能源汽车产量分别达183.6万辆、82.4万辆').map((m) => m.value)).toEqual([1836000, 824000]);
    expect(findNumberMentions('工业投资、技改投资分别增长15.3%和12.0%').map((m) => m.raw)).toEqual(['15.3%', '12.0%']);
  });
});

describe('findNumberMentions: ranks', () => {
  it('reads 第4位, 第二, 第10, 首位 as ranks', () => {
    expect(pick(only('居工业大省第4位'))).toEqual({ raw: '第4位', value: 4, unit: '位', approx: '', isRank: true });
    expect(pick(only('算力规模中部第二'))).toMatchObject({ raw: '第二', value: 2, isRank: true });
    expect(pick(only('居全国第10'))).toMatchObject({ raw: '第10', value: 10, isRank: true });
    expect(pick(only('规模均居全国首位'))).toMatchObject({ raw: '首位', value: 1, unit: '位', isRank: true });
    expect(pick(only('数量居全国第一'))).toMatchObject({ value: 1, isRank: true });
  });

  it('does not read batch ordinals as ranks (第一批, 第二届, 第三批)', () => {
    expect(findNumberMentions('获批第一批工业领域设备更新国债项目')).toEqual([]);
    expect(findNumberMentions('举办第二届中国国际中小企业博览会')).toEqual([]);
    expect(findNumberMentions('第21届中国国际中小企业博览会')).toEqual([]);
    expect(findNumberMentions('发布第三批78个人工智能应用场景').map((m) => m.raw)).toEqual(['78个']);
  });

  // "第二曲线" / "第二增长曲线" name a strategy (004, 湖南), not a rank.
  it('does not read 第二 in 第二曲线 as a rank', () => {
    expect(findNumberMentions('构建工业经济增长第二曲线')).toEqual([]);
    expect(findNumberMentions('构建以制造业为主体的“第二增长曲线”')).toEqual([]);
  });
});

describe('findNumberMentions: things that are not quantities', () => {
  it.each([
    ['5G基站', '5G'],
    ['扎实推进6G创新发展', '6G'],
    ['推动新建5G-A基站', '5G-A'],
    ['部署50GPON端口', '50GPON'],
    ['“51020”先进制造业产业集群', 'quoted code'],
    ['全面升级“51020”产业集群', 'quoted code'],
    ['2025年，全省经信系统', 'year'],
    ['1—11月，全省规模以上工业', 'month range'],
    ['10月份上线以来', 'month'],
    ['8月盛夏', 'month'],
    ['2026-02-09 09:03湖北省', 'date and time'],
    ['TCL华星T8、T9等重大项目', 'product names'],
    ['约占全国1/10', 'fraction'],
    ['入围2025全球独角兽榜', 'bare year-like number'],
  ])('%s (%s)', (text) => {
    expect(findNumberMentions(text)).toEqual([]);
  });

  it('finds the quantity next to a name without taking the name', () => {
    expect(findNumberMentions('新建5G及5G-A基站1.58万个').map((m) => m.raw)).toEqual(['1.58万个']);
    expect(findNumberMentions('入围2025全球独角兽榜9家').map((m) => m.raw)).toEqual(['9家']);
    expect(findNumberMentions('2025年开展数字化转型改造1万家').map((m) => m.raw)).toEqual(['1万家']);
  });
});

describe('comparableUnit', () => {
  it('treats P and PFLOPS (and 百分点/个百分点, 户/家) as the same unit', () => {
    expect(comparableUnit('PFLOPS')).toBe(comparableUnit('P'));
    expect(comparableUnit('百分点')).toBe(comparableUnit('个百分点'));
    expect(comparableUnit('户')).toBe(comparableUnit('家'));
    expect(comparableUnit('%')).not.toBe(comparableUnit('个百分点'));
    expect(comparableUnit('个')).toBe('个');
  });
});

describe('parseChineseInteger', () => {
  it.each([
    ['四', 4],
    ['十', 10],
    ['十五', 15],
    ['二十一', 21],
    ['九十九', 99],
    ['一百零五', 105],
    ['12', 12],
  ])('%s → %i', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it('rejects text that is not a numeral', () => {
    expect(parseChineseInteger('首位')).toBeUndefined();
  });
});

describe('findNumberMentions: ranges', () => {
  it('reads a range as one figure, as written, valued at its lower bound', () => {
    const found = (text: string) => findNumberMentions(text).map((m) => [m.raw, m.value, m.unit]);
    expect(found('年均增长5.5%—6%')).toEqual([['5.5%—6%', 5.5, '%']]);
    expect(found('增长5—6%左右')).toEqual([['5—6%', 5, '%']]);
    expect(found('新增5-10万户')).toEqual([['5-10万户', 50000, '户']]);
    // Dates are no ranges of figures.
    expect(found('1—11月增长7%')).toEqual([['7%', 7, '%']]);
  });
});
