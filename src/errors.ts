/** The one error type of the product: a stable code, an HTTP status, and the offending field if any. */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_failed'
  | 'conflict'
  | 'not_found'
  | 'rate_limited'
  | 'index_unavailable'
  | 'ingest_failed'
  | 'index_unwritable'
  | 'store_incompatible'
  | 'config_invalid'
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field?: string;

  constructor(code: ErrorCode, status: number, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.field = field;
  }

  toJSON(): { error: { code: ErrorCode; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
