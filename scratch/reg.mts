import { findRegionMentions } from '../src/domain/regions.js';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findRegionMentions(t)));
