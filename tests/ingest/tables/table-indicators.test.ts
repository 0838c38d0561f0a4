import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../../ingest/load/text-builder.js';
import { prepareDocument } from '../../../ingest/prepare-document.js';

function tableReport(rows: string[][], caption = '表1　主要指标'): ReturnType<typeof prepareDocument> & { text: string } {
  const builder = new TextBuilder();
  builder.paragraph('宜昌市经济和信息化局2025年工作总结');
  builder.heading(1, '一、2025年工作回顾');
  builder.paragraph('2025年，全市工业经济稳中有进。');
  builder.paragraph(caption);
  builder.table(rows.map((r) => r.map((text) => ({ text, span: 1 }))));
  const { text, structure } = builder.build();
  return { ...prepareDocument('yichang.docx', text, undefined, undefined, structure), text };
}

describe('table cells as indicator rows', () => {
  it('a bare number takes the unit in its row header; the kind comes from the column', () => {
    const report = tableReport([
      ['指标', '2025年目标', '2025年完成'],
      ['规上工业增加值增速（%）', '7', '7.4'],
      ['工业投资（亿元）', '1200', '1268.5'],
    ]);
    const rows = report.indicators.filter((r) => r.scope?.region.startsWith('table'));
    expect(rows.map((r) => [r.metric, r.period, r.modality, r.value, r.unit, report.text.slice(r.start, r.end)])).toEqual([
      ['规上工业增加值增速', '2025', 'target', 7, '%', '7'],
      ['规上工业增加值增速', '2025', 'actual', 7.4, '%', '7.4'],
      ['工业投资', '2025', 'target', 120000000000, '元', '1200'],
      ['工业投资', '2025', 'actual', 126850000000, '元', '1268.5'],
    ]);
    expect(rows.every((r) => r.region === '宜昌')).toBe(true);
  });

  it('a 单位 column gives the unit; a column without period or kind (备注) gives no rows', () => {
    const report = tableReport([
      ['指标', '单位', '2026年目标', '备注'],
      ['新建5G基站', '个', '3000', '约数'],
    ]);
    const rows = report.indicators.filter((r) => r.scope?.region.startsWith('table'));
    expect(rows.map((r) => [r.metric, r.period, r.kind, r.value, r.unit])).toEqual([['新建5G基站', '2026', 'target', 3000, '个']]);
  });

  it('a table of words makes no rows and leaves the sentence reader to its text', () => {
    const report = tableReport([
      ['项目', '牵头单位'],
      ['数字化转型', '市经信局'],
    ]);
    expect(report.indicators.filter((r) => r.scope?.region.startsWith('table'))).toEqual([]);
  });
});
