/** Debian's Chromium driven by playwright-core: a fresh profile per test, and what the page did wrong. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserMissing = !existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Call inside a describe block. `open` starts a browser with a fresh profile (no history or cache
 * carried from one test to the next) on the server's page; after each test the browser is closed and
 * the test fails if the page loaded anything from elsewhere (no CDN, no remote fonts) or threw.
 */
export function useBrowser(serverUrl: () => string): { open: (viewport?: { width: number; height: number }) => Promise<Page> } {
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let problems: string[] = [];

  afterEach(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    context = undefined;
    expect(problems).toEqual([]);
    problems = [];
  });

  return {
    async open(viewport = { width: 1280, height: 800 }) {
      const url = serverUrl();
      profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
      context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, baseURL: url, viewport, locale: 'zh-CN' });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('request', (request) => {
        if (!request.url().startsWith(url) && !request.url().startsWith('data:')) problems.push(request.url());
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.goto('/');
      return page;
    },
  };
}
