import { openEngine } from '../src/engine.js';
const e = await openEngine({ indexDir: 'data/index' });
const r = await e.ask({ question: process.argv[2] });
console.log(r.status, r.answer);
console.log(JSON.stringify(r.question));
for (const c of r.retrieval.chunks) console.log(c.docId, c.score, c.text.slice(0, 80));
for (const c of r.citations) console.log('CITE', c.n, c.docId, c.start, c.end, c.quote.slice(0, 60));
