import { TARGETS } from './targets.js';
import type { BenchResults, CorpusResult } from './results.js';
import { renderChart, type ChartSeries } from './svg-chart.js';

function series(label: string, color: string, corpora: CorpusResult[], value: (c: CorpusResult) => number | undefined, dashed = false): ChartSeries {
  return {
    label,
    color,
    dashed,
    points: corpora.flatMap((c) => {
      const v = value(c);
      return v === undefined ? [] : [{ n: c.docs, value: v }];
    }),
  };
}

/** docs/perf-latency-memory.svg: /ask latency and memory against corpus size, with the targets. */
export function perfChart(results: BenchResults): string {
  const corpora = results.corpora;
  const m = results.machine;
  const subtitle = `keyword + indicator mode · ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} · ${results.startedAt.slice(0, 10)} · npm run bench`;
  return renderChart('政策报告问答: /ask latency and memory vs corpus size', subtitle, [
    {
      title: '/ask latency (ms)',
      yLabel: 'milliseconds',
      series: [
        series('in-process p50', '#9ecae1', corpora, (c) => c.keyword.serve.inProcess.summary.p50),
        series('in-process p95', '#3182bd', corpora, (c) => c.keyword.serve.inProcess.summary.p95),
        series('HTTP p50', '#fdae6b', corpora, (c) => c.keyword.serve.http?.summary.p50, true),
        series('HTTP p95', '#e6550d', corpora, (c) => c.keyword.serve.http?.summary.p95, true),
      ],
      targets: [
        { value: TARGETS.askP95Ms, label: `in-process p95 target ${TARGETS.askP95Ms} ms`, color: '#3182bd' },
        { value: TARGETS.httpP95Ms, label: `HTTP p95 target ${TARGETS.httpP95Ms} ms`, color: '#e6550d' },
      ],
    },
    {
      title: 'memory (MiB)',
      yLabel: 'MiB',
      series: [
        series('server peak RSS', '#31a354', corpora, (c) => c.keyword.serve.peakRssMb),
        series('ingest peak RSS', '#756bb1', corpora, (c) => c.keyword.ingest.peakRssMb, true),
        series('index on disk', '#636363', corpora, (c) => c.keyword.ingest.indexBytes / 1024 ** 2),
      ],
      targets: [{ value: TARGETS.serverPeakRssMb, label: 'server peak RSS target 1 GiB', color: '#31a354' }],
    },
  ]);
}
