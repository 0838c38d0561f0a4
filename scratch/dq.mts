import { openEngine } from '../src/engine.js';
import { parseQuestion } from '../src/answer/parse-question.js';
const engine = await openEngine({ indexDir: process.env.INDEX ?? '/tmp/idx-seeds' });
for (const arg of process.argv.slice(2)) {
  const turns = arg.split(' >> ');
  const question = turns.pop()!;
  const p = parseQuestion(question);
  const r = await engine.ask({ question, ...(turns.length ? { history: turns } : {}) } as never);
  console.log('Q', arg, '\n  parsed', JSON.stringify({ regions: p.regions, periods: p.periods.map((x) => x.key), intent: p.intent, type: p.type, measure: p.measure, terms: p.terms, focus: p.focus }));
  console.log('  resolved', JSON.stringify((r.question as unknown as { resolved?: string }).resolved));
  console.log('  ->', r.status, r.answer.slice(0, 200));
}
