// The indicator browser: filters, a chart of one metric over its periods, and a paged table.
// Filters live in the URL hash (#/indicators?region=湖北&metric=算力) so a view can be shared.
import { allIndicators, describeError, listDocuments, listIndicators } from './api.js';
import { chartableSeries, drawChart } from './chart.js';
import { clear, h } from './dom.js';
import { KIND_LABELS } from './format.js';
import { indicatorTable } from './indicator-table.js';
import { openSource } from './source-view.js';

const PAGE_SIZE = 20;
const FILTERS = ['region', 'year', 'metric', 'kind'];

let current = { filters: {}, page: 1 };
let series = [];
let selectedSeries = 0;
let latest = 0;
let setUp = false;

function el(id) {
  return document.getElementById(id);
}

function rowSource(row) {
  return { docId: row.citation.docId, start: row.citation.start, end: row.citation.end, title: row.citation.title, label: '指标来源', valueStart: row.valueStart, valueEnd: row.valueEnd };
}

function sourceButton(row) {
  const button = h('button', { type: 'button', class: 'source-link compact', title: row.citation.quote }, '原文');
  button.addEventListener('click', () => openSource(rowSource(row), button));
  return button;
}

function stateMessage(kind, text, code) {
  return h('p', { class: ['state', kind], role: kind === 'error' ? 'alert' : null }, kind === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, text, code ? h('code', null, code) : null);
}

function renderChart() {
  const container = el('indicator-chart');
  const picker = el('series-picker');
  clear(picker);
  picker.hidden = series.length < 2;
  series.forEach((item, i) => picker.append(h('option', { value: String(i), selected: i === selectedSeries }, `${item.region} · ${item.metric}（${item.unit || '—'}）`)));
  if (series.length === 0) {
    clear(container).append(stateMessage('empty', '当前筛选下没有跨多个时期的指标。输入指标名称（如“算力”“工业投资”）查看历年走势。'));
    return;
  }
  drawChart(container, series[selectedSeries], (row, bar) => openSource(rowSource(row), bar));
}

function renderTable(page) {
  const table = el('indicator-results');
  const pager = el('indicator-pager');
  clear(table);
  clear(pager);
  if (page.total === 0) {
    table.append(stateMessage('empty', '没有符合条件的指标。试试放宽筛选条件。'));
    return;
  }
  table.append(indicatorTable(page.items, sourceButton));
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const previous = h('button', { type: 'button', class: 'secondary', disabled: page.page <= 1 }, '上一页');
  const next = h('button', { type: 'button', class: 'secondary', disabled: page.page >= pages }, '下一页');
  previous.addEventListener('click', () => navigate(current.filters, page.page - 1));
  next.addEventListener('click', () => navigate(current.filters, page.page + 1));
  pager.append(previous, h('span', { class: 'page-info' }, `第 ${page.page} / ${pages} 页 · 共 ${page.total} 条`), next);
}

async function load() {
  const request = ++latest;
  const { filters, page } = current;
  el('indicator-status').replaceChildren(stateMessage('loading', '正在载入指标…'));
  try {
    const [tablePage, all] = await Promise.all([listIndicators(filters, page, PAGE_SIZE), allIndicators(filters)]);
    if (request !== latest) return;
    el('indicator-status').replaceChildren();
    series = chartableSeries(all.items, filters.metric);
    selectedSeries = 0;
    renderChart();
    renderTable(tablePage);
  } catch (error) {
    if (request !== latest) return;
    const { text, code } = describeError(error);
    el('indicator-status').replaceChildren(stateMessage('error', `无法载入指标：${text}`, code));
    clear(el('indicator-chart'));
    clear(el('indicator-results'));
    clear(el('indicator-pager'));
  }
}

function navigate(filters, page) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) params.set(key, filters[key]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  const hash = `#/indicators${query ? `?${query}` : ''}`;
  if (location.hash === hash) show(params);
  else location.hash = hash;
}

function readForm() {
  const form = el('indicator-filters');
  const data = new FormData(form);
  return Object.fromEntries(FILTERS.map((key) => [key, String(data.get(key) ?? '').trim()]).filter(([, v]) => v));
}

async function fillChoices() {
  const kind = el('filter-kind');
  for (const [value, label] of Object.entries(KIND_LABELS)) kind.append(h('option', { value }, label));
  try {
    const documents = await listDocuments();
    const regions = [...new Set(documents.flatMap((d) => d.regions))];
    const years = [...new Set(documents.flatMap((d) => d.periods.map((p) => p.slice(0, 4))))].sort();
    for (const region of regions) el('filter-region').append(h('option', { value: region }, region));
    for (const year of years) el('filter-year').append(h('option', { value: year }, `${year}年`));
  } catch {
    // Without the document list the selects offer only 全部; typing filters still works via the URL.
  }
  syncForm();
}

function syncForm() {
  for (const key of FILTERS) {
    const input = el(`filter-${key}`);
    input.value = current.filters[key] ?? '';
  }
}

function setup() {
  setUp = true;
  const form = el('indicator-filters');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(readForm(), 1);
  });
  for (const key of ['region', 'year', 'kind']) el(`filter-${key}`).addEventListener('change', () => navigate(readForm(), 1));
  el('filter-reset').addEventListener('click', () => navigate({}, 1));
  el('series-picker').addEventListener('change', (event) => {
    selectedSeries = Number(event.target.value);
    renderChart();
  });
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!el('view-indicators').hidden && series.length) renderChart();
    }, 150);
  });
  fillChoices();
}

/** Shows the view for the filters in the URL. */
export function show(params) {
  if (!setUp) setup();
  const filters = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  current = { filters, page: Math.max(1, Number(params.get('page')) || 1) };
  syncForm();
  load();
}
