import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Bm25Comparison } from './bm25-comparison.js';
import type { HnswComparison } from './hnsw-comparison.js';
import type {
  Bm25Task,
  HnswTask,
  IngestMeasurement,
  IngestTask,
  ParentMessage,
  ServeMeasurement,
  ServeTask,
  WorkerMessage,
  WorkerTask,
} from './worker-protocol.js';

const WORKER_SCRIPT = fileURLToPath(new URL('./worker.ts', import.meta.url));

export type ResultOf<T extends WorkerTask> = T extends IngestTask
  ? IngestMeasurement
  : T extends ServeTask
    ? ServeMeasurement
    : T extends HnswTask
      ? HnswComparison
      : T extends Bm25Task
        ? Bm25Comparison
        : never;

export interface WorkerOptions {
  /** The worker is killed (and the task fails) after this long. */
  timeoutMs: number;
  /** While serving: the parent's turn to send HTTP requests to 127.0.0.1:port. */
  onListening?: (port: number) => Promise<void>;
}

/** A child process's IPC messages as a queue the parent can await one at a time. */
class MessageQueue {
  private readonly messages: WorkerMessage[] = [];
  private readonly waiting: Array<(message: WorkerMessage | Error) => void> = [];
  // A failure with nobody waiting yet (the worker died between two awaits) is kept for the next call.
  private failure?: Error;

  push(item: WorkerMessage | Error): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(item);
    else if (!(item instanceof Error)) this.messages.push(item);
    else this.failure = item;
  }

  async next(): Promise<WorkerMessage> {
    const queued = this.messages.shift();
    if (queued) return queued;
    if (this.failure) throw this.failure;
    const item = await new Promise<WorkerMessage | Error>((resolve) => this.waiting.push(resolve));
    if (item instanceof Error) throw item;
    return item;
  }
}

function send(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

/**
 * Runs one task in a fresh `bench/worker.ts` process (with the same tsx loader as this one), its
 * output on our stderr so stdout keeps only the report.
 */
export async function runTask<T extends WorkerTask>(task: T, options: WorkerOptions): Promise<ResultOf<T>> {
  const child = fork(WORKER_SCRIPT, [], { execArgv: process.execArgv, stdio: ['ignore', 2, 2, 'ipc'] });
  const queue = new MessageQueue();
  child.on('message', (message: WorkerMessage) => queue.push(message));
  child.on('exit', (code, signal) => queue.push(new Error(`${task.task} worker exited (${signal ?? `code ${code}`}) before reporting`)));
  child.on('error', (error) => queue.push(error));
  const timer = setTimeout(() => {
    queue.push(new Error(`${task.task} worker took longer than ${options.timeoutMs / 1000} s`));
    child.kill('SIGKILL');
  }, options.timeoutMs);
  try {
    for (;;) {
      const message = await queue.next();
      if (message.type === 'ready') send(child, task);
      else if (message.type === 'listening') {
        await options.onListening?.(message.port);
        send(child, { type: 'finish' });
      } else if (message.type === 'error') throw new Error(`${task.task} worker failed: ${message.message}`);
      else {
        await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
        return message.result as ResultOf<T>;
      }
    }
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
