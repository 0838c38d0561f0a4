import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** pino level; 'silent' turns logging off. Default 'info'. */
  level?: string;
  /** Where JSON lines go; default stdout. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** One JSON object per line, so log shippers need no parsing rules. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = { level: options.level ?? 'info', base: { service: 'policy-report-qa' } };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** For apps built without a logger (most tests): nothing is written. */
export const silentLogger: Logger = pino({ level: 'silent' });
