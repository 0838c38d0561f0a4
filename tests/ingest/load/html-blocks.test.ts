import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../ingest/load/html-blocks.js';

describe('htmlToText', () => {
  it('reads a data table as cells and a layout table as paragraphs', () => {
    const article = '<p>2025年，全市规上工业增加值增长7.2%。</p><p>新建5G基站2100个。</p>';
    const layout = htmlToText(`<table><tr><td>${article}</td></tr></table>`);
    expect(layout.text).toBe('2025年，全市规上工业增加值增长7.2%。\n新建5G基站2100个。');
    expect(layout.structure.tables).toEqual([]);
    const data = htmlToText('<table><tr><th>指标</th><th>2025年</th></tr><tr><td>增速</td><td>7.2%</td></tr></table>');
    expect(data.text).toBe('指标\t2025年\n增速\t7.2%');
    expect(data.structure.tables[0].rows[1][1]).toMatchObject({ text: '7.2%', start: 12, end: 16 });
  });

  it('keeps <br> lines apart and an empty paragraph as an empty line; collapses layout whitespace', () => {
    const { text } = htmlToText('<p>第一行<br>第二行</p><p></p><p>  增长 7.2% ，高于 全省 </p>');
    expect(text).toBe('第一行\n第二行\n\n增长7.2%，高于全省');
  });

  it('repeats a spanned cell under every column it covers', () => {
    const { structure } = htmlToText('<table><tr><td>指标</td><td colspan="2">2025年</td></tr><tr><td>增速</td><td>目标</td><td>实际</td></tr></table>');
    expect(structure.tables[0].rows[0].map((c) => [c.col, c.text, c.start])).toEqual([
      [0, '指标', 0],
      [1, '2025年', 3],
      [2, '2025年', 3],
    ]);
  });
});
