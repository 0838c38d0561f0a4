import { openEngine } from '../src/engine.js';
const e = await openEngine({ indexDir: process.env.INDEX ?? '/tmp/idx-seeds' });
const turns = process.argv[2].split(' >> ');
const r = await e.ask({ question: turns.pop()!, history: turns });
console.log(JSON.stringify(r, null, 1).slice(0, 3000));
