import { readFileSync } from 'node:fs';
import { toSimplified } from '../src/domain/simplified.js';
for (const raw of readFileSync(process.argv[2], 'utf8').split('\n')) { const s = toSimplified(raw); console.log(raw.length, s.length); if (s.length !== raw.length) { for (let i=0;i<Math.min(raw.length,s.length);i++) if (raw[i]!==s[i] && toSimplified(raw[i])!==s[i]) { console.log(' diff at', i, raw.slice(i-3,i+6), '|', s.slice(i-3,i+6)); break; } } }
