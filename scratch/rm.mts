import { findRegionMentions } from '../src/domain/regions.js';
import { readFileSync } from 'node:fs';
const t = readFileSync(process.argv[2], 'utf8');
console.log(findRegionMentions(t, { counties: true }).map((m) => `${m.surface}->${m.name}${m.weak ? '(weak)' : ''}`).join(' '));
