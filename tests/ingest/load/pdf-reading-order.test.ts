import { describe, expect, it } from 'vitest';
import type { Line, Segment } from '../../../ingest/load/pdf-lines.js';
import { readingOrder } from '../../../ingest/load/pdf-reading-order.js';

const segment = (x0: number, x1: number, y: number, text: string): Segment => ({ page: 1, x0, x1, y, size: 10, text });
const line = (y: number, ...segments: Segment[]): Line => ({ page: 1, y, size: 10, segments });

describe('readingOrder', () => {
  it('reads a byline with a far-right timestamp as two lines, not as a table whose first cell swallows the text below', () => {
    const lines = [
      line(700, segment(50, 110, 700, '海报新闻'), segment(300, 420, 700, '2025-12-14 17:35:16')),
      line(686, segment(50, 540, 686, '12月11日，江西省工业和信息化厅联合八部门印发行动计划，明确提出到')),
      line(672, segment(50, 540, 672, '2027年全省人工智能核心产业规模突破2000亿元、年均增速超30%。')),
    ];
    const items = readingOrder(1, lines);
    expect(items.every((item) => item.kind === 'text')).toBe(true);
    expect(items.map((item) => (item.kind === 'text' ? item.segment.text : '')).slice(0, 2)).toEqual(['海报新闻', '2025-12-14 17:35:16']);
  });

  it('still joins a wrapped cell to its row when it stays inside its column', () => {
    const lines = [
      line(700, segment(50, 200, 700, '研究与试验发展经费'), segment(300, 340, 700, '2.5%'), segment(400, 440, 700, '2.8%')),
      line(686, segment(50, 180, 686, '支出占营业收入比重')),
      line(672, segment(50, 120, 672, '规上工业企业'), segment(300, 340, 672, '1.2万'), segment(400, 440, 672, '1.3万')),
    ];
    const rows = readingOrder(1, lines).filter((item) => item.kind === 'row');
    expect(rows).toHaveLength(2);
    expect(rows[0].kind === 'row' && rows[0].cells[0].text).toBe('研究与试验发展经费支出占营业收入比重');
  });
});
