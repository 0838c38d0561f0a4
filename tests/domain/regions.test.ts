import { describe, expect, it } from 'vitest';
import {
  canonicalRegion,
  findRegionMentions,
  listRegions,
  provinceOf,
  regionContains,
  regionInfo,
} from '../../src/domain/regions.js';
import { findZones } from '../../src/domain/zones.js';

/** Mentions as [name, surface, start] triples; end and slicing are checked separately. */
function mentions(text: string, abbreviations = false): [string, string, number][] {
  return findRegionMentions(text, { abbreviations }).map((m) => [m.name, m.surface, m.start]);
}

describe('gazetteer data', () => {
  it('holds 34 provinces, the prefecture-level cities and the counties of GB/T 2260', () => {
    expect(listRegions('province')).toHaveLength(34);
    expect(listRegions('city').length).toBeGreaterThanOrEqual(330);
    expect(listRegions('county').length).toBeGreaterThanOrEqual(2800);
    expect(new Set(listRegions().map((r) => r.name)).size).toBe(listRegions().length);
  });

  it('derives short names and keeps province names for provinces', () => {
    expect(regionInfo('恩施土家族苗族自治州')).toMatchObject({ name: '恩施', level: 'city', province: '湖北' });
    expect(regionInfo('广西壮族自治区')).toMatchObject({ name: '广西', level: 'province' });
    expect(regionInfo('神农架林区')).toMatchObject({ name: '神农架', province: '湖北' });
    expect(regionInfo('四川')?.aliases).toEqual(expect.arrayContaining(['川', '蜀']));
    expect(regionInfo('nowhere')).toBeUndefined();
  });

  it('keeps the city 吉林市 and the prefecture 海南州 apart from their provinces', () => {
    expect(canonicalRegion('吉林')).toBe('吉林');
    expect(canonicalRegion('吉林市')).toBe('吉林市');
    expect(provinceOf('吉林市')).toBe('吉林');
    expect(canonicalRegion('海南')).toBe('海南');
    expect(canonicalRegion('海南藏族自治州')).toBe('海南州');
    expect(provinceOf('海南州')).toBe('青海');
  });
});

describe('canonicalRegion / provinceOf / regionContains', () => {
  it('maps full names, short names and aliases to the short name', () => {
    expect(canonicalRegion('湖北省')).toBe('湖北');
    expect(canonicalRegion('武汉市')).toBe('武汉');
    expect(canonicalRegion('鄂')).toBe('湖北');
    expect(canonicalRegion('恩施州')).toBe('恩施');
    expect(canonicalRegion(' 内蒙 ')).toBe('内蒙古');
  });

  it('finds the province of a city, and a province is its own', () => {
    expect(provinceOf('东莞')).toBe('广东');
    expect(provinceOf('仙桃市')).toBe('湖北');
    expect(provinceOf('湖北')).toBe('湖北');
    expect(provinceOf('火星')).toBeUndefined();
  });

  it('answers containment', () => {
    expect(regionContains('湖北', '武汉')).toBe(true);
    expect(regionContains('湖北省', '武汉市')).toBe(true);
    expect(regionContains('武汉', '武汉')).toBe(true);
    expect(regionContains('湖南', '武汉')).toBe(false);
    expect(regionContains('武汉', '湖北')).toBe(false);
    expect(regionContains('湖北', '火星')).toBe(false);
  });
});

