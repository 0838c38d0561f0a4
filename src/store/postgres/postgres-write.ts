import type pg from 'pg';
import { buildRowIndex, regionPostings } from '../../indicators/row-index.js';
import { computeCorpusFacts } from '../corpus-facts.js';
import type { IndexSnapshot } from '../index-store.js';
import { encodeInts } from '../int-blob.js';
import { documentListItem, storedScoring, textYears } from '../stored-columns.js';

/** Rows per INSERT: each column goes as one array parameter, so a batch is one round trip. */
const BATCH = 2_000;
/** A document row holds its whole text and structure: fewer per statement keeps each one well under the protocol's limits. */
const DOCUMENT_BATCH = 100;

/** One column: its value for row i, computed (JSON-encoded, say) only when its batch is sent. */
type Column = { name: string; type: string; value: (i: number) => unknown };

/**
 * INSERT … SELECT $generation, * FROM unnest($2::type[], …) in batches. `lastAs` rewrites the last
 * column from its unnested value (the chunks' JSON term list → tsvector).
 */
async function insertRows(client: pg.ClientBase, table: string, generation: string, rows: number, columns: Column[], batch = BATCH, lastAs?: string): Promise<void> {
  // Quoted: "end" is a reserved word.
  const names = columns.map((c) => `"${c.name}"`);
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ');
  const selected = lastAs ? [...names.slice(0, -1), lastAs] : names;
  const sql = `INSERT INTO ${table} (generation, ${names.join(', ')}) SELECT $1, ${selected.join(', ')} FROM unnest(${arrays}) AS u (${names.join(', ')})`;
  for (let start = 0; start < rows; start += batch) {
    const end = Math.min(rows, start + batch);
    await client.query(sql, [generation, ...columns.map((c) => Array.from({ length: end - start }, (_, k) => c.value(start + k)))]);
  }
}

/** Each chunk's distinct BM25 terms, inverted from the postings, for the tsvector column. */
function chunkTerms(snapshot: IndexSnapshot): string[][] {
  const terms: string[][] = snapshot.chunks.map(() => []);
  for (const [term, list] of Object.entries(snapshot.bm25.postings)) {
    // A tsvector lexeme is at most 2047 bytes and cannot be empty.
    if (!term || Buffer.byteLength(term) > 2000) continue;
    for (const [ord] of list) terms[ord].push(term);
  }
  return terms;
}

/**
 * Writes a snapshot as a new generation and makes it current, inside the caller's transaction;
 * then deletes every other generation (readers inside a snapshot of their own still see theirs).
 */
