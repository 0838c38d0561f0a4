import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors.js';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Rejects bodies over `maxBytes` with 413 before any handler reads them. A declared
 * Content-Length is checked up front; a chunked body is counted as it streams in.
 */
export function limitBodySize(maxBytes: number = DEFAULT_BODY_LIMIT_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(new AppError('payload_too_large', 413, `request body is larger than ${maxBytes} bytes`).toJSON(), 413),
  });
}