describe('findRegionMentions', () => {
  it('finds a province short name with offsets', () => {
    const text = '2026年湖北算力目标是多少';
    const found = findRegionMentions(text);
    expect(found).toEqual([{ name: '湖北', surface: '湖北', start: 5, end: 7, level: 'province' }]);
    expect(text.slice(found[0].start, found[0].end)).toBe('湖北');
  });

  it('finds a list of cities', () => {
    expect(mentions('武汉、宜昌、襄阳入选国家中小企业数字化转型试点城市')).toEqual([
      ['武汉', '武汉', 0],
      ['宜昌', '宜昌', 3],
      ['襄阳', '襄阳', 6],
    ]);
    expect(mentions('推动东莞联合深圳获批建设国家人工智能应用中试基地')).toEqual([
      ['东莞', '东莞', 2],
      ['深圳', '深圳', 6],
    ]);
  });

  it('prefers full names', () => {
    expect(findRegionMentions('广东省工业和信息化厅')).toEqual([
      { name: '广东', surface: '广东省', start: 0, end: 3, level: 'province' },
    ]);
    expect(mentions('河南省2025年规上工业增加值增长了多少')).toEqual([['河南', '河南省', 0]]);
    expect(findRegionMentions('鄂州市', { abbreviations: true })).toEqual([
      { name: '鄂州', surface: '鄂州市', start: 0, end: 3, level: 'city' },
    ]);
    expect(mentions('恩施州和广西壮族自治区')).toEqual([
      ['恩施', '恩施州', 0],
      ['广西', '广西壮族自治区', 4],
    ]);
  });

  it('reads a city name prefix of a development zone as the city', () => {
    expect(mentions('武汉经开区、东湖高新区')).toEqual([['武汉', '武汉', 0]]);
  });

  it('matches one-character abbreviations only when asked', () => {
    expect(mentions('鄂2025年数字经济核心产业增加值')).toEqual([]);
    expect(findRegionMentions('鄂2025年数字经济核心产业增加值', { abbreviations: true })).toEqual([
      { name: '湖北', surface: '鄂', start: 0, end: 1, level: 'province' },
    ]);
    expect(mentions('鄂州和湘潭', true)).toEqual([
      ['鄂州', '鄂州', 0],
      ['湘潭', '湘潭', 3],
    ]);
    expect(mentions('粤、川两省', true)).toEqual([
      ['广东', '粤', 0],
      ['四川', '川', 2],
    ]);
  });

  it('ignores everyday characters and words that merely contain an abbreviation', () => {
    expect(mentions('新能源与云计算', true)).toEqual([]);
    expect(mentions('企业犹豫不决', true)).toEqual([]);
  });

  it('requires the suffix for ambiguous city names', () => {
    expect(mentions('中山大学')).toEqual([]);
    expect(mentions('中山市')).toEqual([['中山', '中山市', 0]]);
    expect(mentions('坚持长治久安，培育朝阳产业')).toEqual([]);
    expect(mentions('山西省长治市')).toEqual([
      ['山西', '山西省', 0],
      ['长治', '长治市', 3],
    ]);
    expect(mentions('吉林大学')).toEqual([['吉林', '吉林', 0]]);
    expect(mentions('吉林市')).toEqual([['吉林市', '吉林市', 0]]);
  });

  it('does not read 市场 as a city suffix', () => {
    expect(mentions('吉林市场主体')).toEqual([['吉林', '吉林', 0]]);
    expect(mentions('白银市场价格')).toEqual([]);
  });

  it('does not read a two-character county inside a slogan (工业富县, 科技兴县)', () => {
    expect(mentions('实施“工业富县”“科技兴县”战略')).toEqual([]);
    expect(mentions('富县工业园区')).toEqual([['富县', '富县', 0]]);
    expect(mentions('增速位居循环县区榜首')).toEqual([]);
  });

  it('does not let a bare county name swallow the start of a province written in full (记者从江西省…)', () => {
    expect(mentions('记者从江西省工业和信息化厅获悉', true).map(([name]) => name)).toEqual(['江西']);
  });

  it('does not let ordinary words leak a city name', () => {
    expect(mentions('推广元宇宙应用，巩固原有优势，5G大连接')).toEqual([]);
    expect(mentions('大连、广元、固原')).toEqual([
      ['大连', '大连', 0],
      ['广元', '广元', 3],
      ['固原', '固原', 6],
    ]);
  });

  it('returns no region for multi-region areas', () => {
    expect(mentions('粤港澳大湾区', true)).toEqual([]);
    expect(mentions('京津冀协同发展和长三角一体化', true)).toEqual([]);
    expect(mentions('成渝地区双城经济圈', true)).toEqual([]);
  });

  it('reports UTF-16 offsets that slice back to the surface', () => {
    const text = '🚀 2025年湖南省长沙市、湘西州与𠮷鄂';
    const found = findRegionMentions(text, { abbreviations: true });
    expect(found.map((m) => m.name)).toEqual(['湖南', '长沙', '湘西', '湖北']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});

describe('counties and districts', () => {
  it('knows county-level cities, districts and 新区 with their parent chain', () => {
    expect(regionInfo('昆山市')).toMatchObject({ name: '昆山', level: 'county', city: '苏州', province: '江苏' });
    expect(regionInfo('浦东新区')).toMatchObject({ name: '浦东', level: 'county', province: '上海' });
    expect(regionInfo('长阳土家族自治县')).toMatchObject({ name: '长阳', city: '宜昌' });
    expect(regionContains('江苏', '昆山')).toBe(true);
    expect(regionContains('苏州', '昆山')).toBe(true);
    expect(regionContains('昆山', '苏州')).toBe(false);
    expect(regionContains('浙江', '昆山')).toBe(false);
  });

  it('matches a bare county name only in questions, and marks it weak', () => {
    expect(mentions('昆山制造业')).toEqual([]);
    expect(findRegionMentions('昆山2025年规上工业', { abbreviations: true })).toEqual([
      { name: '昆山', surface: '昆山', start: 0, end: 2, level: 'county', weak: true },
    ]);
    expect(mentions('苏州市昆山市')).toEqual([['昆山', '苏州市昆山市', 0]]);
  });

  it('reads a bare county name written right after its own province or city, in any text', () => {
    expect(mentions('记者在浙江昆山采访')).toEqual([['浙江', '浙江', 3]]);
    expect(mentions('记者在江苏昆山采访')).toEqual([['江苏', '江苏', 3], ['昆山', '昆山', 5]]);
    expect(mentions('苏州昆山制造业')).toEqual([['苏州', '苏州', 0], ['昆山', '昆山', 2]]);
  });

  it('needs the parent for county names used more than once (鼓楼区) and never reads ordinary words as counties', () => {
    expect(mentions('鼓楼区')).toEqual([]);
    expect(mentions('南京市鼓楼区')).toEqual([['南京鼓楼区', '南京市鼓楼区', 0]]);
    expect(mentions('推动和平发展，加快开发建设', true)).toEqual([]);
  });

  it('knows 兵团 as a unit of its own inside 新疆', () => {
    expect(regionInfo('新疆生产建设兵团')).toMatchObject({ name: '兵团', province: '新疆' });
    expect(regionContains('新疆', '兵团')).toBe(true);
  });
});


describe('county names that are also dictionary words', () => {
  it('are found only when questions ask for them, and flagged as words', () => {
    expect(findRegionMentions('义乌2025年规上工业企业', { abbreviations: true })).toEqual([]);
    const [mention] = findRegionMentions('义乌2025年规上工业企业', { abbreviations: true, countyWords: true });
    expect(mention).toMatchObject({ name: '义乌', weak: true, word: true });
  });
});

describe('findZones', () => {
  it('reads a zone right after a place, in its short form', () => {
    expect(findZones('近日，遵义经济技术开发区召开会议').map((z) => z.zone)).toEqual(['遵义经开区']);
    expect(findZones('遵义市规上工业增长6%').map((z) => z.zone)).toEqual([]);
  });
});
