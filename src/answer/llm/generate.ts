import type { ChatClient } from './chat-client.js';
import type { ChatMessage } from './prompt.js';
import { backoffDelay, describeFailure, sleep, type Failure } from './retry.js';

export type Generation = { ok: true; text: string; attempts: number } | { ok: false; reason: string; attempts: number };

export interface GenerateOptions {
  /** Budget for all attempts and backoff together. */
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  /** Cancels the generation (the client went away). */
  signal?: AbortSignal;
}

interface Budget {
  signal: AbortSignal;
  /** Why the signal fired, once it has. */
  reason(): string;
  dispose(): void;
}

function startBudget(options: GenerateOptions): Budget {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  return {
    signal,
    reason: () => (deadline.signal.aborted ? `timed out after ${options.timeoutMs} ms` : 'cancelled by the caller'),
    dispose: () => clearTimeout(timer),
  };
}

/** Settles with the promise, or rejects as soon as the signal aborts, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function gaveUp(failure: Failure, attempts: number): string {
  return failure.retryable && attempts > 1 ? `${failure.reason} (gave up after ${attempts} attempts)` : failure.reason;
}

/** Asks for a whole reply, retrying retryable failures with backoff until the budget is spent. */
export async function generateText(client: ChatClient, messages: ChatMessage[], options: GenerateOptions): Promise<Generation> {
  const budget = startBudget(options);
  let attempts = 0;
  try {
    for (let retry = 0; ; retry++) {
      attempts++;
      try {
        const text = await untilAborted(client.complete(messages, budget.signal), budget.signal);
        return { ok: true, text, attempts };
      } catch (error) {
        if (budget.signal.aborted) return { ok: false, reason: budget.reason(), attempts };
        const failure = describeFailure(error);
        if (!failure.retryable || retry >= options.maxRetries) return { ok: false, reason: gaveUp(failure, attempts), attempts };
        await sleep(backoffDelay(retry, options.retryBaseDelayMs), budget.signal);
        if (budget.signal.aborted) return { ok: false, reason: `${budget.reason()}; last failure: ${failure.reason}`, attempts };
      }
    }
  } finally {
    budget.dispose();
  }
}

/**
 * Streams a reply token by token and returns how it ended. Failures before the first token are
 * retried like generateText; after it they are not, since the tokens already went out.
 */
export async function* streamText(client: ChatClient, messages: ChatMessage[], options: GenerateOptions): AsyncGenerator<string, Generation> {
  const cancel = new AbortController();
  const budget = startBudget({ ...options, signal: options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal });
  let attempts = 0;
  try {
    for (let retry = 0; ; retry++) {
      attempts++;
      let text = '';
      try {
        const iterator = client.stream(messages, budget.signal)[Symbol.asyncIterator]();
        try {
          for (;;) {
            const next = await untilAborted(iterator.next(), budget.signal);
            if (next.done) break;
            text += next.value;
            yield next.value;
          }
        } finally {
          // Not awaited: a generator parked on a network read only settles once the abort lands.
          iterator.return?.().catch(() => undefined);
        }
        return { ok: true, text, attempts };
      } catch (error) {
        const broke = text ? ' (the stream broke off after tokens were sent)' : '';
        if (budget.signal.aborted) return { ok: false, reason: `${budget.reason()}${broke}`, attempts };
        const failure = describeFailure(error);
        if (text) return { ok: false, reason: `${failure.reason}${broke}`, attempts };
        if (!failure.retryable || retry >= options.maxRetries) return { ok: false, reason: gaveUp(failure, attempts), attempts };
        await sleep(backoffDelay(retry, options.retryBaseDelayMs), budget.signal);
        if (budget.signal.aborted) return { ok: false, reason: `${budget.reason()}; last failure: ${failure.reason}`, attempts };
      }
    }
  } finally {
    // The consumer stopped early, or we are done: either way the request must not outlive us.
    cancel.abort();
    budget.dispose();
  }
}
