// --two-servers (with --stores): two `npm start` servers on one PostgreSQL database under one load of
// N connections, first all of it against one server, then split across both; the SQLite store gets
// the one-server load too, for reference.
import autocannon from 'autocannon';
import pg from 'pg';
import { summarize } from './percentiles.js';
import type { BenchQuestion } from './question-mix.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface LoadResult {
  servers: number;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The most connections the database had open at once during the run (the sampler's own not counted). */
  peakDbConnections: number;
  /** Each server's RSS after the run, MB. */
  rssMb: number[];
}

export interface TwoServerOptions {
  env: Record<string, string>;
  /** The database whose connections are counted; none for SQLite. */
  databaseUrl?: string;
  questions: BenchQuestion[];
  connections: number;
  seconds: number;
  timeoutMs: number;
  log: (message: string) => void;
}

/** Connections to the bench database now, every few hundred ms, keeping the peak (0 without a database). */
async function sampleConnections(url: string | undefined): Promise<{ stop: () => Promise<number> }> {
  if (!url) return { stop: async () => 0 };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let peak = 0;
  const sample = async () => {
    const row = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    peak = Math.max(peak, row.rows[0].n);
  };
  await sample();
  let pending = Promise.resolve();
  const timer = setInterval(() => (pending = pending.then(sample, () => {})), 250);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending.catch(() => {});
      await client.end();
      return peak;
    },
  };
}

/** One autocannon run per server, all at once, the connections split between them; latencies pooled for exact percentiles. */
async function drive(servers: ServerProcess[], options: TwoServerOptions): Promise<LoadResult> {
  const bodies = options.questions.map((q) => JSON.stringify({ question: q.question }));
  const latencies: number[] = [];
  const sampler = await sampleConnections(options.databaseUrl);
  const results = await Promise.all(
    servers.map((server, k) => {
      const connections = Math.floor(options.connections / servers.length) + (k < options.connections % servers.length ? 1 : 0);
      let next = k;
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: server.baseUrl,
            connections,
            duration: options.seconds,
            headers: { 'content-type': 'application/json' },
            requests: [{ method: 'POST', path: '/ask', setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
    }),
  );
  const peakDbConnections = await sampler.stop();
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const latency = summarize(latencies);
  return {
    servers: servers.length,
    connections: options.connections,
    seconds: options.seconds,
    requests,
    requestsPerSecond: requests / options.seconds,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    peakDbConnections,
    rssMb: servers.map((s) => s.memoryMb().rss),
  };
}

/** Every question once per server, so neither run pays for the other's cold caches. */
async function warm(server: ServerProcess, questions: BenchQuestion[]): Promise<void> {
  for (const q of questions) {
    const response = await fetch(`${server.baseUrl}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q.question }) });
    await response.arrayBuffer();
  }
}

/**
 * Starts `servers` servers over the existing index (one after the other, so each finds it written),
 * then drives the load against the first alone and, with two, split across both: one result per load.
 */
export async function loadServers(servers: 1 | 2, options: TwoServerOptions): Promise<LoadResult[]> {
  const started: ServerProcess[] = [];
  try {
    for (let k = 0; k < servers; k++) started.push(await startServerProcess(options.env, options.timeoutMs));
    for (const server of started) await warm(server, options.questions);
    options.log(`load: ${options.connections} connections for ${options.seconds} s against one server …`);
    const results = [await drive(started.slice(0, 1), options)];
    if (servers === 2) {
      options.log('load: … then split across two servers on the same database');
      results.push(await drive(started, options));
    }
    return results;
  } finally {
    for (const server of started) await server.stop();
  }
}
