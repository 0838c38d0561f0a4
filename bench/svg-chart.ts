/**
 * A small hand-written SVG line chart: panels side by side, N on a log axis, linear values, dashed
 * target lines. No chart library, so the file is readable, diffable and renders anywhere.
 */

export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<{ n: number; value: number }>;
}

export interface ChartTarget {
  value: number;
  label: string;
  color: string;
}

export interface ChartPanel {
  title: string;
  yLabel: string;
  series: ChartSeries[];
  targets: ChartTarget[];
}

const PANEL_WIDTH = 470;
const HEIGHT = 400;
const MARGIN = { top: 78, right: 24, bottom: 118, left: 64 };
// End-of-line value labels closer than this (px) are pushed apart so they stay readable.
const LABEL_GAP = 12;
const FONT = "font-family='DejaVu Sans, Arial, sans-serif'";

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function niceStep(max: number, ticks = 5): number {
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
  return nice * magnitude;
}

function format(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function panel(p: ChartPanel, offsetX: number): string {
  const plotW = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const ns = [...new Set(p.series.flatMap((s) => s.points.map((pt) => pt.n)))].sort((a, b) => a - b);
  const lo = Math.log10(ns[0] ?? 1);
  const hi = Math.log10(ns[ns.length - 1] ?? 10);
  // Extra room on the right for the value labels at the last point.
  const [x0, x1] = hi - lo < 0.5 ? [lo - 0.5, hi + 0.5] : [lo - 0.15, hi + 0.3];
  const values = [...p.series.flatMap((s) => s.points.map((pt) => pt.value)), ...p.targets.map((t) => t.value)];
  const step = niceStep(Math.max(...values, 1) * 1.1);
  const yMax = Math.ceil((Math.max(...values, 1) * 1.1) / step) * step;
  const x = (n: number) => offsetX + MARGIN.left + ((Math.log10(n) - x0) / (x1 - x0)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - (v / yMax) * plotH;
  const out: string[] = [];
  out.push(`<text x='${offsetX + PANEL_WIDTH / 2}' y='${MARGIN.top - 14}' text-anchor='middle' font-size='14' font-weight='bold' ${FONT}>${escapeXml(p.title)}</text>`);
  for (let v = 0; v <= yMax + step / 2; v += step) {
    out.push(`<line x1='${offsetX + MARGIN.left}' x2='${offsetX + MARGIN.left + plotW}' y1='${y(v)}' y2='${y(v)}' stroke='#e3e3e3'/>`);
    const tick = step >= 1 ? String(Math.round(v)) : v.toFixed(Math.max(0, -Math.floor(Math.log10(step))));
    out.push(`<text x='${offsetX + MARGIN.left - 6}' y='${y(v) + 4}' text-anchor='end' font-size='11' fill='#555' ${FONT}>${tick}</text>`);
  }
  for (const n of ns) {
    out.push(`<line x1='${x(n)}' x2='${x(n)}' y1='${MARGIN.top}' y2='${MARGIN.top + plotH}' stroke='#f0f0f0'/>`);
    out.push(`<text x='${x(n)}' y='${MARGIN.top + plotH + 16}' text-anchor='middle' font-size='11' fill='#555' ${FONT}>${n}</text>`);
  }
  out.push(`<rect x='${offsetX + MARGIN.left}' y='${MARGIN.top}' width='${plotW}' height='${plotH}' fill='none' stroke='#999'/>`);
  out.push(`<text x='${offsetX + MARGIN.left + plotW / 2}' y='${MARGIN.top + plotH + 34}' text-anchor='middle' font-size='12' ${FONT}>documents in corpus (N, log scale)</text>`);
  out.push(
    `<text transform='translate(${offsetX + 16} ${MARGIN.top + plotH / 2}) rotate(-90)' text-anchor='middle' font-size='12' ${FONT}>${escapeXml(p.yLabel)}</text>`,
  );
  for (const t of p.targets) {
    out.push(`<line x1='${offsetX + MARGIN.left}' x2='${offsetX + MARGIN.left + plotW}' y1='${y(t.value)}' y2='${y(t.value)}' stroke='${t.color}' stroke-dasharray='6 4' stroke-width='1.5'/>`);
    out.push(`<text x='${offsetX + MARGIN.left + 4}' y='${y(t.value) - 4}' font-size='11' fill='${t.color}' ${FONT}>${escapeXml(t.label)}</text>`);
  }
  const labels: Array<{ x: number; y: number; text: string; color: string }> = [];
  for (const s of p.series) {
    const pts = s.points.filter((pt) => Number.isFinite(pt.value)).sort((a, b) => a.n - b.n);
    if (pts.length === 0) continue;
    const dash = s.dashed ? ` stroke-dasharray='4 3'` : '';
    out.push(`<polyline fill='none' stroke='${s.color}' stroke-width='2'${dash} points='${pts.map((pt) => `${x(pt.n).toFixed(1)},${y(pt.value).toFixed(1)}`).join(' ')}'/>`);
    for (const pt of pts) out.push(`<circle cx='${x(pt.n).toFixed(1)}' cy='${y(pt.value).toFixed(1)}' r='3.5' fill='${s.color}'/>`);
    const last = pts[pts.length - 1];
    labels.push({ x: x(last.n) + 7, y: y(last.value) + 4, text: format(last.value), color: s.color });
  }
  labels.sort((a, b) => a.y - b.y);
  labels.forEach((label, i) => {
    if (i > 0 && label.y - labels[i - 1].y < LABEL_GAP) label.y = labels[i - 1].y + LABEL_GAP;
    out.push(`<text x='${label.x.toFixed(1)}' y='${label.y.toFixed(1)}' font-size='10' fill='${label.color}' ${FONT}>${label.text}</text>`);
  });
  p.series.forEach((s, i) => {
    const lx = offsetX + MARGIN.left + (i % 2) * (plotW / 2);
    const ly = MARGIN.top + plotH + 56 + Math.floor(i / 2) * 18;
    const dash = s.dashed ? ` stroke-dasharray='4 3'` : '';
    out.push(`<line x1='${lx}' x2='${lx + 22}' y1='${ly - 4}' y2='${ly - 4}' stroke='${s.color}' stroke-width='2'${dash}/>`);
    out.push(`<text x='${lx + 28}' y='${ly}' font-size='11' ${FONT}>${escapeXml(s.label)}</text>`);
  });
  return out.join('\n  ');
}

export function renderChart(title: string, subtitle: string, panels: ChartPanel[]): string {
  const width = PANEL_WIDTH * panels.length;
  return [
    `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${HEIGHT}' viewBox='0 0 ${width} ${HEIGHT}'>`,
    `  <rect width='100%' height='100%' fill='white'/>`,
    `  <text x='${width / 2}' y='22' text-anchor='middle' font-size='16' font-weight='bold' ${FONT}>${escapeXml(title)}</text>`,
    `  <text x='${width / 2}' y='39' text-anchor='middle' font-size='11' fill='#555' ${FONT}>${escapeXml(subtitle)}</text>`,
    ...panels.map((p, i) => `  ${panel(p, i * PANEL_WIDTH)}`),
    '</svg>',
    '',
  ].join('\n');
}
