// Child-process entry: runs one measurement task in a fresh process so its memory peak and JIT
// state belong to that task alone. The parent sends the task over IPC and gets one result back.
import { compareBm25 } from './bm25-comparison.js';
import { compareHnsw } from './hnsw-comparison.js';
import { runIngestTask } from './ingest-task.js';
import { runServeTask } from './serve-task.js';
import { isWorkerTask, type ParentMessage, type TaskResult, type WorkerMessage, type WorkerTask } from './worker-protocol.js';

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('bench/worker.ts must be started by bench/cli.ts (no IPC channel)'));
    process.send(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
  });
}

function nextMessage(): Promise<ParentMessage> {
  return new Promise((resolve) => process.once('message', (message: ParentMessage) => resolve(message)));
}

async function run(task: WorkerTask): Promise<TaskResult> {
  switch (task.task) {
    case 'ingest':
      return runIngestTask(task);
    case 'serve':
      return runServeTask(task, {
        listening: async (port) => {
          const finished = nextMessage();
          await send({ type: 'listening', port });
          const message = await finished;
          if (!('type' in message) || message.type !== 'finish') throw new Error('expected a finish message');
        },
      });
    case 'hnsw':
      return compareHnsw(task);
    case 'bm25':
      return compareBm25(task);
  }
}

async function main(): Promise<void> {
  // Messages that arrive before a listener exists are lost, so the parent waits for this.
  const first = nextMessage();
  await send({ type: 'ready' });
  const task = await first;
  if (!isWorkerTask(task)) throw new Error('the first message must be a task');
  const result = await run(task);
  await send({ type: 'result', result });
  process.disconnect();
}

main().catch(async (error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  await send({ type: 'error', message }).catch(() => undefined);
  process.exit(1);
});
