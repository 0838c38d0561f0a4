import type { Engine } from '../engine.js';
import type { IndexStore } from '../store/index-store.js';

export interface IndexFollowerOptions {
  /** A store kept open for polling (a pool for PostgreSQL). */
  store: IndexStore;
  intervalMs: number;
  current: () => Engine | undefined;
  /** Opens an engine over the store's current index. */
  open: () => Promise<Engine>;
  /** Puts the new engine in service; the follower closes the previous one afterwards. */
  replace: (engine: Engine) => void;
  onError?: (error: unknown) => void;
}

export interface IndexFollower {
  /** Looks once: true when a newer generation was found and swapped in. */
  check(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Keeps a server on the newest index when another process writes it (servers sharing one PostgreSQL
 * database, or one SQLite file): one cheap generation query per interval, and only on a change
 * the new engine is opened and swapped in, as a local re-index does.
 */
export function followIndex(options: IndexFollowerOptions): IndexFollower {
  let running: Promise<boolean> | undefined;
  let stopped = false;
  const look = async (): Promise<boolean> => {
    const engine = options.current();
    if (!engine) return false;
    const newest = await options.store.currentGeneration();
    if (newest === undefined || newest === engine.generation) return false;
    const next = await options.open();
    // A local re-index (or a stop) may have replaced or retired the engine meanwhile.
    if (stopped || options.current() !== engine) {
      await next.close();
      return false;
    }
    options.replace(next);
    await engine.close();
    return true;
  };
  const check = () => {
    // One look at a time: a slow open must not stack up behind the timer.
    running ??= look().finally(() => (running = undefined));
    return running;
  };
  const timer = options.intervalMs > 0 ? setInterval(() => void check().catch((error: unknown) => options.onError?.(error)), options.intervalMs) : undefined;
  timer?.unref();
  return {
    check,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => false);
      await options.store.close();
    },
  };
}
