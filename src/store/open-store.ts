import { resolve } from 'node:path';
import { AppError } from '../errors.js';
import type { IndexStore } from './index-store.js';
import { JsonIndexStore } from './json/json-store.js';
import { PostgresIndexStore } from './postgres/postgres-store.js';
import { SqliteIndexStore, sqliteFileIn } from './sqlite/sqlite-store.js';

export interface StoreLocation {
  indexDir: string;
  /**
   * DATABASE_URL: unset → SQLite file `index.sqlite` in INDEX_DIR; `sqlite:PATH` → that SQLite file;
   * `json:` → the JSON files in INDEX_DIR (the format before SQLite); `postgres://…` (or postgresql://)
   * → that PostgreSQL database, which several servers can share.
   */
  databaseUrl?: string;
}

/** The store an index lives in, as DATABASE_URL and INDEX_DIR say. */
export function indexStoreFor(where: StoreLocation, onWarning?: (message: string) => void): IndexStore {
  const url = where.databaseUrl?.trim();
  if (!url) return new SqliteIndexStore(sqliteFileIn(where.indexDir));
  if (url === 'json:' || url === 'json') return new JsonIndexStore(where.indexDir, onWarning);
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new AppError('config_invalid', 500, 'DATABASE_URL sqlite: needs a file path (sqlite:/var/lib/qa/index.sqlite)', 'DATABASE_URL');
    return new SqliteIndexStore(resolve(file));
  }
  if (/^postgres(ql)?:\/\//.test(url)) return new PostgresIndexStore(url);
  throw new AppError('config_invalid', 500, 'DATABASE_URL must be unset (SQLite in INDEX_DIR), sqlite:PATH, json: or postgres://…', 'DATABASE_URL');
}
