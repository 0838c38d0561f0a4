/**
 * Indicator extraction (ingest/indicators/*) through prepareDocument() on the real seeds: the rows
 * the product's answers stand on, their offsets, and a coverage check against an independent scan.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/indicators/indicator.js';
import { SEED, SEED_IDS, comparable, preparedSeed, seedText, stripNoise, withoutBoilerplate } from '../fixtures/seeds.js';

const rowsOf = (id: string) => preparedSeed(id).indicators;

/** The one row of a document with this raw value whose sentence contains `near`. */
function row(id: string, raw: string, near?: string): Indicator {
  const found = rowsOf(id).filter((r) => r.raw === raw && (near === undefined || stripNoise(r.sentence).includes(near)));
  expect(found, `${id}: rows ${raw} near ${near ?? '-'}`).toHaveLength(1);
  return found[0];
}

describe('Hubei computing power: four rows, two years each, two kinds, two units', () => {
  it('000: 2024 actual 7998PFLOPS', () => {
    expect(row(SEED.hubei2024, '7998PFLOPS')).toMatchObject({
      region: '湖北',
      period: '2024',
      year: 2024,
      kind: 'actual',
      modality: 'actual',
      value: 7998,
      unit: 'PFLOPS',
      qualifier: '达',
      metric: expect.stringContaining('算力'),
    });
  });

  it('000 (plan): 2025 target 12000P', () => {
    expect(row(SEED.hubei2024, '12000P')).toMatchObject({
      region: '湖北',
      period: '2025',
      kind: 'target',
      modality: 'target',
      value: 12000,
      unit: 'P',
      qualifier: '超',
      metric: expect.stringContaining('算力'),
    });
  });

  it('001: 2025 actual 1.8万P', () => {
    expect(row(SEED.hubei2025, '1.8万P')).toMatchObject({
      region: '湖北',
      period: '2025',
      kind: 'actual',
      value: 18000,
      unit: 'P',
      qualifier: '超',
      metric: expect.stringContaining('算力'),
    });
  });

  it('001 (plan): 2026 target 2.2万P', () => {
    expect(row(SEED.hubei2025, '2.2万P')).toMatchObject({
      region: '湖北',
      period: '2026',
      kind: 'target',
      value: 22000,
      unit: 'P',
      qualifier: '突破',
      metric: expect.stringContaining('算力'),
    });
  });

  it('has no other computing-power level rows for 湖北', () => {
    const rows = SEED_IDS.flatMap(rowsOf).filter(
      (r) => r.region === '湖北' && /算力/.test(r.metric) && (r.unit === 'P' || r.unit === 'PFLOPS'),
    );
    expect(rows.map((r) => `${r.period} ${r.kind} ${r.raw}`).sort()).toEqual([
      '2024 actual 7998PFLOPS',
      '2025 actual 1.8万P',
      '2025 target 12000P',
      '2026 target 2.2万P',
    ]);
  });
});

describe('分别 lists are aligned item by item', () => {
  it('001: 汽车整车产量 183.6万辆 vs 新能源汽车产量 82.4万辆', () => {
    const cars = row(SEED.hubei2025, '183.6万辆');
    const evs = row(SEED.hubei2025, '82.4万辆');
    expect(cars).toMatchObject({ period: '2025', kind: 'actual', value: 1836000, unit: '辆' });
    expect(evs).toMatchObject({ period: '2025', kind: 'actual', value: 824000, unit: '辆' });
    expect(cars.metric).toMatch(/^汽车整车.*产量$/);
    expect(evs.metric).toMatch(/^新能源汽车.*产量$/);
  });

  it('000: 工业投资 15.3% vs 技改投资 12.0% for 2024-01..11, in the body and in the bullet box', () => {
    for (const near of ['全省工业投资、技改投资分别增长', '湖北工业投资、技改投资分别增长']) {
      const industrial = row(SEED.hubei2024, '15.3%', near);
      const technical = row(SEED.hubei2024, '12.0%', near);
      expect(industrial).toMatchObject({ period: '2024-01..11', kind: 'growth', measure: 'growth', region: '湖北' });
      expect(technical).toMatchObject({ period: '2024-01..11', kind: 'growth', measure: 'growth', region: '湖北' });
      expect(industrial.metric).toContain('工业投资');
      expect(industrial.metric).not.toContain('技改');
      expect(technical.metric).toContain('技改投资');
    }
  });

  it('004: the second item of a 分别 share list is a share too (33.8%)', () => {
    const advanced = row(SEED.hunanGuangdong, '55.5%');
    const highTech = row(SEED.hunanGuangdong, '33.8%');
    for (const r of [advanced, highTech]) expect(r).toMatchObject({ region: '广东', period: '2025-01..09', measure: 'share' });
    expect(advanced.metric).toContain('先进制造业');
    expect(highTech.metric).toContain('高技术制造业');
  });
});

