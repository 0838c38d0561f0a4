import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ReindexReport } from './routes/admin.js';
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
    401: 'missing or wrong bearer token',
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

/** routes/admin.ts has only a TypeScript interface; the assignment below fails to compile if the two drift apart. */
const reindexReportSchema = z
  .object({
    status: z.literal('reindexed'),
    changed: z.boolean(),
    rebuiltBecause: z.string().optional(),
    documents: z.number(),
    chunks: z.number(),
    indicators: z.number(),
    warnings: z.array(z.string()),
    index: z.object({ createdAt: z.string(), corpusHash: z.string() }),
    durationMs: z.number(),
  })
  .meta({ id: 'ReindexReport' });
const reindexMatchesInterface: [z.infer<typeof reindexReportSchema>, ReindexReport] extends [ReindexReport, z.infer<typeof reindexReportSchema>] ? true : never = true;
void reindexMatchesInterface;

/** API_KEY, when set, guards /ask and /v1/*; without it those routes are open, hence the empty alternative. */
const apiKeySecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, {}];

function describeRoutes(registry: Registry): void {
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'Authorization: Bearer <API_KEY>; required on /ask and /v1/* only when the server sets API_KEY',
  });
  registry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Authorization: Bearer <ADMIN_TOKEN>',
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
    responses: { 200: json(z.object({ documents: z.array(documentMetaSchema) }), 'document metadata'), ...errors(503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/documents/{id}',
    tags: ['documents'],
    summary: 'One report with its full text; citation start/end are offsets into `text`',
    request: { params: z.object({ id: z.string().meta({ example: '001_89a872acc90dcb9c.txt' }) }) },
    responses: { 200: json(documentSchema, 'the document'), ...errors(404, 503) },
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
    request: { query: indicatorQuerySchema },
    responses: { 200: json(indicatorPageSchema, 'a page of indicator rows, each with its citation'), ...errors(400, 503) },
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
  registry.registerPath({
    method: 'post',
    path: '/admin/reindex',
    tags: ['service'],
    summary: 'Rebuild the index from the seeds and swap it in (only when the server sets ADMIN_TOKEN)',
    security: [{ adminToken: [] }],
    request: { query: z.object({ force: z.enum(['true', 'false', '1', '0']).optional() }) },
    responses: { 200: json(reindexReportSchema, 'the new index is in service'), ...errors(400, 401, 429) },
  });
  const uploadResultSchema = z
    .object({
      status: z.enum(['created', 'replaced', 'unchanged', 'deleted']),
      id: z.string(),
      format: z.enum(['txt', 'md', 'pdf', 'docx', 'html']).optional(),
      sha256: z.string().optional(),
      reindex: reindexReportSchema.optional(),
    })
    .meta({ id: 'DocumentChange' });
  registry.registerPath({
    method: 'post',
    path: '/documents',
    tags: ['documents'],
    summary: 'Add or replace a report (multipart field `file`: PDF, DOCX, HTML, text) and re-index (only with ADMIN_TOKEN)',
    security: [{ adminToken: [] }],
    request: {
      body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }) }) } } },
    },
    responses: {
      201: json(uploadResultSchema, 'a new report, indexed'),
      200: json(uploadResultSchema, 'a report replaced, or the same bytes already indexed (unchanged)'),
      ...errors(400, 401, 413, 415, 422, 429),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/documents/{id}',
    tags: ['documents'],
    summary: 'Remove a report from the seeds folder and re-index (only with ADMIN_TOKEN)',
    security: [{ adminToken: [] }],
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: json(uploadResultSchema, 'removed and re-indexed'), ...errors(401, 404, 429) },
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
      { name: 'service' },
      { name: 'web' },
    ],
  });
  return cached;
}

export function registerOpenApi(app: Hono): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
}
