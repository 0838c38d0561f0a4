import type pg from 'pg';
import type { VectorStorage } from '../index-store.js';

/** Whether this server offers pgvector: installed in the database, available to CREATE EXTENSION, or absent. */
export async function detectPgvector(client: pg.ClientBase): Promise<VectorStorage['pgvector']> {
  const result = await client.query<{ available: boolean; installed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`,
  );
  const { available, installed } = result.rows[0];
  return installed ? 'installed' : available ? 'available' : 'not installed';
}
