import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  /** Spawn to the first 200 from GET /health: module loading, the index check, opening the store. */
  healthyMs: number;
  /** Spawn to the "listening on" log line: the seeds checked against the index (what runs behind a served SQLite index). */
  readyMs: number;
  /** Resident set (VmRSS) and its peak (VmHWM) of the server process now, in MB. */
  memoryMb(): { rss: number; peak: number };
  /** GET /health's body once healthy. */
  health: Record<string, unknown>;
  stop(): Promise<void>;
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
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      MODEL_DIR: '/nonexistent-model-dir',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let readyMs: number | undefined;
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderr = (stderr + text).slice(-4000);
    if (readyMs === undefined && text.includes('listening on')) readyMs = performance.now() - started;
  });
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
      // Latency is measured once the server is done checking the seeds, not while that runs beside it.
      while (readyMs === undefined) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
        if (performance.now() - started > timeoutMs) {
          await stop();
          throw new Error(`server never logged "listening on" within ${timeoutMs} ms: ${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const pid = child.pid ?? 0;
      return { baseUrl, healthyMs, readyMs, health, memoryMb: () => ({ rss: procStatusMb(pid, 'VmRSS'), peak: procStatusMb(pid, 'VmHWM') }), stop };
    }
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
