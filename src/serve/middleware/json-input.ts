import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import { hasLoneSurrogate, stripInvisible } from './clean-text.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Length of the question (or last chat message) after cleaning: logged instead of the text itself. */
    questionLength: number;
  }
}

/** Real request bodies are a few levels deep; deeper ones are junk and would only cost work. */
export const MAX_JSON_DEPTH = 32;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Pending {
  value: Json;
  path: string[];
  depth: number;
}

function fieldName(path: string[]): string {
  return path.length ? path.join('.') : 'body';
}

/**
 * Cleans every string in a parsed JSON body in place and reports whether anything changed.
 * Iterative, so a body of nested arrays cannot exhaust the stack.
 */
function cleanStrings(root: Json): { value: Json; changed: boolean } {
  if (typeof root === 'string') {
    if (hasLoneSurrogate(root)) throw loneSurrogate([]);
    const cleaned = stripInvisible(root);
    return { value: cleaned, changed: cleaned !== root };
  }
  let changed = false;
  const stack: Pending[] = [{ value: root, path: [], depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop() as Pending;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError('invalid_request', 400, `request body is nested more than ${MAX_JSON_DEPTH} levels deep`, 'body');
    }
    const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    for (const [key, item] of entries) {
      const itemPath = [...path, key];
      if (hasLoneSurrogate(key)) throw loneSurrogate(itemPath);
      if (typeof item === 'string') {
        if (hasLoneSurrogate(item)) throw loneSurrogate(itemPath);
        const cleaned = stripInvisible(item);
        if (cleaned !== item) {
          changed = true;
          if (Array.isArray(value)) value[Number(key)] = cleaned;
          else value[key] = cleaned;
        }
      } else if (item !== null && typeof item === 'object') {
        stack.push({ value: item, path: itemPath, depth: depth + 1 });
      }
    }
  }
  return { value: root, changed };
}

function loneSurrogate(path: string[]): AppError {
  const field = fieldName(path);
  return new AppError('invalid_request', 400, `${field} contains an unpaired surrogate (invalid UTF-16): send valid Unicode text`, field);
}

function questionLength(body: Json): number | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  if (typeof body.question === 'string') return body.question.length;
  const messages = body.messages;
  if (Array.isArray(messages) && messages.length) {
    const last = messages[messages.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last) && typeof last.content === 'string') return last.content.length;
  }
  return undefined;
}

/**
 * For JSON bodies on every route: removes invisible control characters from all strings, rejects
 * unpaired surrogates with a 400 naming the field, and hands the handler the cleaned body. Bodies
 * that are not JSON, or not valid JSON, pass through untouched so each route reports its own
 * 415/400. Runs after the body limit, so the body read here is bounded.
 */
export function cleanJsonInput(): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body || !/json/i.test(raw.headers.get('content-type') ?? '')) return next();
    const text = await raw.text();
    let body = text;
    let parsed: Json | undefined;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      const cleaned = cleanStrings(parsed);
      if (cleaned.changed) body = JSON.stringify(cleaned.value);
      const length = questionLength(cleaned.value);
      if (length !== undefined) c.set('questionLength', length);
    }
    // The original body stream is consumed; handlers read this copy (the cleaned one if it changed).
    const headers = new Headers(raw.headers);
    headers.delete('content-length');
    c.req.raw = new Request(raw, { body, headers });
    return next();
  };
}
