import { tokenize } from '../src/index/tokenizer.js';
for (const t of process.argv.slice(2)) console.log(t, tokenize(t));
