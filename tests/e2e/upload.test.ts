/**
 * Uploading in the web page: an editor drops a real PDF (made by LibreOffice) on the 文档 view, sees the job's
 * progress and its result, then asks a question answered from that PDF's table; a scanned PDF chosen with the
 * file input gets the server's refusal naming the file. Readers never see the upload view.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { openOrRebuild } from '../../src/index/open-or-rebuild.js';
import { createApp } from '../../src/serve/app.js';
import { Accounts } from '../../src/serve/auth/accounts.js';
import { MemoryUserStore } from '../../src/serve/auth/memory-user-store.js';
import { swapOnReindex } from '../../src/serve/routes/admin.js';
import { FORMATS_DIR, fixtureBytes } from '../ingest/load/format-fixtures.js';
import { SEEDS_DIR } from '../serve/test-server.js';
import { browserMissing, CHROMIUM, useBrowser } from './browser.js';

const PASSWORD = 'browser-upload-password';
const TITLE = browserMissing ? `upload in the web UI — SKIPPED: no browser at ${CHROMIUM}` : 'upload in the web UI (chromium)';

describe.skipIf(browserMissing)(TITLE, () => {
  let root: string;
  let seedsDir: string;
  let engine: Engine | undefined;
  let server: ServerType;
  let url = '';
  const { open } = useBrowser(() => url);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-web-upload-'));
    seedsDir = join(root, 'seeds');
    await cp(SEEDS_DIR, seedsDir, { recursive: true });
    const source = { seedsDir, indexDir: join(root, 'index'), embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null };
    engine = (await openOrRebuild(source)).engine;
    const accounts = new Accounts({ store: new MemoryUserStore(), passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
    await accounts.createUser({ name: 'editor', password: PASSWORD, role: 'editor' });
    await accounts.createUser({ name: 'reader', password: PASSWORD, role: 'reader' });
    const reindex = swapOnReindex(source, { current: () => engine, replace: (next) => (engine = next) });
    const app = createApp({ engine: () => engine, accounts: { accounts }, admin: { seedsDir, reindex } });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await engine?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function signIn(page: Page, name: string): Promise<void> {
    await page.locator('#signin-name').fill(name);
    await page.locator('#signin-password').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#view-ask').waitFor();
  }

  it('an editor drops a PDF, watches it being indexed, and gets an answer cited from it', async () => {
    const page = await open();
    await signIn(page, 'editor');
    await page.getByRole('link', { name: '文档' }).click();
    await page.locator('#document-list tbody tr').first().waitFor();
    expect(await page.locator('#document-list tbody tr').count()).toBe(5);

    // A real drag-and-drop: a drop event whose DataTransfer holds the fixture's bytes as a File.
    const bytes = Buffer.from(fixtureBytes('report.pdf')).toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      transfer.items.add(new File([data], 'report.pdf', { type: 'application/pdf' }));
      return transfer;
    }, bytes);
    await page.locator('#drop-zone').dispatchEvent('dragover', { dataTransfer });
    expect(await page.locator('#drop-zone').getAttribute('class')).toContain('dragging');
    await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });

    const item = page.locator('.upload-item[data-file="report.pdf"]');
    await item.waitFor();
    await expect.poll(() => item.getAttribute('class'), { timeout: 30_000 }).toContain('done');
    expect(await item.locator('.upload-status').textContent()).toBe('已新增（PDF），可以提问了');
    await expect.poll(() => page.locator('#document-list tbody tr[data-doc-id="report.pdf"]').count()).toBe(1);
    expect((await readdir(seedsDir)).includes('report.pdf')).toBe(true);

    await page.locator('.tabs a[data-view="ask"]').click();
    await page.locator('#question').fill('2025年襄阳高新技术企业数量实际完成了多少');
    await page.locator('#question').press('Enter');
    const answer = page.locator('.message.answered').last();
    await expect.poll(() => answer.locator('.answer-text').textContent()).toContain('1620家');
    await answer.locator('.answer-text button.cite').first().click();
    await expect.poll(() => page.locator('#source-panel mark.cited').textContent()).toBe('1620家');
  });

  it('a scanned PDF chosen with the file input is refused with the reason, naming the file, and nothing is added', async () => {
    const page = await open();
    await signIn(page, 'editor');
    await page.goto('/#/documents');
    await page.locator('#upload-input').setInputFiles(join(FORMATS_DIR, 'scanned.pdf'));
    const item = page.locator('.upload-item[data-file="scanned.pdf"]');
    await expect.poll(() => item.getAttribute('class')).toContain('failed');
    expect(await item.locator('.upload-detail').textContent()).toBe(
      '文件无法读取：scanned.pdf: the PDF has no text layer (scanned pages or images only); run OCR on it first',
    );
    expect((await readdir(seedsDir)).includes('scanned.pdf')).toBe(false);
    // The view fits a phone, signed in (tabs and account bar) with a long error in the list: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('a reader has no upload view', async () => {
    const page = await open();
    await signIn(page, 'reader');
    expect(await page.locator('#documents-tab').isHidden()).toBe(true);
    await page.goto('/#/documents');
    await page.locator('#view-ask').waitFor();
    expect(await page.locator('#view-documents').isHidden()).toBe(true);
  });
});