describe('kind, period and region', () => {
  it('有望 marks a forecast (000: 3.3万亿元, 3万亿元)', () => {
    expect(row(SEED.hubei2024, '3.3万亿元')).toMatchObject({ kind: 'forecast', modality: 'forecast', period: '2024', value: 3.3e12, unit: '元' });
    expect(row(SEED.hubei2024, '3万亿元')).toMatchObject({ kind: 'forecast', period: '2024' });
  });

  it('明年 in a review section is a target for the next year (000: 100万辆)', () => {
    expect(row(SEED.hubei2024, '100万辆')).toMatchObject({ kind: 'target', period: '2025' });
  });

  it('a city named in a provincial report is the row’s region (000: 武汉顶级节点… 262亿个)', () => {
    expect(row(SEED.hubei2024, '262亿个')).toMatchObject({ region: '武汉', docId: SEED.hubei2024, period: '2024', value: 262e8 });
  });

  it('ranks and "高于全国" rows qualify the figure before them (000: 7.7%)', () => {
    const growth = row(SEED.hubei2024, '7.7%', '全省规模以上工业增加值同比增长7.7%');
    expect(growth).toMatchObject({ period: '2024-01..11', kind: 'growth' });
    expect(row(SEED.hubei2024, '1.9个百分点', '全省规模以上工业')).toMatchObject({ relatedTo: growth.id, measure: 'growth' });
    expect(row(SEED.hubei2024, '第4位')).toMatchObject({ relatedTo: growth.id, kind: 'rank', value: 4 });
  });

  it('plan targets keep their approximation (001: 8%以上, 6.5%左右)', () => {
    expect(row(SEED.hubei2025, '8%')).toMatchObject({ kind: 'target', period: '2026', qualifier: expect.stringContaining('以上') });
    expect(row(SEED.hubei2025, '6.5%')).toMatchObject({ kind: 'target', period: '2026', qualifier: expect.stringContaining('左右') });
  });

  it('003: first-half figures are 2025H1, the 一季度 figure is 2025Q1', () => {
    expect(row(SEED.wuhanH1, '5.1%', '规上工业增加值同比增长5.1%')).toMatchObject({ region: '武汉', period: '2025H1', kind: 'growth' });
    expect(row(SEED.wuhanH1, '18.2万家')).toMatchObject({ region: '武汉', period: '2025H1' });
    expect(row(SEED.wuhanH1, '20.1%')).toMatchObject({ region: '武汉', period: '2025Q1', kind: 'growth' });
    expect(row(SEED.wuhanH1, '46.54%', '比重')).toMatchObject({ measure: 'share', period: '2025H1' });
  });

  // BUG: "3个行业增速较一季度回升幅度超过10个百分点" compares first-half growth with Q1; the
  // figure is a 2025H1 figure (the box is headed "以上数字全部为2025年上半年工业经济数据"), but the
  // row takes 一季度 after 较 as its period (2025Q1). Suspected: extractIndicators (picks the last
  // time expression before the number even when it is the baseline of a comparison, 较/比/相较).
  it('003: a comparison baseline (较一季度) is not the period of the figure', () => {
    expect(row(SEED.wuhanH1, '10个百分点', '较一季度')).toMatchObject({ period: '2025H1' });
  });

  // The sentence is cut by a call-out box in the source (…成本、制 / ●… / 度性交易成本等761亿元。). Offsets
  // must stay in source order, so the tail is read on its own: the figure keeps its section's year and
  // the words it can see; its 前三季度 sits before the box and is not recovered (a known limit).
  it('000: 761亿元 across a call-out box is read from its own fragment, with the section year', () => {
    expect(row(SEED.hubei2024, '761亿元')).toMatchObject({ period: '2024', metric: expect.stringContaining('交易成本') });
  });

  it('004: rows of the 湖南 article are 湖南, rows of the 广东 article are 广东', () => {
    const text = seedText(SEED.hunanGuangdong);
    const guangdongStart = text.indexOf('广东坚持守正创新');
    const rows = rowsOf(SEED.hunanGuangdong);
    const hunan = rows.filter((r) => r.valueStart < guangdongStart);
    const guangdong = rows.filter((r) => r.valueStart >= guangdongStart);
    expect(hunan.length).toBeGreaterThan(15);
    expect(guangdong.length).toBeGreaterThan(30);
    expect(new Set(hunan.map((r) => r.region))).toEqual(new Set(['湖南']));
    expect(guangdong.filter((r) => r.region !== '广东' && r.region !== '深圳' && r.region !== '东莞')).toEqual([]);

    expect(row(SEED.hunanGuangdong, '7.8%')).toMatchObject({ region: '湖南', period: '2025-01..09', kind: 'growth' });
    expect(row(SEED.hunanGuangdong, '第10')).toMatchObject({ region: '湖南', kind: 'rank' });
    expect(row(SEED.hunanGuangdong, '504亿元')).toMatchObject({ region: '湖南', period: '2025-01..09' });
    expect(row(SEED.hunanGuangdong, '29.4亿元')).toMatchObject({ region: '湖南', period: '2025-01..11' });
    expect(row(SEED.hunanGuangdong, '29万套')).toMatchObject({ region: '广东', period: '2025-01..11' });
    expect(row(SEED.hunanGuangdong, '43.8万个')).toMatchObject({ region: '广东', period: '2025-01..10' });
    expect(row(SEED.hunanGuangdong, '17.3万亿元', '在政策')).toMatchObject({ region: '广东', period: '2025-01..10', value: 17.3e12 });
  });
});

