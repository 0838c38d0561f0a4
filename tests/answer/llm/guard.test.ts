import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../src/answer/ask-schema.js';
import type { UsedIndicator } from '../../../src/answer/answer.js';
import { checkDraft, type GuardInput } from '../../../src/answer/llm/guard/guard.js';
import { findMarkers } from '../../../src/answer/llm/guard/markers.js';
import { splitClaims } from '../../../src/answer/llm/guard/sentences.js';

function citation(n: number, quote: string): Citation {
  return { n, docId: `doc${n}.txt`, title: `报告${n}`, quote, start: 0, end: quote.length, score: 1 };
}

const PASSAGES = [
  citation(1, '推动数字经济核心产业增加值突破6500亿元,新建5G及5G-A基站1.58万个,算力规模突破2.2\n万P;'),
  citation(2, '2025年，全省算力规模达到1.2万P，规上工业增加值增长**7.8%**，高于全国1.8个百分点，居全国第4位。'),
  citation(3, '一是新增省级制造业创新中心8家、中试平台20家；二是培育专精特新企业1700余家。'),
];

const ROW: UsedIndicator = {
  id: 'doc1.txt:10',
  docId: 'doc1.txt',
  region: '湖北',
  period: '2026',
  year: 2026,
  metric: '算力规模',
  context: '',
  phrase: '算力规模突破2.2万P',
  value: 22000,
  unit: 'P',
  raw: '2.2万P',
  kind: 'target',
  modality: 'target',
  measure: 'level',
  qualifier: '突破',
  sentence: '',
  start: 0,
  end: 10,
  valueStart: 0,
  valueEnd: 0,
  metricSide: 'before',
  citation: 1,
};

function check(text: string, overrides: Partial<GuardInput> = {}) {
  return checkDraft({ text, saysNotFound: false, citations: PASSAGES, indicators: [], required: [], question: '湖北算力规模是多少', ...overrides });
}

describe('checkDraft: numbers', () => {
  it('passes a draft whose every number is in the passage its sentence cites', () => {
    const report = check('2026年湖北算力规模目标是突破2.2万P[1]。2025年实际达到1.2万P，工业增加值增长7.8%[2]。');
    expect(report).toEqual({ passed: true, reasons: [] });
  });

  it('accepts equal forms of a number (2.2万 = 22000, 亿 and 万亿, full width)', () => {
    expect(check('算力规模目标为22000P[1]，数字经济核心产业增加值0.65万亿元[1]。').passed).toBe(true);
    expect(check('增长７．８％[2]。').passed).toBe(true);
    expect(check('专精特新企业1,700家[3]。').passed).toBe(true);
  });

  it('rejects an invented number and names it', () => {
    const report = check('2026年湖北算力规模目标是突破2.5万P[1]。');
    expect(report.passed).toBe(false);
    expect(report.reasons).toHaveLength(1);
    expect(report.reasons[0]).toContain('"2.5万P"');
    expect(report.reasons[0]).toContain('[1]');
  });

  it('does not confuse 8% with 7.8% or 18%, nor % with 个百分点', () => {
    expect(check('增长8%[2]。').reasons[0]).toContain('"8%"');
    expect(check('高于全国8个百分点[2]。').reasons[0]).toContain('"8个百分点"');
    expect(check('高于全国1.8%[2]。').reasons[0]).toContain('"1.8%"');
    expect(check('高于全国1.8个百分点[2]。').passed).toBe(true);
  });

  it('rejects a true number cited to the wrong passage', () => {
    const report = check('算力规模目标是突破2.2万P[2]。');
    expect(report.passed).toBe(false);
    expect(report.reasons[0]).toMatch(/"2\.2万P" is not in the cited passage \[2\]/);
  });

  it('rejects a number in a sentence without a marker', () => {
    const report = check('算力规模目标是突破2.2万P。工业增加值增长7.8%[2]。');
    expect(report.passed).toBe(false);
    expect(report.reasons[0]).toContain('"2.2万P" has no citation marker');
  });

  it('does not check years, dates, list ordinals or identifiers', () => {
    const report = check('一是2026年新建5G及5G-A基站1.58万个[1]；\n2. 2025年1—11月算力达到1.2万P[2]。');
    expect(report).toEqual({ passed: true, reasons: [] });
  });

  it('checks ranks', () => {
    expect(check('湖北居全国第4位[2]。').passed).toBe(true);
    expect(check('湖北居全国第3位[2]。').reasons[0]).toContain('"第3位"');
  });

  it('uses indicator rows as evidence for their citation', () => {
    const noisy = [citation(1, '算力规模突破二点二万P（见附表）')];
    expect(check('算力规模突破2.2万P[1]。', { citations: noisy }).passed).toBe(false);
    expect(check('算力规模突破2.2万P[1]。', { citations: noisy, indicators: [ROW] }).passed).toBe(true);
  });

  it('accepts numbers the extractive answer computed, in a sentence that cites a passage', () => {
    const reference = '2025年比2024年高出1万P（1.2万P[2]→2.2万P[1]）。';
    expect(check('两年相差1万P[1][2]。', { reference }).passed).toBe(true);
    expect(check('两年相差1万P。', { reference }).passed).toBe(false);
    expect(check('两年相差1.1万P[1][2]。', { reference }).passed).toBe(false);
    expect(check('两年相差1万P[1][2]。').passed).toBe(false);
  });

  it('accepts numbers inside a verbatim quotation of a passage, and only verbatim', () => {
    const quoted = '共有两类平台[3]。原文：“一是新增省级制造业创新中心8家、中试平台20家；二是培育专精特新企业1700余家。”';
    expect(check(quoted)).toEqual({ passed: true, reasons: [] });
    // Punctuation width and layout differ between the served text and a quotation; that is still verbatim.
    expect(check('原文：“算力规模突破2.2万P；”[1]').passed).toBe(true);
    expect(check('见[1]。原文称“推动数字经济核心产业增加值突破6500亿元，新建5G及5G-A基站1.58万个”。').passed).toBe(true);
    const altered = check('见[3]。原文：“一是新增省级制造业创新中心9家、中试平台20家；二是培育专精特新企业1700余家。”');
    expect(altered.reasons).toEqual([
      expect.stringContaining('"9家" has no citation marker'),
      expect.stringContaining('"20家" has no citation marker'),
      expect.stringContaining('"1700余家" has no citation marker'),
    ]);
    expect(check('湖北提出“2.5万P”目标。').passed).toBe(false);
  });

  it('lets the answer echo a number the question states', () => {
    const question = '2026年湖北算力目标是2万P吗';
    expect(check('不是2万P，目标是突破2.2万P[1]。', { question }).passed).toBe(true);
    expect(check('不是3万P，目标是突破2.2万P[1]。', { question }).passed).toBe(false);
  });
});

