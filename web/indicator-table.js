// The table of indicator rows, used under answers and in the indicator browser.
// At phone width CSS turns each row into a card, labelling cells from data-label.
import { h } from './dom.js';
import { formatValue, kindLabel, periodLabel } from './format.js';

const COLUMNS = ['地区', '时期', '指标', '数值', '类型', '来源'];

/**
 * rows: indicator rows; source(row) returns the content of the 来源 cell (a citation button).
 * The value cell shows the number as written, with the normalised value when they differ.
 */
export function indicatorTable(rows, source, caption) {
  const body = rows.map((row) => {
    const normalised = formatValue(row.value, row.unit);
    // "12.0%" and "12%" say the same; only a different way of writing it (7998PFLOPS, 12000P) is worth showing.
    const sameWriting = (row.raw ?? '').replace(/\s/g, '').replace(/\.0+(?=\D|$)/, '') === normalised;
    const written = row.raw && !sameWriting ? h('span', { class: 'raw', title: '原文写法' }, row.raw) : null;
    // How the scope was resolved, on hover: a wrong region or year is then visible, not hidden.
    const scope = row.scope ?? {};
    const cells = [
      h('span', { class: 'scope', title: scope.region ? `地区：${scope.region}` : '' }, row.region),
      h('span', { class: 'scope', title: scope.period ? `时期：${scope.period}${scope.written ? `（成文 ${scope.written}）` : ''}` : '' }, periodLabel(row.period)),
      h('span', { class: 'metric', title: row.phrase ?? row.sentence ?? '' }, row.metric),
      h('span', { class: 'value' }, [row.qualifier ? h('span', { class: 'qualifier' }, row.qualifier) : null, normalised, written]),
      h('span', { class: ['kind', `kind-${row.modality ?? row.kind}`] }, kindLabel(row)),
      source(row),
    ];
    return h('tr', { dataset: { id: row.id } }, cells.map((cell, i) => h('td', { 'data-label': COLUMNS[i] }, cell)));
  });
  // The heading sits outside the table: a <caption> breaks once CSS turns rows into cards.
  return h(
    'section',
    { class: 'indicator-rows' },
    caption ? h('h3', null, caption) : null,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'indicator-table' },
        h('thead', null, h('tr', null, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, body),
      ),
    ),
  );
}
