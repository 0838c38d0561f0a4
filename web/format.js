// Display helpers for indicator values, kinds and periods.

/** P and PFLOPS are the same unit of computing power; the reports use both. */
export function canonicalUnit(unit) {
  return unit === 'PFLOPS' ? 'P' : unit;
}

function trimNumber(value, digits = 2) {
  return Number(value.toFixed(digits)).toString();
}

/** 22000 P → 2.2万P, 6.5e11 元 → 6500亿元, 7.8 % → 7.8% */
export function formatValue(value, unit) {
  const u = canonicalUnit(unit ?? '');
  const abs = Math.abs(value);
  if (u === '%' || u === '个百分点') return `${trimNumber(value)}${u}`;
  if (abs >= 1e12) return `${trimNumber(value / 1e12)}万亿${u}`;
  if (abs >= 1e8) return `${trimNumber(value / 1e8)}亿${u}`;
  if (abs >= 1e4) return `${trimNumber(value / 1e4)}万${u}`;
  return `${trimNumber(value)}${u}`;
}

/** Short axis labels: 22000 → 2.2万 */
export function formatAxis(value) {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${trimNumber(value / 1e12, 1)}万亿`;
  if (abs >= 1e8) return `${trimNumber(value / 1e8, 1)}亿`;
  if (abs >= 1e4) return `${trimNumber(value / 1e4, 1)}万`;
  return trimNumber(value, 1);
}

export const KIND_LABELS = {
  actual: '实际',
  target: '目标',
  forecast: '预计',
  growth: '增速',
  share: '占比',
  rank: '排名',
  'count-change': '增减',
};

export const MODALITY_LABELS = { actual: '实际', target: '目标', forecast: '预计' };

export function kindLabel(row) {
  const kind = KIND_LABELS[row.kind] ?? row.kind;
  // A growth or share row is still a target or an actual; say which when it is not plain actual.
  if (row.modality && row.modality !== 'actual' && row.kind !== row.modality) return `${kind}·${MODALITY_LABELS[row.modality]}`;
  return kind;
}

const SUB_PERIODS = [
  [/^(\d{4})Q(\d)$/, (y, q) => `${y}年${'一二三四'[Number(q) - 1]}季度`],
  [/^(\d{4})H1$/, (y) => `${y}年上半年`],
  [/^(\d{4})H2$/, (y) => `${y}年下半年`],
  [/^(\d{4})-(\d{2})\.\.(\d{2})$/, (y, a, b) => `${y}年${Number(a)}—${Number(b)}月`],
  [/^(\d{4})-(\d{2})$/, (y, m) => `${y}年${Number(m)}月`],
  [/^(\d{4})$/, (y) => `${y}年`],
];

/** 2025H1 → 2025年上半年, 2024-01..11 → 2024年1—11月 */
export function periodLabel(period) {
  for (const [pattern, label] of SUB_PERIODS) {
    const match = pattern.exec(period);
    if (match) return label(...match.slice(1));
  }
  return period;
}

/** Orders periods in time: within a year, quarter < half < months < the full year. */
export function periodSortKey(period) {
  const year = Number(period.slice(0, 4)) || 0;
  let within = 99;
  const quarter = /Q(\d)$/.exec(period);
  const months = /-(\d{2})\.\.(\d{2})$/.exec(period) ?? /-(\d{2})()$/.exec(period);
  if (quarter) within = Number(quarter[1]) * 3;
  else if (/H1$/.test(period)) within = 6;
  else if (/H2$/.test(period)) within = 12;
  else if (months) within = Number(months[2] || months[1]);
  return year * 100 + within;
}
