import { findRegionMentions, regionInfo } from '../src/domain/regions.js';
for (const t of ['长治1-11月战新产业', '长治市', '长治的工业']) console.log(t, JSON.stringify(findRegionMentions(t, { abbreviations: true })));
console.log(regionInfo('长治'));
