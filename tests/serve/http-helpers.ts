import { expect } from 'vitest';
import { z } from 'zod';

/** The one error body the API sends: exactly {error:{code,message,field?}}, nothing else (no stack). */
export const strictErrorSchema = z
  .object({
    error: z
      .object({
        code: z.enum([
          'invalid_request',
          'invalid_json',
          'payload_too_large',
          'unsupported_media_type',
          'unauthorized',
          'forbidden',
          'csrf_failed',
          'conflict',
          'not_found',
          'rate_limited',
          'index_unavailable',
          'ingest_failed',
          'index_unwritable',
          'store_incompatible',
          'config_invalid',
          'internal',
        ]),
        message: z.string().min(1),
        field: z.string().min(1).optional(),
      })
      .strict(),
  })
  .strict();

export type ErrorBody = z.infer<typeof strictErrorSchema>;

export async function expectError(response: Response, status: number, code: string, field?: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /);
  const body = strictErrorSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body;
}

export function askRequest(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
