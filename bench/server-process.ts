import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  /** Spawn to the first 200 from GET /health: module loading, the index check, opening the store. */
  healthyMs: number;
  /** Resident set (VmRSS) and its peak (VmHWM) of the server process now, in MB. */
  memoryMb(): { rss: number; peak: number };
  /** GET /health's body once healthy. */
  health: Record<string, unknown>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * `npm start` as a child process (node + tsx loader, so the pid is the server itself) over an
 * existing index, with rate limits off and no embedding model: what an operator restarting it sees.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/serve/main.ts'], {
    cwd: PROJECT_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      MODEL_DIR: '/nonexistent-model-dir',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy: ${stderr}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`server not healthy after ${timeoutMs} ms: ${stderr}`);
    }
    const response = await fetch(`${baseUrl}/health`).catch(() => undefined);
    if (response?.status === 200) {
      const healthyMs = performance.now() - started;
      const health = (await response.json()) as Record<string, unknown>;
      const pid = child.pid ?? 0;
      return { baseUrl, healthyMs, health, memoryMb: () => ({ rss: procStatusMb(pid, 'VmRSS'), peak: procStatusMb(pid, 'VmHWM') }), stop };
    }
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
