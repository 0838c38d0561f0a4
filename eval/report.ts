import { isFailure, type ItemResult } from './score.js';
import { ratioOf, summarize, type Metrics, type Ratio, type RatioMetric, type Summary } from './summary.js';
import { renderMarkdownTable, renderText, type Table } from './table.js';

/** Everything one `npm run eval` measured, in the shape the printers and the JSON line share. */
export interface SystemRun {
  system: string;
  summary: Summary;
  results: ItemResult[];
}

export interface EvalRun {
  questions: string[];
  seeds: string;
  mode: string;
  ours: SystemRun;
  baseline?: SystemRun;
}

export function systemRun(system: string, results: ItemResult[]): SystemRun {
  return { system, summary: summarize(results), results };
}

const METRIC_COLUMNS: { key: RatioMetric; label: string; kind: 'share' | 'ms' }[] = [
  { key: 'accuracy', label: 'accuracy', kind: 'share' },
  { key: 'citationAccuracy', label: 'citation', kind: 'share' },
  { key: 'refusalAccuracy', label: 'refusal', kind: 'share' },
  { key: 'recallAt5', label: 'recall@5', kind: 'share' },
  { key: 'latencyP50Ms', label: 'p50 ms', kind: 'ms' },
  { key: 'latencyP95Ms', label: 'p95 ms', kind: 'ms' },
];

function formatMetric(value: number | null, kind: 'share' | 'ms'): string {
  if (value === null) return '–';
  if (kind === 'share') return `${(value * 100).toFixed(1)}%`;
  // Sub-millisecond latencies need their decimals; whole milliseconds do not.
  if (value < 1) return value.toFixed(2);
  return value.toFixed(value < 10 ? 1 : 0);
}

function formatRatio(value: number | null, ours: number | null, baseline: number | null): string {
  if (value !== null) return `×${value.toFixed(2)}`;
  // The baseline never refuses, so its refusal accuracy is 0 and the ratio has no finite value.
  return ours !== null && ours > 0 && baseline === 0 ? '∞' : '–';
}

function rowsOf(summary: Summary): [string, Metrics][] {
  return [...Object.entries(summary.byKind), ['overall', summary.overall]];
}

function summaryTable(summary: Summary): Table {
  return {
    header: [['kind', 'n', ...METRIC_COLUMNS.map((column) => column.label)]],
    body: rowsOf(summary).map(([kind, metrics]) => [
      kind,
      String(metrics.n),
      ...METRIC_COLUMNS.map((column) => formatMetric(metrics[column.key], column.kind)),
    ]),
  };
}

