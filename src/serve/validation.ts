import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Turns the first zod issue into a 400 that names the offending field. */
export function validationError(error: z.ZodError, root: string): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : root;
  let message = issue?.message ?? 'invalid request';
  if (issue?.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    return new AppError('invalid_request', 400, `unknown field ${keys.join(', ')}`, keys[0] ?? field);
  }
  if (issue?.code === 'invalid_type' && /received undefined/.test(message)) message = `${field} is required`;
  return new AppError('invalid_request', 400, `${field}: ${message}`, field);
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, root);
  return result.data;
}
