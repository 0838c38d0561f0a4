import type { DocumentMeta, Section } from '../../src/documents/document.js';
import { findNumberMentions, type NumberMention } from '../../src/domain/numbers.js';
import type { Indicator, Modality } from '../../src/indicators/indicator.js';
import { detectMeasure, kindOf } from '../indicators/kind.js';
import type { TableBlock, TableCell } from '../load/loader.js';

const TARGET_HEADER = /目标|预期|计划|预计|规划/;
const ACTUAL_HEADER = /实际|完成|实绩|实现|累计/;
const UNIT_HEADER = /^(计量)?单位$/;
const YEAR = /(20\d{2})\s*年?/;
// "规上工业增加值增速（%）", "数字经济核心产业增加值(亿元)": the unit in brackets after the name.
const UNIT_IN_NAME = /[（(]\s*([^()（）]{1,6})\s*[)）]\s*$/;

interface ValueColumn {
  col: number;
  header: string;
  year?: number;
  modality?: Modality;
}

/** A column header that names a period or a kind (2025年实际, 2026年目标, 预期目标, 实际完成) holds values. */
function valueColumn(cell: TableCell): ValueColumn | undefined {
  const year = YEAR.exec(cell.text)?.[1];
  const modality: Modality | undefined = TARGET_HEADER.test(cell.text) ? 'target' : ACTUAL_HEADER.test(cell.text) ? 'actual' : undefined;
  if (!year && !modality) return undefined;
  return { col: cell.col, header: cell.text, year: year ? Number(year) : undefined, modality };
}

/** The number of a cell: "7.2%", "480亿元", "7%左右"; a bare "7.2" takes the unit of its row or column. */
function cellValue(cell: TableCell, unit: string): NumberMention | undefined {
  const mention = findNumberMentions(cell.text)[0] ?? findNumberMentions(`${cell.text}${unit}`)[0];
  if (mention && mention.end > cell.text.length) return { ...mention, end: cell.text.length, raw: cell.text.slice(mention.start) };
  return mention;
}

export interface TableInput {
  meta: DocumentMeta;
  tables: TableBlock[];
  sections: Section[];
}

/**
 * Each value cell of a table whose columns are periods or kinds becomes an indicator row: the metric
 * is the row header, the period and kind come from the column header (else the caption's year, else
 * the section's), and the row is cited by the cell's own offsets in the served text.
 */
export function tableIndicators({ meta, tables, sections }: TableInput): Indicator[] {
  const rows: Indicator[] = [];
  for (const table of tables) {
    const [header, ...body] = table.rows;
    if (!header || !body.length) continue;
    const columns = header.map(valueColumn).filter((c): c is ValueColumn => c !== undefined && c.col > 0);
    if (!columns.length) continue;
    const unitCol = header.find((c) => UNIT_HEADER.test(c.text))?.col;
    const section = sections.find((s) => s.start <= table.start && table.start < s.end) ?? sections[0];
    const captionYear = table.caption ? Number(YEAR.exec(table.caption)?.[1]) || undefined : undefined;
    for (const row of body) {
      const name = row.find((c) => c.col === 0);
      if (!name || !name.text) continue;
      const metric = name.text.replace(UNIT_IN_NAME, '').trim();
      const unit = UNIT_IN_NAME.exec(name.text)?.[1] ?? (unitCol !== undefined ? (row.find((c) => c.col === unitCol)?.text ?? '') : '');
      for (const column of columns) {
        const cell = row.find((c) => c.col === column.col);
        if (!cell || cell === name) continue;
        const mention = cellValue(cell, unit);
        if (!mention) continue;
        const year = column.year ?? captionYear ?? section?.year ?? meta.reviewYear;
        const modality: Modality = column.modality ?? (year > meta.reviewYear ? 'target' : 'actual');
        const measure = detectMeasure(mention, metric, metric);
        const qualifier = /^(以上|左右|以内|以下)/.exec(cell.text.slice(mention.end))?.[0] ?? '';
        const phrase = `${metric}（${column.header}）${cell.text}`;
        rows.push({
          id: `${meta.id}:${cell.start + mention.start}`,
          docId: meta.id,
          region: section?.region ?? meta.regions[0] ?? '',
          period: String(year),
          year,
          metric,
          context: phrase,
          phrase,
          value: mention.value,
          unit: mention.unit,
          raw: mention.raw,
          kind: kindOf(modality, measure),
          modality,
          measure,
          qualifier,
          sentence: phrase,
          start: cell.start,
          end: cell.end,
          valueStart: cell.start + mention.start,
          valueEnd: cell.start + mention.end,
          metricSide: 'before',
          scope: {
            region: `table: ${section?.scope?.region ?? 'document region'}`,
            period: column.year ? `column header ${column.header}` : captionYear ? `table caption ${table.caption}` : `section default (${section?.heading.slice(0, 20) ?? ''})`,
            written: section?.written,
          },
        });
      }
    }
  }
  return rows;
}
