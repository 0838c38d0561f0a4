/** Why an attempt failed, and whether another attempt could succeed. */
export interface Failure {
  retryable: boolean;
  reason: string;
}

// 408/409/429 and 5xx are the server's momentary state; 400/401/403/404 are our configuration
// (bad key, unknown model) and will fail the same way again.
function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

// First line only: LangChain appends a troubleshooting URL, the openai client prefixes the status.
function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/^\d{3}\s+/, '').trim() || 'no message';
}

export function describeFailure(error: unknown): Failure {
  const message = shortMessage(error);
  const status = field(error, 'status');
  if (typeof status === 'number') {
    return { retryable: retryableStatus(status), reason: `endpoint answered HTTP ${status}: ${message}` };
  }
  const cause = field(error, 'cause');
  const code = field(cause, 'code') ?? field(error, 'code');
  const detail = typeof code === 'string' ? `${message} (${code})` : message;
  // No status: the request never got an answer (refused, reset, DNS, malformed stream). Worth retrying.
  return { retryable: true, reason: `endpoint unreachable: ${detail}` };
}

/** Exponential backoff with jitter: base, 2×base, 4×base… each scaled by a factor in [0.5, 1). */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** retry * (0.5 + random() / 2));
}

/** Waits, ending early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
