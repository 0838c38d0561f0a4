import { request } from 'node:http';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../fixtures/seeds.js';
import { startServer, type ChildServer } from './child-server.js';

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    probe.end();
  });
}

describe('graceful shutdown (child process)', () => {
  let root: string;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-shutdown-'));
    await cp(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  });

  it('on SIGTERM stops accepting, finishes the in-flight request, then exits 0', async () => {
    server = startServer({ SEEDS_DIR: join(root, 'seeds'), INDEX_DIR: join(root, 'index'), RATE_LIMIT_PER_MINUTE: '0' });
    const ready = await server.waitForLog((line) => String(line.msg).includes('listening on'));
    const port = Number(ready.port);
    expect(port).toBeGreaterThan(0);

    // A request whose body is still arriving when SIGTERM lands: in flight by any definition.
    const body = Buffer.from(JSON.stringify({ question: '2026年湖北算力目标是多少？' }));
    let sendRest: () => void = () => {};
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/ask', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      sendRest = () => req.end(body.subarray(10));
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.kill('SIGTERM');
    await server.waitForLog((line) => String(line.msg).startsWith('shutting down'));
    // The listener is closed: new connections are refused while the old request is still open.
    expect(await connectionRefused(port)).toBe(true);
    expect(server.process.exitCode).toBeNull();
    sendRest();

    const finished = await response;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text)).toMatchObject({ status: 'answered' });
    expect(finished.text).toContain('2.2万P');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.logs.some((line) => line.msg === 'stopped')).toBe(true);
    const inFlight = server.logs.find((line) => line.path === '/ask');
    expect(inFlight).toMatchObject({ status: 200, method: 'POST' });
  });
});