describe('offsets of every row', () => {
  for (const id of SEED_IDS) {
    it(`${id}: value and sentence offsets point at the row's raw text`, () => {
      const text = seedText(id);
      const rows = rowsOf(id);
      expect(rows.length).toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const r of rows) {
        const where = `${r.id} ${r.raw}`;
        expect(r.docId).toBe(id);
        expect(ids.has(r.id), `duplicate id ${r.id}`).toBe(false);
        ids.add(r.id);
        expect(0 <= r.start && r.start <= r.valueStart && r.valueStart < r.valueEnd && r.valueEnd <= r.end && r.end <= text.length, where).toBe(true);
        expect(comparable(text.slice(r.valueStart, r.valueEnd)), where).toBe(comparable(r.raw));
        expect(comparable(text.slice(r.start, r.end)), where).toContain(comparable(r.raw));
        expect(comparable(withoutBoilerplate(text.slice(r.start, r.end))), where).toBe(comparable(r.sentence));
        expect(r.year).toBe(Number(r.period.slice(0, 4)));
        expect(Number.isFinite(r.value)).toBe(true);
      }
      for (const r of rows) if (r.relatedTo) expect(ids.has(r.relatedTo), `${r.id} relatedTo ${r.relatedTo}`).toBe(true);
    });
  }
});

/**
 * An independent scan for number+unit patterns in the served text (whitespace and ** removed so a
 * PDF break between number and unit still counts): digits, optional 余/多 and 万/亿, then a unit or
 * %. Years (2025年), months and dates (10月, 1—11月, 2026-02-09) never match because 月 and - are
 * not units; names like 5G/6G/50GPON and quoted codes (“51020”) never match because no unit follows.
 */
const SCAN_UNIT =
  '(?:个百分点|百分点|PFLOPS|P(?![A-Za-z])|%|个月|万千瓦|千瓦时|平方米|英寸|公里|家次|人次|[个家户项款台套件辆场人名次批条座所亩吨元市年天倍类颗片张部架艘只块份篇种期轮组])';
