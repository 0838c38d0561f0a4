// --two-servers (with --stores, PostgreSQL): two `npm start` servers on one database under one load of
// N connections, first all of it against one server, then split across both.
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

export interface TwoServerRun {
  oneServer: LoadResult;
  twoServers: LoadResult;
}

export interface TwoServerOptions {
  env: Record<string, string>;
  databaseUrl: string;
  questions: BenchQuestion[];
  connections: number;
  seconds: number;
  timeoutMs: number;
  log: (message: string) => void;
}

/** Connections to the bench database now, every few hundred ms, keeping the peak. */
async function sampleConnections(url: string): Promise<{ stop: () => Promise<number> }> {
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

/** Starts two servers over the existing index (one after the other, so the second finds it written), loads one, then both. */
export async function compareOneAndTwoServers(options: TwoServerOptions): Promise<TwoServerRun> {
  const first = await startServerProcess(options.env, options.timeoutMs);
  try {
    const second = await startServerProcess(options.env, options.timeoutMs);
    try {
      await warm(first, options.questions);
      await warm(second, options.questions);
      options.log(`two servers: ${options.connections} connections for ${options.seconds} s against one server …`);
      const oneServer = await drive([first], options);
      options.log(`two servers: … then split across both`);
      const twoServers = await drive([first, second], options);
      return { oneServer, twoServers };
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }
}
