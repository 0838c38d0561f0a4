import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/serve/auth/accounts.js';
import { MemoryUserStore } from '../../src/serve/auth/memory-user-store.js';
import { startTestServer, type TestServer } from '../serve/test-server.js';
import { browserMissing, CHROMIUM, useBrowser } from './browser.js';

const missing = browserMissing;
const PASSWORD = 'browser-test-password';

const TITLE = missing ? `sign-in in the web UI — SKIPPED: no browser at ${CHROMIUM}` : 'sign-in in the web UI (chromium)';

describe.skipIf(missing)(TITLE, () => {
  let server: TestServer;
  const { open } = useBrowser(() => server.url);

  beforeAll(async () => {
    const accounts = new Accounts({ store: new MemoryUserStore(), passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
    await accounts.createUser({ name: 'reader', password: PASSWORD, role: 'reader' });
    await accounts.createUser({ name: 'admin', password: PASSWORD, role: 'admin' });
    server = await startTestServer({ accounts: { accounts } });
  });
  afterAll(async () => {
    await server?.close();
  });


  async function signIn(page: Page, name: string, password: string): Promise<void> {
    await page.locator('#signin-name').fill(name);
    await page.locator('#signin-password').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('shows the sign-in form, refuses a wrong password, then signs in, asks, and signs out', async () => {
    const page = await open();
    await page.locator('#view-signin').waitFor();
    expect(await page.locator('#view-ask').isHidden()).toBe(true);

    await signIn(page, 'reader', 'not-the-password');
    await expect.poll(() => page.locator('#signin-error').textContent()).toBe('用户名或密码错误');

    await signIn(page, 'reader', PASSWORD);
    await page.locator('#view-ask').waitFor();
    expect(await page.locator('#account-name').textContent()).toBe('reader（reader）');
    const cookies = await page.context().cookies();
    const session = cookies?.find((c) => c.name === 'qa_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.locator('#question').fill('2026年湖北算力目标是多少');
    await page.locator('#question').press('Enter');
    const answer = page.locator('.message.answered').last();
    await expect.poll(() => answer.locator('.answer-text').textContent()).toContain('2.2万P');
    // The cited source loads too (GET /documents/:id with the cookie).
    await answer.locator('.answer-text button.cite', { hasText: '1' }).click();
    await expect.poll(() => page.locator('#source-panel mark.cited').textContent()).toContain('2.2万P');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#view-signin').waitFor();
    expect(await page.locator('#view-ask').isHidden()).toBe(true);
    expect((await page.context().cookies()).find((c) => c.name === 'qa_session')).toBeUndefined();
    // The old session is dead on the server, and the conversation was not left on this computer.
    const refused = await fetch(`${server.url}/documents`, { headers: { cookie: `qa_session=${session?.value}` } });
    expect(refused.status).toBe(401);
    expect(await page.evaluate(() => localStorage.getItem('policy-report-qa:history:v1'))).toBeNull();
  });

  it('an admin adds a user and creates a key that is shown once and works until revoked', async () => {
    const page = await open();
    await signIn(page, 'admin', PASSWORD);
    await page.getByRole('link', { name: '账号' }).click();
    await page.locator('#admin-panel').waitFor();

    await page.locator('#user-name').fill('wang.fang');
    await page.locator('#user-password').fill('a-new-user-password');
    await page.locator('#user-role').selectOption('editor');
    await page.getByRole('button', { name: '添加用户' }).click();
    await expect.poll(() => page.locator('#users tbody tr').filter({ hasText: 'wang.fang' }).count()).toBe(1);

    await page.locator('#my-key-label').fill('报表脚本');
    await page.getByRole('button', { name: '创建密钥' }).first().click();
    await page.locator('#new-secret').waitFor();
    const secret = (await page.locator('#new-secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^pqa_[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('#my-keys').textContent()).not.toContain(secret);
    const withKey = () => fetch(`${server.url}/indicators?pageSize=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await withKey()).status).toBe(200);

    await page.locator('#my-keys tbody tr').filter({ hasText: '报表脚本' }).getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => page.locator('#my-keys tbody tr').filter({ hasText: '报表脚本' }).textContent()).toContain('已吊销');
    expect((await withKey()).status).toBe(401);
  });
});