const SCAN_RE = new RegExp(`(?<![\\dA-Za-z.\\-])(\\d+(?:\\.\\d+)?)(?:余|多)?(万亿|亿|万)?(?:余|多)?(${SCAN_UNIT})?`, 'g');

interface ScanMatch {
  docId: string;
  start: number;
  text: string;
  context: string;
}

function scanNumbers(id: string): ScanMatch[] {
  const source = seedText(id);
  let compact = '';
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (/\s/.test(source[i]) || (source[i] === '*' && (source[i + 1] === '*' || source[i - 1] === '*'))) continue;
    compact += source[i];
    map.push(i);
  }
  const matches: ScanMatch[] = [];
  for (const m of compact.matchAll(SCAN_RE)) {
    const [whole, digits, magnitude, unit] = m;
    if (!magnitude && !unit) continue;
    if (unit === '年' && digits.length === 4) continue; // 2025年
    const at = m.index ?? 0;
    matches.push({ docId: id, start: map[at], text: whole, context: compact.slice(Math.max(0, at - 12), at + whole.length + 6) });
  }
  return matches;
}

/** Reviewed: patterns in the seeds that are legitimately not indicators. Key: `docId@text@context fragment`. */
const NOT_INDICATORS: Array<{ docId: string; text: string; near: string; reason: string }> = [
  { docId: SEED.hubei2024, text: '35元', near: '每期定价', reason: 'magazine subscription price in the back-page box (boilerplate, dropped by normalization)' },
  { docId: SEED.hubei2024, text: '12期', near: '全年12期', reason: 'issues per year of the magazine (boilerplate)' },
  { docId: SEED.hubei2024, text: '420元', near: '共计420元', reason: 'annual subscription price of the magazine (boilerplate)' },
];

describe('coverage: every number+unit in the seeds is an indicator row', () => {
  it('leaves no scanned pattern uncovered except the reviewed allow-list', () => {
    let patterns = 0;
    let rows = 0;
    const uncovered: string[] = [];
    const allowed = new Set<string>();
    for (const id of SEED_IDS) {
      const indicatorRows = rowsOf(id);
      rows += indicatorRows.length;
      for (const match of scanNumbers(id)) {
        patterns++;
        if (indicatorRows.some((r) => r.valueStart <= match.start && match.start < r.valueEnd)) continue;
        const entry = NOT_INDICATORS.find((e) => e.docId === id && e.text === match.text && match.context.includes(e.near));
        if (entry) allowed.add(`${entry.docId}@${entry.text}`);
        else uncovered.push(`${id}@${match.start} ${match.text} …${match.context}…`);
      }
    }
    console.log(`coverage check: ${rows} indicator rows, ${patterns} number+unit patterns, ${allowed.size} allow-listed, ${uncovered.length} uncovered`);
    expect(uncovered).toEqual([]);
    // Every allow-list entry is still needed (a stale entry would hide a future regression).
    expect([...allowed].sort()).toEqual(NOT_INDICATORS.map((e) => `${e.docId}@${e.text}`).sort());
    expect(patterns).toBeGreaterThan(250);
  });

  it('the scan itself finds known patterns and skips years, dates, names and codes', () => {
    const texts = (id: string) => scanNumbers(id).map((m) => m.text);
    expect(texts(SEED.hubei2024)).toEqual(expect.arrayContaining(['7998PFLOPS', '3.3万亿元', '1.9个百分点', '2000余家', '12000P']));
    expect(texts(SEED.hubei2025)).toEqual(expect.arrayContaining(['2.2万P', '1.8万P', '4700多个', '8%', '2万余户']));
    expect(texts(SEED.wuhanH1)).toEqual(expect.arrayContaining(['12个', '18个月', '500余家', '10.6个百分点']));
    const all = SEED_IDS.flatMap(texts);
    for (const name of ['2025年', '2024年', '51020', '5G', '6G', '50G', '2026', '09', '11月']) expect(all).not.toContain(name);
  });
});
