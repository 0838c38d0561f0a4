import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../errors.js';

/** `id` pairs a reply with its request: a reply that comes after its query timed out is dropped. */
type SyncPgCall = { kind: 'open' } | { kind: 'close' } | { kind: 'query'; sql: string; params: unknown[]; array: boolean };
export type SyncPgRequest = { id: number } & SyncPgCall;
export type SyncPgReply = { id: number } & ({ rows: unknown[] } | { error: string });

/** Connecting, and the reads at open (every chunk's columns): long enough for a large index. */
const OPEN_TIMEOUT_MS = 120_000;
/**
 * One lookup while a question waits: the event loop is blocked meanwhile, so a database that stops
 * answering costs each lookup this long, not minutes.
 */
const QUERY_TIMEOUT_MS = 15_000;

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
  private sequence = 0;
  private timeoutMs = OPEN_TIMEOUT_MS;

  /** Starts the thread, connects and begins the transaction; resolves once queries can be made. */
  static async open(url: string, location: string): Promise<SyncPg> {
    const db = new SyncPg(url, location);
    // The first call waits without blocking, checking the flag now and then: the thread is still
    // loading its modules. (A message listener on the port would take later replies from receiveMessageOnPort.)
    let failure: string | undefined;
    db.worker.once('error', (error) => (failure = error.message));
    Atomics.store(db.flag, 0, 0);
    db.port.postMessage({ id: 0, kind: 'open' } satisfies SyncPgRequest);
    const deadline = performance.now() + OPEN_TIMEOUT_MS;
    while (Atomics.load(db.flag, 0) === 0 && failure === undefined && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const reply: SyncPgReply =
      failure !== undefined
        ? { id: 0, error: failure }
        : Atomics.load(db.flag, 0) === 0
          ? { id: 0, error: `no answer within ${OPEN_TIMEOUT_MS / 1000} s` }
          : ((receiveMessageOnPort(db.port)?.message as SyncPgReply | undefined) ?? { id: 0, error: 'the database thread sent nothing' });
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

  /** Runs the reads of opening a reader with the open timeout; lookups after it get the shorter one. */
  opening<T>(work: () => T): T {
    try {
      return work();
    } finally {
      this.timeoutMs = QUERY_TIMEOUT_MS;
    }
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

  private call(request: SyncPgCall): unknown[] {
    if (this.closed) throw new AppError('index_unavailable', 503, `the index reader of ${this.location} is closed`);
    const id = ++this.sequence;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ ...request, id });
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      // The thread posts its reply before it raises the flag, so a raised flag means the reply is queued.
      for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
        const reply = message.message as SyncPgReply;
        if (reply.id !== id) continue;
        if ('error' in reply) throw new AppError('index_unavailable', 503, `reading the index database ${this.location}: ${reply.error}`, 'DATABASE_URL');
        return reply.rows;
      }
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, 0, left) === 'timed-out') {
        throw new AppError('index_unavailable', 503, `the index database ${this.location} did not answer within ${this.timeoutMs / 1000} s`, 'DATABASE_URL');
      }
      Atomics.store(this.flag, 0, 0);
    }
  }
}
