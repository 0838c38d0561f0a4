import type { Indicator } from '../indicators/indicator.js';

const MONTH_RANGE = /^(\d{4})-(\d{2})\.\.(\d{2})$/;

/** "2025H1" → "2025年上半年", "2024-01..11" → "2024年1—11月". */
export function periodLabel(key: string): string {
  const half = /^(\d{4})H([12])$/.exec(key);
  if (half) return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  const quarter = /^(\d{4})Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年${'一二三四'[Number(quarter[2]) - 1]}季度`;
  const range = MONTH_RANGE.exec(key);
  if (range) {
    const from = Number(range[2]);
    const to = Number(range[3]);
    if (from === 1 && to === 9) return `${range[1]}年前三季度`;
    if (from === to) return `${range[1]}年${from}月`;
    return from === 1 ? `${range[1]}年1—${to}月` : `${range[1]}年${from}—${to}月`;
  }
  return `${key}年`;
}

/** The number as the source writes it, with its qualifier: 突破2.2万P, 2.5万个以上. */
export function valuePhrase(row: Indicator): string {
  const [before, after] = row.qualifier.includes('…')
    ? row.qualifier.split('…')
    : /^(以上|左右|以内|以下)$/.test(row.qualifier)
      ? ['', row.qualifier]
      : [row.qualifier, ''];
  return `${before}${row.raw}${after}`;
}

export function kindLabel(row: Indicator): string {
  if (row.modality === 'target') return '目标';
  if (row.modality === 'forecast') return '预计';
  return '';
}

/** "2026年湖北算力规模目标" */
/** The row's period in words; a text that never names its year is quoted for its months and says so. */
export function rowPeriodLabel(row: Pick<Indicator, 'period' | 'undated'>): string {
  return row.undated ? `${periodLabel(row.period).replace(/^\d{4}年/, '')}（原文未写明年份）` : periodLabel(row.period);
}

export function subjectOf(row: Indicator): string {
  return `${rowPeriodLabel(row)}${row.region}${row.metric}${kindLabel(row)}`;
}
