import { findTimeExpressions } from '../src/domain/time-expressions.js';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findTimeExpressions(t, { writtenYear: 2023, writtenMonth: 7, sectionYear: 2023 }).map(x=>[t.slice(x.start,x.end), x.period.key])));
