import { readFileSync } from 'node:fs';
import { openEngine } from '../src/engine.js';
const e = await openEngine({ indexDir: '/work/main/data/index' });
const norm = (s: string) => s.replace(/\*\*/g,'').replace(/\s/g,'');
let ok = 0, n = 0;
const only = process.argv[2];
for (const line of readFileSync('/work/main/eval/dev.jsonl','utf8').trim().split('\n')) {
  const q = JSON.parse(line);
  if (only && !q.id.includes(only)) continue;
  const r = await e.ask({ question: q.question });
  let good: boolean;
  if (q.kind === 'unanswerable') good = r.status === 'not_found' && !/\d/.test(r.answer);
  else if (q.kind === 'list') { const items = q.accept[0].split(/[、，,和]/); good = q.accept.some((a: string)=>norm(r.answer).includes(norm(a))) || items.every((i: string)=>norm(r.answer).includes(norm(i))); }
  else good = r.status === 'answered' && q.accept.some((a: string) => norm(r.answer).includes(norm(a)));
  n++; if (good) ok++;
  if (!good || process.env.V) console.log(good ? 'OK ' : 'XX ', q.id, q.kind, q.question, '\n    exp:', q.answer, '\n    got:', r.status, r.answer.slice(0, 200));
}
console.log(`${ok}/${n}`);
