import { openEngine } from '../src/engine.js';
import { parseQuestion } from '../src/answer/parse-question.js';
import { queryFor } from '../src/answer/indicator-match.js';
const e = await openEngine({ indexDir: process.env.INDEX ?? 'data/index' });
const q = parseQuestion(process.argv[2]);
console.log(JSON.stringify({ ...q, periods: q.periods.map((p) => p.key) }));
for (const period of q.periods.length ? q.periods : [undefined]) {
  for (const h of e.indicators.search(queryFor(q, period), 6)) {
    console.log(h.score.toFixed(3), h.coverage.toFixed(2), h.metricCoverage.toFixed(2), h.row.region, h.row.period, h.row.kind, h.row.metric, h.row.raw);
  }
}
