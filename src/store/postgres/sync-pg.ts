import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../errors.js';

export type SyncPgRequest = { kind: 'open' } | { kind: 'close' } | { kind: 'query'; sql: string; params: unknown[]; array: boolean };
export type SyncPgReply = { rows: unknown[] } | { error: string };

/** Long enough for a large first read at open; a query that takes longer means the database is gone. */
const TIMEOUT_MS = 120_000;

/**
 * Synchronous queries on PostgreSQL, so a database reader can answer the engine's synchronous lookups
 * (ChunkSource, Bm25Source, IndicatorSource) as the SQLite reader does: a worker thread owns the
 * connection and the main thread blocks on a shared flag until the reply is posted. The connection
 * holds one REPEATABLE READ transaction from open to close: the reader sees one generation even
 * when another server writes a newer one and deletes this one.
 */
export class SyncPg {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  /** Starts the thread, connects and begins the transaction; resolves once queries can be made. */
  static async open(url: string, location: string): Promise<SyncPg> {
    const db = new SyncPg(url, location);
    // The first call waits without blocking, checking the flag now and then: the thread is still
    // loading its modules. (A message listener on the port would take later replies from receiveMessageOnPort.)
    let failure: string | undefined;
    db.worker.once('error', (error) => (failure = error.message));
    Atomics.store(db.flag, 0, 0);
    db.port.postMessage({ kind: 'open' } satisfies SyncPgRequest);
    const deadline = performance.now() + TIMEOUT_MS;
    while (Atomics.load(db.flag, 0) === 0 && failure === undefined && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const reply: SyncPgReply =
      failure !== undefined
        ? { error: failure }
        : Atomics.load(db.flag, 0) === 0
          ? { error: `no answer within ${TIMEOUT_MS / 1000} s` }
          : ((receiveMessageOnPort(db.port)?.message as SyncPgReply | undefined) ?? { error: 'the database thread sent nothing' });
    if ('error' in reply) {
      await db.worker.terminate();
      throw new AppError('index_unavailable', 503, `cannot reach the index database ${location}: ${reply.error}`, 'DATABASE_URL');
    }
    // An open reader must not keep a finished process alive (the thread stays referenced while opening).
    db.worker.unref();
    return db;
  }

  private constructor(
    url: string,
    private readonly location: string,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./sync-pg-worker.mjs', import.meta.url), {
      workerData: { url, port: port2, flag: this.flag },
      transferList: [port2],
    });
  }

  /** Rows as objects; `array` gives each row as an array of its columns (smaller to pass between threads). */
  query<T>(sql: string, params: unknown[] = [], array = false): T[] {
    return this.call({ kind: 'query', sql, params, array }) as T[];
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ kind: 'close' });
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }

  private call(request: SyncPgRequest): unknown[] {
    if (this.closed) throw new AppError('index_unavailable', 503, `the index reader of ${this.location} is closed`);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    if (Atomics.wait(this.flag, 0, 0, TIMEOUT_MS) === 'timed-out') {
      throw new AppError('index_unavailable', 503, `the index database ${this.location} did not answer within ${TIMEOUT_MS / 1000} s`, 'DATABASE_URL');
    }
    const reply = receiveMessageOnPort(this.port)?.message as SyncPgReply | undefined;
    if (!reply) throw new AppError('index_unavailable', 503, `the index reader of ${this.location} lost its database thread`);
    if ('error' in reply) throw new AppError('index_unavailable', 503, `reading the index database ${this.location}: ${reply.error}`, 'DATABASE_URL');
    return reply.rows;
  }
}
