/**
 * Writes docs/screenshots/{chat,indicators}-{desktop,phone}.png and source-phone.png from the real UI, served
 * in-process over an index built from the seeds. Needs Debian chromium (+ fonts-wqy-microhei).
 *   npx tsx scripts/screenshots.mts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startTestServer } from '../tests/serve/test-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: apt-get install -y chromium fonts-wqy-microhei`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

async function chat(page: Page, size: keyof typeof SIZES): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '2026年湖北算力目标是多少' }).click();
  await page.locator('.message.answered').first().waitFor();
  await page.locator('#question').fill('河南省2025年规上工业增加值增长了多少');
  await page.locator('#ask-form button[type=submit]').click();
  await page.locator('.message.not-found').waitFor();
  await page.locator('.message.answered button.cite').first().click();
  await page.locator('#source-text mark.cited').waitFor();
  // Let the highlight's flash animation finish.
  await page.waitForTimeout(1400);
  if (size === 'phone') {
    // On a phone the source covers the conversation, so each gets its own picture.
    await page.screenshot({ path: join(OUT, 'source-phone.png') });
    await page.locator('#source-close').click();
  }
  await page.screenshot({ path: join(OUT, `chat-${size}.png`) });
}

async function indicators(page: Page, size: keyof typeof SIZES): Promise<void> {
  await page.goto('/#/indicators?region=%E6%B9%96%E5%8C%97&metric=%E7%AE%97%E5%8A%9B');
  await page.locator('#indicator-chart svg .bar').first().waitFor();
  await page.screenshot({ path: join(OUT, `indicators-${size}.png`), fullPage: size === 'phone' });
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = await startTestServer();
try {
  for (const [size, viewport] of Object.entries(SIZES) as Array<[keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]]>) {
    // A fresh profile per size, so one run's conversation history does not appear in the next.
    const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      baseURL: server.url,
      viewport,
      deviceScaleFactor: 1,
      locale: 'zh-CN',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (m) => m.type() === 'error' && console.error(`[${size}] console: ${m.text()}`));
      await chat(page, size);
      await indicators(page, size);
      console.log(`wrote chat-${size}.png, indicators-${size}.png`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
