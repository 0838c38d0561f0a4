import type pg from 'pg';
import { buildRowIndex } from '../../indicators/row-index.js';
import { computeCorpusFacts } from '../corpus-facts.js';
import type { IndexSnapshot } from '../index-store.js';
import { encodeInts } from '../int-blob.js';

/** Rows per INSERT: each column goes as one array parameter, so a batch is one round trip. */
const BATCH = 2_000;

type Column = { name: string; type: string; values: unknown[] };

/** INSERT … SELECT $generation, * FROM unnest($2::type[], …) in batches. */
async function insertRows(client: pg.ClientBase, table: string, generation: string, columns: Column[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (generation, ${names}) SELECT $1, * FROM unnest(${arrays})`;
  for (let start = 0; start < rows; start += BATCH) {
    await client.query(sql, [generation, ...columns.map((c) => c.values.slice(start, start + BATCH))]);
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
  const ords = (n: number) => Array.from({ length: n }, (_, i) => i);

  await insertRows(client, 'documents', generation, [
    { name: 'ord', type: 'integer', values: ords(documents.length) },
    { name: 'id', type: 'text', values: documents.map((d) => d.id) },
    { name: 'body', type: 'text', values: documents.map((d) => JSON.stringify(d)) },
  ]);
  await insertRows(client, 'sections', generation, [
    { name: 'ord', type: 'integer', values: ords(sections.length) },
    { name: 'doc_id', type: 'text', values: sections.map((s) => s.docId) },
    { name: 'body', type: 'text', values: sections.map((s) => JSON.stringify(s)) },
  ]);
  // tsvector has no array-of-arrays input through unnest: each chunk's terms travel as one JSON array.
  await insertChunks(client, generation, snapshot, chunkTerms(snapshot));
  const terms = Object.entries(bm25.postings);
  await insertRows(client, 'bm25_terms', generation, [
    { name: 'term', type: 'text', values: terms.map(([term]) => term) },
    { name: 'postings', type: 'bytea', values: terms.map(([, list]) => encodeInts(list.flat())) },
  ]);
  const rowIndex = buildRowIndex(indicators);
  await insertRows(client, 'indicators', generation, [
    { name: 'ord', type: 'integer', values: ords(indicators.length) },
    { name: 'doc_id', type: 'text', values: indicators.map((r) => r.docId) },
    { name: 'body', type: 'text', values: indicators.map((r) => JSON.stringify(r)) },
    { name: 'tokens', type: 'text', values: rowIndex.tokens.map((t) => JSON.stringify(t)) },
  ]);
  const rowTerms = [...rowIndex.postings];
  await insertRows(client, 'indicator_terms', generation, [
    { name: 'ord', type: 'integer', values: ords(rowTerms.length) },
    { name: 'term', type: 'text', values: rowTerms.map(([term]) => term) },
    { name: 'rows', type: 'bytea', values: rowTerms.map(([, list]) => encodeInts(list)) },
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
  for (const table of ['documents', 'sections', 'chunks', 'bm25_terms', 'indicators', 'indicator_terms', 'vector_files']) {
    await client.query(`DELETE FROM ${table} WHERE generation <> $1`, [generation]);
  }
  await client.query('DELETE FROM generations WHERE id <> $1', [generation]);
  return generation;
}

async function insertChunks(client: pg.ClientBase, generation: string, snapshot: IndexSnapshot, terms: string[][]): Promise<void> {
  const { chunks, bm25 } = snapshot;
  const sql = `INSERT INTO chunks (generation, ord, id, doc_id, tokens, body, terms)
               SELECT $1, c.ord, c.id, c.doc_id, c.tokens, c.body, array_to_tsvector(ARRAY(SELECT json_array_elements_text(c.terms::json)))
               FROM unnest($2::integer[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[]) AS c (ord, id, doc_id, tokens, body, terms)`;
  for (let start = 0; start < chunks.length; start += BATCH) {
    const batch = chunks.slice(start, start + BATCH);
    await client.query(sql, [
      generation,
      batch.map((_, i) => start + i),
      batch.map((c) => c.id),
      batch.map((c) => c.docId),
      batch.map((_, i) => bm25.lengths[start + i]),
      batch.map((c) => JSON.stringify(c)),
      batch.map((_, i) => JSON.stringify(terms[start + i])),
    ]);
  }
}
