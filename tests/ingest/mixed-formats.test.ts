/**
 * A seeds folder holding PDF, DOCX and HTML next to broken, encrypted and scanned PDFs: the good files
 * are indexed, each bad one is named in a warning, and table cells answer both target and actual questions
 * with citations that carry the page or heading path and slice exactly from the served text.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestResult } from '../../ingest/pipeline.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { FORMATS_DIR, fixtureBytes } from './load/format-fixtures.js';

const FILES = ['report.pdf', 'report.docx', 'report.html', 'broken.pdf', 'encrypted.pdf', 'scanned.pdf'];

let root: string;
let ingest: IngestResult;
let engine: Engine;
let app: Hono;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'policy-qa-formats-'));
  await mkdir(join(root, 'seeds'));
  for (const name of FILES) await copyFile(join(FORMATS_DIR, name), join(root, 'seeds', name));
  ingest = await runIngest({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), embedder: null });
  engine = await openEngine({ indexDir: join(root, 'index') });
  app = createApp({ engine: () => engine });
});

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

describe('ingest of a folder of mixed formats', () => {
  it('indexes the readable files and names each unreadable one with its reason', () => {
    expect(engine.documents().map((d) => [d.id, engine.document(d.id)?.format])).toEqual([
      ['report.docx', 'docx'],
      ['report.html', 'html'],
      ['report.pdf', 'pdf'],
    ]);
    expect(ingest.warnings).toEqual([
      'broken.pdf: skipped, not a readable PDF (Invalid PDF structure.)',
      'encrypted.pdf: skipped, the PDF is encrypted (password-protected); save an unprotected copy',
      'scanned.pdf: skipped, the PDF has no text layer (scanned pages or images only); run OCR on it first',
    ]);
  });
});

describe('re-index by content hash', () => {
  it('a forced rebuild reads unchanged PDF and DOCX files from the previous index, not from the bytes again', async () => {
    const again = await runIngest({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), embedder: null, force: true });
    expect(again.changed).toBe(true);
    expect(again.reusedDocuments).toEqual(['report.docx', 'report.pdf']);
    expect(again.indicators).toBe(ingest.indicators);
    // Bad files are never in an index, so they are tried (and named) again.
    expect(again.warnings).toEqual(ingest.warnings);
  });

  it('the first ingest of a folder parses everything', () => {
    expect(ingest.reusedDocuments).toEqual([]);
  });
});

describe.each([
  ['report.pdf', { page: 2 }],
  ['report.docx', { headingPath: ['二、主要指标完成情况'] }],
  ['report.html', { headingPath: ['二、主要指标完成情况'] }],
])('the indicator tables in %s', (docId, location) => {
  it.each([
    ['2025年襄阳工业投资增速目标是多少', '8%'],
    ['2025年襄阳工业投资增速实际完成多少', '9.1%'],
    ['2025年襄阳高新技术企业数量目标是多少', '1500家'],
    ['2025年襄阳高新技术企业数量实际完成了多少', '1620家'],
    // The 2025年实际/2026年目标 table, on a row whose header wraps onto two lines in the PDF.
    ['2026年襄阳规上工业企业研发经费支出占营业收入比重目标是多少', '2%以上'],
    ['2025年襄阳规上工业企业研究与试验发展经费支出占营业收入比重是多少', '1.8%'],
  ])('%s → %s, cited by the cell', async (question, value) => {
    const response = await engine.ask({ question, filters: { docIds: [docId] } });
    expect(response.status).toBe('answered');
    expect(response.answer).toContain(value);
    const [citation] = response.citations;
    expect(citation).toMatchObject({ docId, quote: value, ...location });
    expect(engine.document(docId)?.text.slice(citation.start, citation.end)).toBe(value);
  });
});

describe('citations of prose carry their location too', () => {
  it('PDF: the page; DOCX: the heading path under which the sentence stands', async () => {
    const question = '2025年襄阳新能源汽车产量是多少';
    const pdf = await engine.ask({ question, filters: { docIds: ['report.pdf'] } });
    const docx = await engine.ask({ question, filters: { docIds: ['report.docx'] } });
    expect(pdf.citations[0]).toMatchObject({ page: 1 });
    expect(pdf.citations[0].quote).toContain('18.6万辆');
    expect(docx.citations[0]).toMatchObject({ headingPath: ['一、2025年工作回顾', '（一）产业集群加快壮大'] });
  });
});

describe('GET /documents/:id/original', () => {
  it.each([
    ['report.pdf', 'application/pdf'],
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['report.html', 'text/html; charset=utf-8'],
  ])('%s comes back byte for byte as %s', async (id, contentType) => {
    const response = await app.request(`/documents/${id}/original`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixtureBytes(id));
  });

  it('404 for an unknown document', async () => {
    const response = await app.request('/documents/nope.pdf/original');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found', field: 'id' } });
  });
});
