import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../fixtures/report-engine.js';

// A county's own report that says only 我县/全县, never its name, beside a city report that names itself.
describe('a report that never names its place', () => {
  const reports = useReportEngine({
    'county.txt': '发布时间：2024-07-10\n今年上半年，我县工业经济稳中有进。\n1-6月，全县规模工业增加值同比增长9.3%，工业投资完成21.5亿元。',
    'city.txt': '发布时间：2024-07-12\n上半年，常德市规模工业增加值增长7.1%。',
  });

  it('answers a county the corpus never names from it, saying the report names no place', async () => {
    const r = await reports.ask({ question: '汉寿县2024年上半年规模工业增加值增长多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('9.3%');
    expect(r.answer).toContain('未写明地名');
    expect(r.citations[0]?.docId).toBe('county.txt');
  });

  it('does not answer a city the corpus never names from the county report', async () => {
    const r = await reports.ask({ question: '岳阳2024年上半年规模工业增加值增长多少？' });
    expect(r.status).toBe('not_found');
    expect(r.answer).not.toMatch(/\d+(\.\d+)?%/);
  });

  it('answers a place that is named from its own report only', async () => {
    const r = await reports.ask({ question: '常德2024年上半年规模工业增加值增长多少？' });
    expect(r.answer).toContain('7.1%');
    expect(r.answer).not.toContain('未写明地名');
  });
});

describe('a report in traditional characters that never names its place', () => {
  const reports = useReportEngine({
    'county.txt': '發布時間：2024-04-10\n今年以來，我縣工業經濟穩中有進。\n1-3月，全縣工業總產值實現30.5億元，同比增長12.1%。',
  });

  it('is read in simplified characters for how it speaks of itself', async () => {
    const r = await reports.ask({ question: '宁陵县2024年一季度工业总产值多少？' });
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('30.5');
    expect(r.answer).toContain('未写明地名');
  });
});

describe('a bare county name that is also a dictionary word, opening the question', () => {
  const reports = useReportEngine({
    'county.txt': '发布时间：2024-04-12\n今年以来，我县工业经济稳中有进。\n1-3月，全县工业总产值实现18.6亿元，同比增长10.2%。',
  });

  it('is the place asked when a report that names no place speaks as a county', async () => {
    const r = await reports.ask({ question: '通道2024年一季度工业总产值多少？' });
    expect(r.answer).toContain('18.6亿元');
    expect(r.answer).toContain('是否为通道');
  });

  it('stays a word elsewhere in the question', async () => {
    const r = await reports.ask({ question: '2024年一季度打通道路投资多少？' });
    expect(r.answer).not.toContain('是否为通道');
  });
});
