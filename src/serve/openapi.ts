import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { z } from 'zod';
import { jobParamsSchema, jobSchema } from './jobs/job-schema.js';
import {
  apiKeySchema,
  createdKeySchema,
  createKeySchema,
  createUserSchema,
  loginRequestSchema,
  meSchema,
  publicUserSchema,
  sessionSchema,
  updateUserSchema,
} from './auth/auth-schemas.js';
import { CONTEXT_TURNS } from '../answer/conversation/conversation.js';
import { askStreamEventSchemas } from './routes/stream-events.js';
import { chatCompletionChunkSchema, chatCompletionRequestSchema, chatCompletionSchema, modelListSchema } from './routes/openai-schemas.js';
import {
  askRequestSchema,
  askResponseSchema,
  documentMetaSchema,
  documentSchema,
  errorSchema,
  healthSchema,
  indicatorPageSchema,
  indicatorQuerySchema,
} from './schemas.js';

/**
 * The OpenAPI document is generated from the same zod schemas the routes validate with, through
 * @hono/zod-openapi's registry. Routes stay plain Hono handlers; tests/serve/openapi.test.ts
 * fails when a registered route is missing here, which keeps the two lists in step.
 */
type Registry = OpenAPIHono['openAPIRegistry'];
type Responses = Parameters<Registry['registerPath']>[0]['responses'];

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const errors = (...statuses: number[]): Responses => {
  const descriptions: Record<number, string> = {
    400: 'invalid request (the field is named in error.field)',
    401: 'no valid credential (missing or wrong bearer token, or not signed in)',
    403: 'the credential is valid but its role is too low, or a cookie-authenticated write lacks X-CSRF-Token (csrf_failed)',
    409: 'conflict (the name is taken, or the last admin would be lost)',
    404: 'not found',
    413: 'payload too large',
    415: 'body is not application/json (uploads: not a supported file type)',
    422: 'the file could not be read (broken, encrypted, or a PDF without a text layer): error.message says which and why',
    429: 'rate limited',
    503: 'the index is still loading',
  };
  return Object.fromEntries(statuses.map((s) => [s, json(errorSchema, descriptions[s] ?? 'error')]));
};

const streamDescription = [
  'With `"stream": true` (or, without that field, `Accept: text/event-stream`) the answer arrives as server-sent events, in this order:',
  '`retrieval` (AskStreamRetrieval), `answer` (AskStreamAnswer), `citations` (AskStreamCitations), `done` (AskStreamDone).',
  'When an LLM answers, `sources` (AskStreamSources, once) and `token` events (AskStreamToken) come first: the draft as it is written,',
  'provisional and not yet checked by the numeric guard. The `answer` and `citations` events that follow carry the committed answer,',
  'which replaces the token text: the draft if the guard passed it, otherwise the extractive answer with `guard`/`llm` saying why.',
  'If answering fails after the stream has opened, a single `error` event (Error) is sent instead of the remaining events and the stream closes.',
  'Each event\'s `data` is one JSON object.',
].join(' ');

/** API_KEY or user accounts, when on, guard every data route; otherwise those routes are open, hence the empty alternative. */
const apiKeySecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }, {}];

