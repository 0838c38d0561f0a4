import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../serve/test-server.js';
import { browserMissing, CHROMIUM, useBrowser } from './browser.js';

const missing = browserMissing;

const TITLE = missing
  ? `web UI — SKIPPED: no browser at ${CHROMIUM} (CI installs it: apt-get install -y chromium fonts-wqy-microhei)`
  : 'web UI in chromium';
if (missing) console.warn(TITLE);

describe.skipIf(missing)(TITLE, () => {
  let server: TestServer;
  const { open } = useBrowser(() => server.url);

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });


  async function ask(page: Page, question: string): Promise<void> {
    await page.locator('#question').fill(question);
    await page.locator('#question').press('Enter');
  }

  it('answers with a citation marker that opens the source scrolled to the highlighted span', async () => {
    const page = await open();
    await ask(page, '2026年湖北算力目标是多少');
    const answer = page.locator('.message.answered').last();
    await answer.waitFor();
    await expect.poll(() => answer.locator('.answer-text').textContent()).toContain('2.2万P');
    // The indicator row behind the answer is listed.
    expect(await answer.locator('.indicator-table tbody tr').count()).toBe(1);
    expect(await answer.locator('.indicator-table tbody tr').textContent()).toContain('2.2万P');

    await answer.locator('.answer-text button.cite', { hasText: '1' }).click();
    const mark = page.locator('#source-panel mark.cited');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('2.2万P');
    expect(await page.locator('#source-title').textContent()).toBe('湖北经信这一年');

    // The highlight is exactly the cited span of the served text.
    const response = (await (
      await fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '2026年湖北算力目标是多少' }) })
    ).json()) as { citations: Array<{ quote: string }> };
    expect(await mark.textContent()).toBe(response.citations[0].quote);

    // ...and it has been scrolled into the visible part of the source panel.
    await expect
      .poll(async () => {
        const box = await mark.boundingBox();
        const panel = await page.locator('#source-text').boundingBox();
        return Boolean(box && panel && box.y >= panel.y && box.y + box.height <= panel.y + panel.height);
      })
      .toBe(true);
    expect(await page.locator('#source-text').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#source-panel').isHidden()).toBe(true);
  });

  it('carries a follow-up on from the turn before: "那2025年实际完成了多少？" after a target question', async () => {
    const page = await open();
    await ask(page, '2026年湖北算力目标是多少');
    await expect.poll(() => page.locator('.message.answered .answer-text').last().textContent()).toContain('2.2万P');
    await ask(page, '那2025年实际完成了多少？');
    await expect.poll(() => page.locator('.message.answered').count()).toBe(2);
    const second = page.locator('.message.answered').last();
    await expect.poll(() => second.locator('.answer-text').textContent()).toContain('1.8万P');
    expect(await second.locator('.answer-text').textContent()).not.toContain('2.2万P');
    expect(await second.locator('.resolved').textContent()).toMatch(/按上文理解为：2025年湖北算力/);
  });

  it('shows not_found clearly, without a number or a citation', async () => {
    const page = await open();
    await ask(page, '河南省2025年规上工业增加值增长了多少');
    const message = page.locator('.message.not-found');
    await message.waitFor();
    expect(await message.locator('.badge').textContent()).toBe('未找到');
    expect(await message.locator('.answer-text').textContent()).toContain('河南');
    expect(await message.locator('button.cite').count()).toBe(0);
    expect(await page.locator('.message.answered').count()).toBe(0);
  });

  it('shows an error with a retry, and keeps the conversation across a reload', async () => {
    const page = await open();
    await page.route('**/ask', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'index_unavailable', message: 'loading' } }) }),
    );
    await page.getByRole('button', { name: '2026年湖北算力目标是多少' }).click();
    const error = page.locator('.message.error');
    await error.waitFor();
    expect(await error.textContent()).toContain('索引正在加载');

    await page.unroute('**/ask');
    await error.getByRole('button', { name: '重试' }).click();
    await page.locator('.message.answered').waitFor();
    expect(await page.locator('.message.error').count()).toBe(0);

    await page.reload();
    await page.locator('.message.answered').waitFor();
    expect(await page.locator('.message.user').textContent()).toContain('2026年湖北算力目标是多少');
    expect(await page.locator('#welcome').isHidden()).toBe(true);
  });

  it('browses indicators with filters, a table and a chart over the years', async () => {
    const page = await open();
    await page.getByRole('link', { name: '指标' }).click();
    await page.locator('#indicator-results tbody tr').first().waitFor();

    await page.locator('#filter-region').selectOption('湖北');
    await page.locator('#filter-metric').fill('算力');
    await page.locator('#indicator-filters button[type=submit]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('metric=');
    // The unfiltered table already has many rows, so wait for the filtered one by its content.
    await expect.poll(() => page.locator('#indicator-results tbody tr').filter({ hasText: '2.2万P' }).count()).toBe(1);
    const table = await page.locator('#indicator-results').textContent();
    for (const value of ['7998P', '1.2万P', '1.8万P', '2.2万P']) expect(table).toContain(value);

    const chart = page.locator('#indicator-chart svg');
    await chart.waitFor();
    expect(await chart.locator('.bar-actual').count()).toBe(2);
    expect(await chart.locator('.bar-target').count()).toBe(2);
    const labels = await chart.locator('.bar-label').allTextContents();
    expect(labels).toEqual(['7998P', '1.8万P', '1.2万P', '2.2万P']);
    expect(await chart.locator('.period').allTextContents()).toEqual(['2024年', '2025年', '2026年']);
    // Bars are to scale: 2.2万 is drawn taller than 7998.
    const heights = await chart.locator('.bar rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights[3]).toBeGreaterThan(heights[0] * 2.5);

    // A bar opens the sentence it came from.
    await chart.locator('.bar-target').last().click();
    await page.locator('#source-panel mark.cited').waitFor();
    expect(await page.locator('#source-panel mark.cited').textContent()).toContain('2.2万P');
  });

  it('works at phone width: no sideways scrolling, the source covers the screen', async () => {
    const page = await open({ width: 390, height: 844 });
    await ask(page, '2026年湖北算力目标是多少');
    await page.locator('.message.answered').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.answer-text button.cite').click();
    await page.locator('#source-panel mark.cited').waitFor();
    const panel = await page.locator('#source-panel').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await page.locator('#source-close').click();
    await expect.poll(() => page.locator('#source-panel').isHidden()).toBe(true);

    await page.goto('/#/indicators?region=%E6%B9%96%E5%8C%97&metric=%E7%AE%97%E5%8A%9B');
    await page.locator('#indicator-chart svg .bar').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
