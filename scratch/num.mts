import { findNumberMentions } from '../src/domain/numbers.js';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findNumberMentions(t).map(m=>[m.raw,m.value,m.unit])));
