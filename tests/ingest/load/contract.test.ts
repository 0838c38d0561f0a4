/**
 * The contract every loader keeps: the same report in txt, PDF, DOCX and HTML gives the same
 * sentences, and every offset it hands out slices exactly what it claims from the served text.
 */
import { describe, expect, it } from 'vitest';
import { REPORTS, fixture } from './format-fixtures.js';

async function proseSentences(name: string): Promise<string[]> {
  const { prepared } = await fixture(name);
  return prepared.chunks.flatMap((c) => c.sentences.map((s) => s.text)).filter((t) => /[，。]/.test(t));
}

describe.each(REPORTS)('loader contract: %s', (name) => {
  it('detects its format from the content', async () => {
    const { loaded } = await fixture(name);
    expect(loaded.format).toBe(name.split('.')[1]);
  });

  it('gives the same sentences as the plain-text export', async () => {
    const expected = await proseSentences('report.txt');
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(await proseSentences(name)).toEqual(expected);
  });

  it('keeps the title, the date line and every heading as lines of their own', async () => {
    const lines = (await fixture(name)).loaded.text.split('\n');
    for (const line of ['襄阳市经济和信息化局2025年工作总结和2026年工作思路', '发布日期：2026-01-20', '一、2025年工作回顾', '（一）产业集群加快壮大', '三、2026年工作思路']) {
      expect(lines).toContain(line);
    }
  });

  it('has chunk sentences and indicator values that slice exactly from the served text', async () => {
    const { loaded, prepared } = await fixture(name);
    for (const chunk of prepared.chunks) {
      for (const s of chunk.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(loaded.text.length);
        // Sentence text is normalized (line breaks dropped, a cell tab read as ；); otherwise the same characters.
        expect(loaded.text.slice(s.start, s.end).replace(/\t/g, '；').replace(/\s/g, '')).toBe(s.text.replace(/\s/g, ''));
      }
    }
    expect(prepared.indicators.length).toBeGreaterThan(20);
    for (const row of prepared.indicators) expect(loaded.text.slice(row.valueStart, row.valueEnd)).toBe(row.raw);
  });

  it('reads the figures of the prose the same way', async () => {
    const { prepared } = await fixture(name);
    // The plain-text export writes each table cell on a line of its own: only rows of prose sentences compare.
    const inProse = (r: { sentence: string }) => r.sentence.includes('，');
    const prose = prepared.indicators.filter(inProse);
    const reference = (await fixture('report.txt')).prepared.indicators.filter(inProse);
    expect(prose.map((r) => `${r.period} ${r.kind} ${r.metric} ${r.raw}`)).toEqual(reference.map((r) => `${r.period} ${r.kind} ${r.metric} ${r.raw}`));
  });
});

describe.each(['report.pdf', 'report.docx', 'report.html'])('tables: %s', (name) => {
  it('reads both tables as cells whose offsets slice their text', async () => {
    const { loaded } = await fixture(name);
    const tables = loaded.structure.tables;
    expect(tables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [
        ['指标', '2025年实际', '2026年目标'],
        ['规上工业增加值增速', '7.2%', '7%左右'],
        ['数字经济核心产业增加值', '420亿元', '480亿元'],
        // Two lines in the PDF's first column: one cell.
        ['规上工业企业研究与试验发展经费支出占营业收入比重', '1.8%', '2%以上'],
        ['技改投资增速', '12.5%', '10%以上'],
      ],
      [
        ['指标', '预期目标', '实际完成'],
        ['工业投资增速', '8%', '9.1%'],
        ['高新技术企业数量', '1500家', '1620家'],
      ],
    ]);
    for (const cell of tables.flatMap((t) => t.rows.flat())) expect(loaded.text.slice(cell.start, cell.end)).toBe(cell.text);
    expect(tables.map((t) => t.caption)).toEqual(['表1主要指标', '表2 2025年指标完成情况']);
  });
});