function describeRoutes(registry: Registry): void {
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'Authorization: Bearer <API_KEY> or a per-user key pqa_…; required on /ask, /v1/*, /documents* and /indicators* when the server sets API_KEY or has user accounts on (the session cookie works too)',
  });
  registry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Authorization: Bearer <ADMIN_TOKEN> (admin role), or a per-user API key `pqa_…` of a user with the editor or admin role',
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'qa_session',
    description: 'the cookie POST /auth/login sets; unsafe methods also need the X-CSRF-Token header from the sign-in response or GET /auth/me',
  });

  registry.registerPath({
    method: 'get',
    path: '/health',
    tags: ['service'],
    summary: 'Readiness and which retrievers are active',
    responses: { 200: json(healthSchema, 'serving'), 503: json(healthSchema, 'the index is still loading') },
  });
  registry.registerPath({
    method: 'post',
    path: '/ask',
    tags: ['answers'],
    summary: 'Answer a question with cited sources',
    description: streamDescription,
    security: apiKeySecurity,
    request: { body: { required: true, content: { 'application/json': { schema: askRequestSchema } } } },
    responses: {
      200: {
        description: 'the answer (JSON), or the event stream when streaming was asked for',
        content: {
          'application/json': { schema: askResponseSchema },
          // An SSE body is not one JSON value; the union documents the `data` of each event.
          'text/event-stream': { schema: z.union(Object.values(askStreamEventSchemas)).meta({ description: streamDescription }) },
        },
      },
      ...errors(400, 401, 413, 415, 429, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/documents',
    tags: ['documents'],
    summary: 'List the reports',
    security: apiKeySecurity,
    responses: { 200: json(z.object({ documents: z.array(documentMetaSchema) }), 'document metadata'), ...errors(401, 429, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/documents/{id}',
    tags: ['documents'],
    summary: 'One report with its full text; citation start/end are offsets into `text`',
    security: apiKeySecurity,
    request: { params: z.object({ id: z.string().meta({ example: '001_89a872acc90dcb9c.txt' }) }) },
    responses: { 200: json(documentSchema, 'the document'), ...errors(401, 404, 429, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/documents/{id}/original',
    tags: ['documents'],
    summary: 'The report file as ingested (PDF, DOCX, HTML or text), with its content type',
    request: { params: z.object({ id: z.string().meta({ example: '001_89a872acc90dcb9c.txt' }) }) },
    responses: {
      200: {
        description: 'the original file, byte for byte',
        content: {
          'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().meta({ format: 'binary' }) },
          'text/html': { schema: z.string() },
          'text/plain': { schema: z.string() },
        },
      },
      ...errors(404, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/indicators',
    tags: ['indicators'],
    summary: 'Browse the numeric facts extracted from the reports',
    security: apiKeySecurity,
    request: { query: indicatorQuerySchema },
    responses: { 200: json(indicatorPageSchema, 'a page of indicator rows, each with its citation'), ...errors(400, 401, 429, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/models',
    tags: ['openai'],
    summary: 'OpenAI-compatible model list',
    security: apiKeySecurity,
    responses: { 200: json(modelListSchema, 'the one model'), ...errors(401, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/chat/completions',
    tags: ['openai'],
    summary: 'OpenAI-compatible chat completion: the last user message is the question, read against the user messages before it',
    security: apiKeySecurity,
    description:
      'Stateless, as OpenAI clients resend the conversation: the last user message is the question and the user messages before it ' +
      `(the last ${CONTEXT_TURNS}) are the context a follow-up inherits region, year, metric and kind from; assistant and system messages are not read. ` +
      'The reply is the answer followed by a numbered source list (标题：“quote”). With `stream: true` the reply arrives as ' +
      '`chat.completion.chunk` objects (ChatCompletionChunk), one per `data:` line, ending with `data: [DONE]`. ' +
      'When an LLM is configured, only the answer that passed the numeric guard (or the extractive fallback) is streamed, never a provisional draft.',
    request: { body: { required: true, content: { 'application/json': { schema: chatCompletionRequestSchema } } } },
    responses: {
      200: {
        description: 'the completion, or its chunks as server-sent events',
        content: {
          'application/json': { schema: chatCompletionSchema },
          'text/event-stream': { schema: chatCompletionChunkSchema },
        },
      },
      ...errors(400, 401, 413, 415, 429, 503),
    },
  });
  const accepted = (description: string) => ({
    description: `${description}; poll the job at the Location header (GET /jobs/{id}) until its state is done or failed`,
    headers: { Location: { description: '/jobs/{id}', schema: { type: 'string' as const } } },
    content: { 'application/json': { schema: jobSchema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/reindex',
    tags: ['service'],
    summary: 'Rebuild the index from the seeds and swap it in, as a job (editor or admin; only when ADMIN_TOKEN is set or user accounts are on)',
    description: 'A request while a re-index is queued or running gets that job back instead of starting another. The old index answers until the new one is in service.',
    security: adminSecurity,
    request: { query: z.object({ force: z.enum(['true', 'false', '1', '0']).optional() }) },
    responses: { 202: accepted('the re-index job; when done its `reindex` says what changed'), ...errors(400, 401, 403, 429) },
  });
  describeAuthRoutes(registry);
  registry.registerPath({
    method: 'post',
    path: '/documents',
    tags: ['documents'],
    summary: 'Add or replace a report (multipart field `file`: PDF, DOCX, HTML, text), as a job that reads it and re-indexes (editor or admin; only when ADMIN_TOKEN is set or user accounts are on)',
    description:
      'Checked before the job is queued, each refusal naming the file: the form and name (400), the size (413, 20 MiB), the type by content (415), ' +
      'and for a PDF whether it opens and has a text layer (422 `ingest_failed`: broken, encrypted, scanned). Nothing is written then. ' +
      'The job reads every page (progress in pages), writes the file and re-indexes (progress in documents); the same bytes again finish as `unchanged`. ' +
      'If reading or re-indexing fails, the job is `failed` with `error`, and the seeds folder and the index are as before.',
    security: adminSecurity,
    request: {
      body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }) }) } } },
    },
    responses: { 202: accepted('the upload job'), ...errors(400, 401, 403, 413, 415, 422, 429, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/documents/{id}',
    tags: ['documents'],
    summary: 'Remove a report from the seeds folder and re-index, as a job (editor or admin; only when ADMIN_TOKEN is set or user accounts are on)',
    security: adminSecurity,
    request: { params: z.object({ id: z.string() }) },
    responses: { 202: accepted('the delete job'), ...errors(401, 403, 404, 429, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/jobs/{id}',
    tags: ['documents'],
    summary: 'The state of an upload, delete or re-index job: queued, running (with progress), done (with documents and reindex) or failed (with error)',
    description: 'Same access as the routes that start jobs (editor or admin). Jobs are kept in memory, the latest 200, until the server restarts.',
    security: adminSecurity,
    request: { params: jobParamsSchema },
    responses: { 200: json(jobSchema, 'the job'), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['service'],
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3 document', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
  });
  registry.registerPath({ method: 'get', path: '/docs', tags: ['web'], summary: 'Swagger UI for this document', responses: { 200: html('Swagger UI page') } });
  registry.registerPath({
    method: 'get',
    path: '/docs/assets/{file}',
    tags: ['web'],
    summary: 'Swagger UI assets, served locally from swagger-ui-dist',
    request: { params: z.object({ file: z.string() }) },
    responses: { 200: { description: 'a CSS, JS or PNG file' }, ...errors(404) },
  });
  registry.registerPath({ method: 'get', path: '/', tags: ['web'], summary: 'The chat and indicator browser', responses: { 200: html('web UI') } });
  registry.registerPath({
    method: 'get',
    path: '/web/{file}',
    tags: ['web'],
    summary: 'Web UI assets (HTML, CSS, JS modules)',
    request: { params: z.object({ file: z.string() }) },
    responses: { 200: { description: 'a web asset' }, ...errors(404) },
  });
}

const userSecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const adminSecurity: Array<Record<string, string[]>> = [{ adminToken: [] }, { session: [] }];
const idParam = z.object({ id: z.string() });
const body = (schema: z.ZodType) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** Present only when user accounts are on (AUTH_USERS=true), except GET /auth/me, which is always there. */
function describeAuthRoutes(registry: Registry): void {
  registry.registerPath({
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'Who the credential belongs to; 401 when the server requires one and none (or a wrong one) was sent',
    security: [{ apiKey: [] }, { session: [] }, {}],
    responses: { 200: json(meSchema, 'the caller'), ...errors(401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token (rate-limited per address and per user name)',
    request: body(loginRequestSchema),
    responses: { 200: json(sessionSchema, 'signed in'), ...errors(400, 401, 415, 429) },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'Sign out: ends the session and clears the cookie',
    security: [{ session: [] }, {}],
    responses: { 200: json(z.object({ status: z.literal('signed_out') }), 'signed out'), ...errors(403) },
  });
  const keyList = json(z.object({ keys: z.array(apiKeySchema) }), 'API keys (revoked ones included, with revokedAt)');
  const oneKey = json(z.object({ key: apiKeySchema }), 'the revoked key');
  registry.registerPath({ method: 'get', path: '/auth/keys', tags: ['auth'], summary: 'My API keys', security: userSecurity, responses: { 200: keyList, ...errors(401, 403) } });
  registry.registerPath({
    method: 'post',
    path: '/auth/keys',
    tags: ['auth'],
    summary: 'Create an API key for myself; the secret is in this response only',
    security: userSecurity,
    request: body(createKeySchema),
    responses: { 201: json(createdKeySchema, 'the key and its secret'), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/auth/keys/{id}',
    tags: ['auth'],
    summary: 'Revoke one of my API keys',
    security: userSecurity,
    request: { params: idParam },
    responses: { 200: oneKey, ...errors(401, 403, 404) },
  });
  const oneUser = (description: string) => json(z.object({ user: publicUserSchema }), description);
  registry.registerPath({
    method: 'get',
    path: '/admin/users',
    tags: ['admin'],
    summary: 'All users (admin)',
    security: adminSecurity,
    responses: { 200: json(z.object({ users: z.array(publicUserSchema) }), 'users'), ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/users',
    tags: ['admin'],
    summary: 'Create a user (admin)',
    security: adminSecurity,
    request: body(createUserSchema),
    responses: { 201: oneUser('the new user'), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/admin/users/{id}',
    tags: ['admin'],
    summary: "Change a user's role, password or disabled flag (admin); a new password or disabling ends their sessions",
    security: adminSecurity,
    request: { params: idParam, ...body(updateUserSchema) },
    responses: { 200: oneUser('the changed user'), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/admin/users/{id}',
    tags: ['admin'],
    summary: 'Remove a user with their sessions and keys (admin); the last admin cannot be removed',
    security: adminSecurity,
    request: { params: idParam },
    responses: { 200: json(z.object({ status: z.literal('removed') }), 'removed'), ...errors(401, 403, 404, 409) },
  });
  registry.registerPath({ method: 'get', path: '/admin/keys', tags: ['admin'], summary: 'All API keys (admin)', security: adminSecurity, responses: { 200: keyList, ...errors(401, 403) } });
  registry.registerPath({
    method: 'post',
    path: '/admin/users/{id}/keys',
    tags: ['admin'],
    summary: 'Create an API key for a user (admin); the secret is in this response only',
    security: adminSecurity,
    request: { params: idParam, ...body(createKeySchema) },
    responses: { 201: json(createdKeySchema, 'the key and its secret'), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/admin/keys/{id}',
    tags: ['admin'],
    summary: 'Revoke any API key (admin)',
    security: adminSecurity,
    request: { params: idParam },
    responses: { 200: oneKey, ...errors(401, 403, 404) },
  });
}

let cached: ReturnType<OpenAPIHono['getOpenAPIDocument']> | undefined;

export function openApiDocument(): ReturnType<OpenAPIHono['getOpenAPIDocument']> {
  if (cached) return cached;
  const generator = new OpenAPIHono();
  describeRoutes(generator.openAPIRegistry);
  cached = generator.getOpenAPIDocument({
    openapi: '3.0.3',
    info: {
      title: '政策报告问答 API',
      version: '0.1.0',
      description: 'Question answering with exact citations over Chinese government industry reports. Every error body is `{"error":{"code","message","field?"}}`.',
    },
    tags: [
      { name: 'answers' },
      { name: 'documents' },
      { name: 'indicators' },
      { name: 'openai', description: 'OpenAI-compatible endpoints' },
      { name: 'auth', description: 'sign-in, sessions and API keys (user accounts)' },
      { name: 'admin', description: 'users and keys (admin role)' },
      { name: 'service' },
      { name: 'web' },
    ],
  });
  return cached;
}

export function registerOpenApi(app: Hono): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
}
