/** Rows of cells; a header may span two rows (a metric label above ours/base). */
export interface Table {
  header: string[][];
  body: string[][];
}

/** Plain-text table: first column left-aligned, numbers right-aligned. */
export function renderText(table: Table): string {
  const all = [...table.header, ...table.body];
  const widths = all[0].map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [...table.header.map(line), ...table.body.map(line)].join('\n');
}

export function renderMarkdownTable(table: Table): string {
  // Markdown has one header row, so a two-row text header is folded: a blank top cell repeats the
  // label on its left ("accuracy ours", "accuracy base").
  const [top, ...rest] = table.header;
  let group = '';
  const header = top.map((cell, column) => {
    if (cell !== '') group = cell;
    return [group, ...rest.map((row) => row[column])].filter((part) => part !== '').join(' ');
  });
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [row(header), row(header.map((_, column) => (column === 0 ? '---' : '---:'))), ...table.body.map(row)].join('\n');
}
