import { openEngine } from '../src/engine.js';
const engine = await openEngine({ indexDir: process.env.INDEX ?? '/tmp/idx-seeds' });
for (const q of process.argv.slice(2)) { const r = await engine.ask({ question: q }); console.log(q, '\n ->', r.status, r.answer.slice(0, 200), '\n  resolved', r.question.resolved); }
