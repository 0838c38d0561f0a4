// The thread behind SyncPg (sync-pg.ts): one connection, one REPEATABLE READ transaction for the
// reader's life, answering one query at a time while the main thread waits on the shared flag.
// Plain JavaScript so the thread needs no TypeScript loader, whichever runner started the parent.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, flag } = workerData;
const client = new pg.Client({ connectionString: url });
// A lost connection is reported by the next query; it must not end the thread unannounced.
client.on('error', () => {});

function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

function run(request) {
  // Between questions the session sits idle inside its transaction: a server-wide idle timeout must not end it.
  if (request.kind === 'open') {
    return client
      .connect()
      .then(() => client.query('SET idle_in_transaction_session_timeout = 0'))
      .then(() => client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'))
      // A failed query aborts the transaction; rolling back to this point undoes that and keeps the snapshot.
      .then(() => client.query('SAVEPOINT reader'));
  }
  if (request.kind === 'close') return client.query('COMMIT').finally(() => client.end());
  return client.query({ text: request.sql, values: request.params, rowMode: request.array ? 'array' : undefined }).catch((error) =>
    client.query('ROLLBACK TO SAVEPOINT reader').then(
      () => Promise.reject(error),
      () => Promise.reject(error),
    ),
  );
}

port.on('message', (request) => {
  run(request).then(
    (result) => reply({ rows: result?.rows ?? [] }),
    (error) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
