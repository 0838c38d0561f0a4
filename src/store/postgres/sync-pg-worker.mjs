// The thread behind SyncPg (sync-pg.ts): one connection, one REPEATABLE READ transaction for the
// reader's life, answering one query at a time while the main thread waits on the shared flag.
// Plain JavaScript so the thread needs no TypeScript loader, whichever runner started the parent.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, flag } = workerData;
/** The open connection inside its transaction; undefined once it is lost (say, the server restarted). */
let session;

function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function connect() {
  const client = new pg.Client({ connectionString: url });
  // A lost connection is noticed here and replaced at the next query; it must not end the thread.
  const lost = () => {
    if (session === client) session = undefined;
  };
  client.on('error', lost);
  client.on('end', lost);
  await client.connect();
  // Between questions the session sits idle inside its transaction: a server-wide idle timeout must not end it.
  await client.query('SET idle_in_transaction_session_timeout = 0');
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  // A failed query aborts the transaction; rolling back to this point undoes that and keeps the snapshot.
  await client.query('SAVEPOINT reader');
  session = client;
  return client;
}

async function run(request) {
  if (request.kind === 'open') return connect();
  if (request.kind === 'close') {
    const client = session;
    session = undefined;
    return client?.query('COMMIT').finally(() => client.end());
  }
  const query = { text: request.sql, values: request.params, rowMode: request.array ? 'array' : undefined };
  const client = session ?? (await connect());
  try {
    return await client.query(query);
  } catch (error) {
    const undone = session === client && (await client.query('ROLLBACK TO SAVEPOINT reader').then(() => true, () => false));
    if (undone) throw error;
    // The savepoint could not undo it: the connection is gone (the server restarted, say). The reader
    // goes on in a new snapshot, with the query asked once more: the generation it reads stays until
    // a newer one is written, and the server swaps to that within one poll.
    if (session === client) session = undefined;
    client.end().catch(() => {});
    return (await connect()).query(query);
  }
}

port.on('message', (request) => {
  run(request).then(
    (result) => reply({ id: request.id, rows: result?.rows ?? [] }),
    (error) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