function comparisonTable(ours: Summary, baseline: Summary): Table {
  const ratio = ratioOf(ours.overall, baseline.overall);
  const body = rowsOf(ours).map(([kind, metrics]) => {
    const theirs = kind === 'overall' ? baseline.overall : baseline.byKind[kind];
    return [
      kind,
      String(metrics.n),
      ...METRIC_COLUMNS.flatMap((column) => [
        formatMetric(metrics[column.key], column.kind),
        theirs ? formatMetric(theirs[column.key], column.kind) : '–',
      ]),
    ];
  });
  body.push([
    'ours/baseline',
    '',
    ...METRIC_COLUMNS.flatMap((column) => [
      formatRatio(ratio[column.key], ours.overall[column.key], baseline.overall[column.key]),
      '',
    ]),
  ]);
  return {
    header: [
      ['', '', ...METRIC_COLUMNS.flatMap((column) => [column.label, ''])],
      ['kind', 'n', ...METRIC_COLUMNS.flatMap(() => ['ours', 'base'])],
    ],
    body,
  };
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

function failureLines(results: ItemResult[], answerLength: number): string[] {
  return results.filter(isFailure).flatMap((result) => [
    `- ${result.id} [${result.kind}] ${result.question}`,
    `    expected: ${result.expected}`,
    `    got:      [${result.status}] ${truncate(result.got, answerLength) || '(empty)'}`,
    `    why:      ${result.why.join('; ')}`,
  ]);
}

// Evaluating another seed folder with the dev set leaves gold quotes without a document to point at.
function unlocatedWarning(results: ItemResult[]): string | undefined {
  const count = results.filter((result) => result.goldUnlocated > 0).length;
  if (count === 0) return undefined;
  return `${count} items have gold quotes missing from this corpus; citation and recall@5 use only the quotes found (not scored when none is)`;
}

function headline(run: EvalRun): string {
  return `${run.ours.results.length} questions from ${run.questions.join(', ')} · seed folder ${run.seeds} · mode ${run.mode}`;
}

export function renderConsole(run: EvalRun): string {
  const lines = [`政策报告问答 eval — ${headline(run)}`, `ours: ${run.ours.system}`];
  if (run.baseline) {
    lines.push(`baseline: ${run.baseline.system}`, '', renderText(comparisonTable(run.ours.summary, run.baseline.summary)));
  } else {
    lines.push('', renderText(summaryTable(run.ours.summary)));
  }
  lines.push('', `answerable questions refused: ${run.ours.summary.overall.falseRefusals}`);
  const warning = unlocatedWarning(run.ours.results);
  if (warning) lines.push(`warning: ${warning}`);
  const failures = failureLines(run.ours.results, 160);
  lines.push('', `failures (ours): ${run.ours.results.filter(isFailure).length}`, ...failures);
  return lines.join('\n');
}

export function renderMarkdown(run: EvalRun): string {
  const lines = ['# 政策报告问答 — evaluation report', '', headline(run), '', `- ours: ${run.ours.system}`];
  if (run.baseline) {
    lines.push(`- baseline: ${run.baseline.system}`, '', '## Ours vs baseline', '', renderMarkdownTable(comparisonTable(run.ours.summary, run.baseline.summary)));
  }
  lines.push('', '## Ours by kind', '', renderMarkdownTable(summaryTable(run.ours.summary)));
  lines.push('', `Answerable questions refused: ${run.ours.summary.overall.falseRefusals}.`);
  const warning = unlocatedWarning(run.ours.results);
  if (warning) lines.push('', `Warning: ${warning}.`);
  lines.push('', '## Failures (ours)', '', '```', ...failureLines(run.ours.results, 300), '```');
  if (run.baseline) {
    lines.push('', '## Baseline by kind', '', renderMarkdownTable(summaryTable(run.baseline.summary)));
    lines.push('', '## Failures (baseline)', '', '```', ...failureLines(run.baseline.results, 120), '```');
  }
  lines.push(
    '',
    '## How items are scored',
    '',
    '- accuracy: the answer contains an accepted string after normalizing widths, spaces, `**` and number forms (2.2万 = 22000, 一万 = 1万), with number boundaries (8% does not match 18% or 8.5%); list items need every element; unanswerable items need `not_found` and a refusal that states no number (dates and periods do not count).',
    '- citation: a cited span overlaps the gold quote in the gold document (for comparison items, either quoted fact).',
    '- refusal: accuracy on unanswerable items only. recall@5: the gold span overlaps one of the first 5 retrieved chunks.',
    '- latency: wall clock around each in-process ask(), one question at a time, after one untimed warm-up ask.',
    '- caveat: "contains" scoring rewards long answers; the baseline returns a whole 500-character chunk, so its accuracy is an upper bound of what a reader would get from it.',
    '',
  );
  return lines.join('\n');
}

interface SystemSummary {
  system: string;
  overall: Metrics;
  byKind: Record<string, Metrics>;
}

export interface JsonSummary extends SystemSummary {
  questions: string[];
  seeds: string;
  mode: string;
  n: number;
  failures: { id: string; kind: string; why: string[] }[];
  baseline?: SystemSummary;
  ratio?: Ratio;
}

function compactSystem(run: SystemRun): SystemSummary {
  return { system: run.system, overall: run.summary.overall, byKind: run.summary.byKind };
}

/** The one-line machine-readable summary printed last with --json. */
export function jsonSummary(run: EvalRun): JsonSummary {
  return {
    questions: run.questions,
    seeds: run.seeds,
    mode: run.mode,
    n: run.ours.results.length,
    ...compactSystem(run.ours),
    failures: run.ours.results.filter(isFailure).map((result) => ({ id: result.id, kind: result.kind, why: result.why })),
    ...(run.baseline
      ? { baseline: compactSystem(run.baseline), ratio: ratioOf(run.ours.summary.overall, run.baseline.summary.overall) }
      : {}),
  };
}
