import { AppError } from '../../errors.js';

/**
 * The AppError to report for anything thrown once a response has started streaming, where
 * app.onError can no longer help. Unknown errors are logged and hidden behind a generic 500.
 */
export function appErrorOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error(error);
  return new AppError('internal', 500, 'internal error');
}
