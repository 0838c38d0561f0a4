// A bar chart drawn as inline SVG: one metric over its periods, actual and target side by side.
import { clear, h, s } from './dom.js';
import { canonicalUnit, formatAxis, formatValue, MODALITY_LABELS, periodLabel, periodSortKey } from './format.js';

const MODALITIES = ['actual', 'target', 'forecast'];

function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Groups rows into series that can be charted: same region, metric and unit (P = PFLOPS), with
 * figures for at least two periods. A metric filter typed by the user ("算力") joins the wording
 * variants the reports use (算力规模, 算力总规模) into one series.
 */
export function chartableSeries(rows, metricFilter) {
  const groups = new Map();
  for (const row of rows) {
    if (!MODALITIES.includes(row.modality) || !Number.isFinite(row.value)) continue;
    const unit = canonicalUnit(row.unit);
    const key = [row.region, metricFilter || row.metric, unit, row.measure].join('|');
    if (!groups.has(key)) groups.set(key, { key, region: row.region, unit, rows: [] });
    groups.get(key).rows.push(row);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, metric: mostCommon(group.rows.map((r) => r.metric)), periods: new Set(group.rows.map((r) => r.period)).size }))
    .filter((group) => group.periods >= 2)
    .sort((a, b) => b.periods - a.periods || b.rows.length - a.rows.length);
}

function niceStep(range, ticks) {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
}

/** Draws `series` into `container`; onSelect(row) runs when a bar is clicked. */
export function drawChart(container, series, onSelect) {
  clear(container);
  // One bar per period and modality; a figure repeated in a second report is drawn once.
  const bars = new Map();
  for (const row of series.rows) {
    const key = `${row.period}|${row.modality}`;
    if (!bars.has(key)) bars.set(key, row);
  }
  const periods = [...new Set([...bars.values()].map((r) => r.period))].sort((a, b) => periodSortKey(a) - periodSortKey(b));
  const modalities = MODALITIES.filter((m) => [...bars.values()].some((r) => r.modality === m));

  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const height = width < 520 ? 230 : 270;
  const margin = { top: 26, right: 12, bottom: 40, left: width < 520 ? 44 : 56 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;

  const values = [...bars.values()].map((r) => r.value);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const step = niceStep(high - low || 1, 4);
  const yMin = Math.floor(low / step) * step;
  const yMax = Math.ceil((high * 1.12) / step) * step || step;
  const y = (v) => margin.top + plotHeight - ((v - yMin) / (yMax - yMin)) * plotHeight;

  const svg = s('svg', {
    class: 'chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `${series.region}${series.metric}各时期数值柱状图`,
  });
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    svg.append(
      s('line', { class: v === 0 ? 'axis' : 'grid', x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick', x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatAxis(v)),
    );
  }

  const band = plotWidth / periods.length;
  const barWidth = Math.min(56, (band * 0.72) / modalities.length);
  periods.forEach((period, i) => {
    const center = margin.left + band * i + band / 2;
    svg.append(s('text', { class: 'period', x: center, y: height - margin.bottom + 18, 'text-anchor': 'middle' }, periodLabel(period)));
    const present = modalities.filter((m) => bars.has(`${period}|${m}`));
    present.forEach((modality, j) => {
      const row = bars.get(`${period}|${modality}`);
      const x = center - (present.length * barWidth) / 2 + j * barWidth;
      const top = Math.min(y(row.value), y(0));
      const barHeight = Math.max(1, Math.abs(y(row.value) - y(0)));
      const label = `${periodLabel(period)}${MODALITY_LABELS[modality]}：${row.qualifier ?? ''}${formatValue(row.value, row.unit)}`;
      const bar = s(
        'g',
        { class: ['bar', `bar-${modality}`], tabindex: '0', role: 'button', 'aria-label': `${label}，查看原文` },
        s('title', null, `${label}\n${row.phrase ?? ''}`),
        s('rect', { x: x + 2, y: top, width: barWidth - 4, height: barHeight, rx: 3 }),
        s('text', { class: 'bar-label', x: x + barWidth / 2, y: top - 6, 'text-anchor': 'middle' }, formatValue(row.value, row.unit)),
      );
      const select = () => onSelect(row, bar);
      bar.addEventListener('click', select);
      bar.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select();
        }
      });
      svg.append(bar);
    });
  });

  const legend = h(
    'ul',
    { class: 'legend' },
    modalities.map((m) => h('li', null, h('span', { class: ['swatch', `bar-${m}`], 'aria-hidden': 'true' }), MODALITY_LABELS[m])),
  );
  container.append(
    h('div', { class: 'chart-head' }, h('h3', null, `${series.region} · ${series.metric}`), h('span', { class: 'unit' }, `单位：${series.unit || '—'}`)),
    svg,
    legend,
  );
}
