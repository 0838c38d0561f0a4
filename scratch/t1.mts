import { prepareDocument } from '../ingest/prepare-document.js';
const text = process.argv[2];
const { indicators } = prepareDocument('t.txt', text);
for (const r of indicators) console.log(r.raw, '|', r.metric, '|', r.measure, r.modality, r.region, r.period, r.relatedTo ?? '');