export async function writeGeneration(client: pg.ClientBase, snapshot: IndexSnapshot, vectorFiles: Array<{ path: string; body: Buffer }>): Promise<string> {
  const { documents, sections, chunks, indicators, bm25 } = snapshot;
  const generation = (await client.query<{ id: string }>("SELECT nextval('generation_ids')::text AS id")).rows[0].id;

  await insertRows(client, 'documents', generation, documents.length, [
    { name: 'ord', type: 'integer', value: (i) => i },
    { name: 'id', type: 'text', value: (i) => documents[i].id },
    { name: 'list_item', type: 'text', value: (i) => JSON.stringify(documentListItem(documents[i])) },
    { name: 'body', type: 'text', value: (i) => JSON.stringify(documents[i]) },
  ], DOCUMENT_BATCH);
  await insertRows(client, 'sections', generation, sections.length, [
    { name: 'ord', type: 'integer', value: (i) => i },
    { name: 'doc_id', type: 'text', value: (i) => sections[i].docId },
    { name: 'body', type: 'text', value: (i) => JSON.stringify(sections[i]) },
  ]);
  // tsvector has no array-of-arrays input through unnest: each chunk's terms travel as one JSON array.
  const terms = chunkTerms(snapshot);
  await insertRows(client, 'chunks', generation, chunks.length, [
    { name: 'ord', type: 'integer', value: (i) => i },
    { name: 'id', type: 'text', value: (i) => chunks[i].id },
    { name: 'doc_id', type: 'text', value: (i) => chunks[i].docId },
    { name: 'start', type: 'integer', value: (i) => chunks[i].start },
    { name: 'end', type: 'integer', value: (i) => chunks[i].end },
    { name: 'region', type: 'text', value: (i) => chunks[i].region },
    { name: 'year', type: 'integer', value: (i) => chunks[i].year },
    { name: 'text_years', type: 'text', value: (i) => JSON.stringify(textYears(chunks[i].text)) },
    { name: 'tokens', type: 'integer', value: (i) => bm25.lengths[i] },
    { name: 'body', type: 'text', value: (i) => JSON.stringify(chunks[i]) },
    { name: 'terms', type: 'text', value: (i) => JSON.stringify(terms[i]) },
  ], BATCH, 'array_to_tsvector(ARRAY(SELECT json_array_elements_text(terms::json)))');
  const postings = Object.entries(bm25.postings);
  await insertRows(client, 'bm25_terms', generation, postings.length, [
    { name: 'term', type: 'text', value: (i) => postings[i][0] },
    { name: 'df', type: 'integer', value: (i) => postings[i][1].length },
    { name: 'postings', type: 'bytea', value: (i) => encodeInts(postings[i][1].flat()) },
  ]);
  const rowIndex = buildRowIndex(indicators);
  await insertRows(client, 'indicators', generation, indicators.length, [
    { name: 'ord', type: 'integer', value: (i) => i },
    { name: 'id', type: 'text', value: (i) => indicators[i].id },
    { name: 'doc_id', type: 'text', value: (i) => indicators[i].docId },
    { name: 'region', type: 'text', value: (i) => indicators[i].region },
    { name: 'year', type: 'integer', value: (i) => indicators[i].year },
    { name: 'period', type: 'text', value: (i) => indicators[i].period },
    { name: 'modality', type: 'text', value: (i) => indicators[i].modality },
    { name: 'related_to', type: 'text', value: (i) => indicators[i].relatedTo ?? null },
    { name: 'undated', type: 'boolean', value: (i) => Boolean(indicators[i].undated) },
    { name: 'multi_year', type: 'boolean', value: (i) => Boolean(indicators[i].multiYear) },
    { name: 'body', type: 'text', value: (i) => JSON.stringify(indicators[i]) },
    { name: 'scoring', type: 'text', value: (i) => storedScoring(indicators[i], rowIndex.tokens[i]) },
  ]);
  const rowTerms = [...rowIndex.postings];
  await insertRows(client, 'indicator_terms', generation, rowTerms.length, [
    { name: 'ord', type: 'integer', value: (i) => i },
    { name: 'term', type: 'text', value: (i) => rowTerms[i][0] },
    { name: 'df', type: 'integer', value: (i) => rowTerms[i][1].length },
    { name: 'rows', type: 'bytea', value: (i) => encodeInts(rowTerms[i][1]) },
  ]);
  const regionTerms = [...regionPostings(indicators, rowIndex.postings)].flatMap(([region, terms]) => [...terms].map(([term, list]) => ({ region, term, list })));
  await insertRows(client, 'indicator_region_terms', generation, regionTerms.length, [
    { name: 'region', type: 'text', value: (i) => regionTerms[i].region },
    { name: 'term', type: 'text', value: (i) => regionTerms[i].term },
    { name: 'rows', type: 'bytea', value: (i) => encodeInts(regionTerms[i].list) },
  ]);
  for (const file of vectorFiles) {
    await client.query('INSERT INTO vector_files (generation, path, body) VALUES ($1, $2, $3)', [generation, file.path, file.body]);
  }
  const facts = computeCorpusFacts(documents, sections, indicators);
  await client.query('INSERT INTO generations (id, manifest, facts, bm25_options) VALUES ($1, $2, $3, $4)', [
    generation,
    JSON.stringify(snapshot.manifest),
    JSON.stringify(facts),
    JSON.stringify(bm25.options),
  ]);
  await client.query(
    'INSERT INTO current_generation (only_row, generation) VALUES (true, $1) ON CONFLICT (only_row) DO UPDATE SET generation = EXCLUDED.generation',
    [generation],
  );
  for (const table of ['documents', 'sections', 'chunks', 'bm25_terms', 'indicators', 'indicator_terms', 'indicator_region_terms', 'vector_files']) {
    await client.query(`DELETE FROM ${table} WHERE generation <> $1`, [generation]);
  }
  await client.query('DELETE FROM generations WHERE id <> $1', [generation]);
  return generation;
}
