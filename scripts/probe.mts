import { openEngine } from '../src/engine.js';
const e = await openEngine({ indexDir: 'data/index' });
for (const q of process.argv.slice(2)) {
  const r = await e.ask({ question: q });
  console.log(q, '\n   →', r.status, r.answer.slice(0, 150));
}