describe('checkDraft: markers', () => {
  it('rejects a marker that names no passage', () => {
    const report = check('算力规模目标是突破2.2万P[1][4]。');
    expect(report.passed).toBe(false);
    expect(report.reasons[0]).toBe('citation marker [4] refers to no passage (passages: [1]–[3])');
  });

  it('reads grouped, ranged and full-width markers', () => {
    expect(findMarkers('a[1,3]b[1-3]c【2】d[^2]').map((m) => m.numbers)).toEqual([[1, 3], [1, 2, 3], [2], [2]]);
    expect(check('算力规模突破2.2万P，实际1.2万P[1、2]。').passed).toBe(true);
    expect(check('算力规模突破2.2万P【1】。').passed).toBe(true);
    expect(check('数据见[2-5]。').reasons[0]).toContain('[4]');
  });

  it('counts a marker written after the full stop as part of its sentence', () => {
    expect(splitClaims('突破2.2万P。[1] 增长7.8%[2]。').map((c) => c.text.trim())).toEqual(['突破2.2万P。[1]', '增长7.8%[2]。']);
    expect(check('算力规模目标是突破2.2万P。[1]').passed).toBe(true);
  });

  it('does not end a sentence inside a quotation, nor let a quotation run past a line', () => {
    expect(splitClaims('原文：“甲。乙。”[1]丙。').map((c) => c.text)).toEqual(['原文：“甲。乙。”[1]丙。']);
    expect(splitClaims('他说“未完\n下一行。').map((c) => c.text)).toEqual(['他说“未完\n', '下一行。']);
  });

  it('rejects an answer that cites nothing, but not a not-found answer', () => {
    expect(check('湖北将大力发展算力。').reasons).toEqual(['the answer cites no passage']);
    expect(check('资料中没有所问的内容。', { saysNotFound: true }).passed).toBe(true);
    expect(check('  ').reasons).toEqual(['the draft is empty']);
  });
});

describe('checkDraft: agreement with the indicator table', () => {
  it('rejects a draft that answers with another supported figure instead of the table\'s', () => {
    const report = check('湖北算力规模达到1.2万P[2]。', { indicators: [ROW], required: [ROW] });
    expect(report.passed).toBe(false);
    expect(report.reasons).toEqual(['the draft does not state the figure the indicator table answered with: 2.2万P [1]']);
  });

  it('rejects a not-found draft when the table holds the figure', () => {
    const report = check('资料中没有2026年的目标。', { saysNotFound: true, indicators: [ROW], required: [ROW] });
    expect(report.reasons[0]).toContain('indicator table holds 2.2万P [1]');
  });

  it('passes when the figure is stated', () => {
    expect(check('湖北2026年算力规模目标为突破2.2万P[1]。', { indicators: [ROW], required: [ROW] }).passed).toBe(true);
  });
});
